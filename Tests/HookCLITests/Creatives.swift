import Foundation
import TestSupport

/// Generated creatives for the hook bars, made once per test run with the ffmpeg CLI: clean dynamic
/// ones (cuts at 1.0 s and 2.2 s, motion, speech from 0.1 s) and one file per defect, each derived from
/// the clean master so that it differs from it in exactly one way.
enum Creatives {
    /// A defect, the finding it must produce, and how the file is made from the clean master.
    struct Defect: Sendable {
        let name: String
        let finding: String
        /// ffmpeg arguments after the master's video (input 0) and speech (input 1); output appended.
        let arguments: [String]
    }

    static let width = 720, height = 1280, duration = 5.5
    /// Bump when `makeMaster` or `makeSpeech` change, so the cached set is made again.
    static let mastersVersion = "masters-1"

    /// The clean files' names.
    static let clean = ["clean-a.mp4", "clean-b.mp4"]

    static let defects: [Defect] = [
        Defect(name: "black-open.mp4", finding: "black_open",
               arguments: ["-filter_complex", "color=black:s=\(width)x\(height):r=30:d=1[b];[0:v]trim=0:4.5,setpts=PTS-STARTPTS[c];[b][c]concat=n=2:v=1:a=0[v]",
                           "-map", "[v]", "-map", "1:a"]),
        Defect(name: "fade-in.mp4", finding: "black_open", arguments: ["-vf", "fade=in:st=0:d=1", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "frozen-open.mp4", finding: "frozen_open",
               arguments: ["-filter_complex", "[0:v]trim=start_frame=0:end_frame=1,loop=loop=104:size=1,setpts=N/30/TB[f];[0:v]trim=3.5:5.5,setpts=PTS-STARTPTS[r];[f][r]concat=n=2:v=1:a=0[v]",
                           "-map", "[v]", "-map", "1:a"]),
        Defect(name: "late-sound.mp4", finding: "silent_open", arguments: ["-map", "0:v", "-map", "1:a", "-af", "atrim=0.1,asetpts=PTS-STARTPTS,adelay=1800:all=1,apad,atrim=0:5.5"]),
        Defect(name: "quiet.mp4", finding: "quiet_open", arguments: ["-map", "0:v", "-map", "1:a", "-af", "volume=-28dB"]),
        Defect(name: "clipped.mp4", finding: "clipping", arguments: ["-map", "0:v", "-map", "1:a", "-af", "volume=18dB,aformat=sample_fmts=s16"]),
        Defect(name: "letterboxed.mp4", finding: "letterbox",
               arguments: ["-vf", "scale=\(width):406,setsar=1,pad=\(width):\(height):0:(oh-ih)/2:black", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "blurred.mp4", finding: "blurry", arguments: ["-vf", "gblur=sigma=10", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "dark.mp4", finding: "too_dark", arguments: ["-vf", "lutyuv=y=(val-16)*0.15+16:u=(val-128)*0.15+128:v=(val-128)*0.15+128", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "landscape.mp4", finding: "wrong_aspect", arguments: ["-vf", "scale=1280:720,setsar=1", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "low-res.mp4", finding: "low_resolution", arguments: ["-vf", "scale=360:640", "-map", "0:v", "-map", "1:a"]),
        Defect(name: "short.mp4", finding: "too_short", arguments: ["-map", "0:v", "-map", "1:a", "-t", "2.5"]),
        Defect(name: "static-shot.mp4", finding: "no_early_cut",
               arguments: ["-filter_complex", "testsrc2=s=\(width)x\(height):r=30:d=\(duration)[v]", "-map", "[v]", "-map", "1:a"]),
    ]

    /// The folder holding every creative, generated on first use. It is a cache shared by test runs, named
    /// by a hash of everything that goes into the files (a change to a recipe makes a new folder), and
    /// filled under a temporary name then renamed, so an interrupted run never leaves half a set.
    static let folder: Result<URL, Error> = Result {
        let recipe = ([mastersVersion, clean.joined(), "\(width)x\(height)@\(duration)"] + defects.map { $0.name + $0.arguments.joined() })
            .joined(separator: "|")
        let key = recipe.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let cached = FileManager.default.temporaryDirectory.appendingPathComponent("clipkit-hook-creatives-\(String(key, radix: 16))")
        if FileManager.default.fileExists(atPath: cached.path) { return cached }
        let fresh = try generate()
        do {
            try FileManager.default.moveItem(at: fresh, to: cached)
        } catch where FileManager.default.fileExists(atPath: cached.path) {
            try? FileManager.default.removeItem(at: fresh)  // another test process won the race
        }
        return cached
    }

    static func path(_ name: String) throws -> String {
        try folder.get().appendingPathComponent(name).path
    }

    private static func generate() throws -> URL {
        let folder = try Fixtures.temporaryDirectory("hook-creatives")
        let encode = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                      "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-shortest"]
        for (index, name) in clean.enumerated() {
            let master = folder.appendingPathComponent("master-\(index).mp4").path
            let speech = folder.appendingPathComponent("speech-\(index).wav").path
            try makeMaster(master, variant: index)
            try makeSpeech(speech, variant: index)
            try Fixtures.ffmpeg(["-i", master, "-i", speech, "-map", "0:v", "-map", "1:a"] + encode + [folder.appendingPathComponent(name).path])
        }
        let master = folder.appendingPathComponent("master-0.mp4").path
        let speech = folder.appendingPathComponent("speech-0.wav").path
        for defect in defects {
            try Fixtures.ffmpeg(["-i", master, "-i", speech] + defect.arguments + encode + [folder.appendingPathComponent(defect.name).path])
        }
        return folder
    }

    /// Three moving, colourful, sharp shots: cuts at 1.0 s and 2.2 s.
    private static func makeMaster(_ path: String, variant: Int) throws {
        let size = "s=\(width)x\(height):r=30"
        let shots = variant == 0
            ? "testsrc2=\(size):d=1[a];testsrc=\(size):d=1.2[b];testsrc2=\(size):d=3.3,negate,hflip[c]"
            : "testsrc=\(size):d=1,hue=h=90[a];testsrc2=\(size):d=1.2,vflip[b];testsrc2=\(size):d=3.3,hue=h=180,hflip[c]"
        try Fixtures.ffmpeg(["-filter_complex", "\(shots);[a][b][c]concat=n=3:v=1:a=0[v]", "-map", "[v]",
                             "-c:v", "libx264", "-preset", "veryfast", "-crf", "16", "-pix_fmt", "yuv420p", path])
    }

    /// Synthesised speech from 0.1 s, normalised to about −14 LUFS with peaks below −2 dBTP.
    private static func makeSpeech(_ path: String, variant: Int) throws {
        let text = variant == 0
            ? "Hello everyone, welcome back to the live shop. Today this jacket is only ninety nine, grab it now."
            : "Stop scrolling! This blender crushes ice in three seconds. Watch this, and order before midnight."
        try Fixtures.ffmpeg(["-f", "lavfi", "-i", "flite=text='\(text)':voice=slt",
                             "-af", "adelay=100,apad,atrim=0:\(duration),aresample=48000,loudnorm=I=-14:TP=-2:LRA=11,aresample=48000",
                             "-ac", "1", path])
    }
}
