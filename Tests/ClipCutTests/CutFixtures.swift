import ClipMedia
import Foundation
import TestSupport

/// Media made once per test run with the ffmpeg CLI: short, small clips with known keyframes.
enum CutFixtures {
    /// 8 s, 320x180, 30 fps H.264 (B-frames, keyframe every 2 s) + stereo AAC sine at -20 dBFS.
    static let h264 = make("h264.mp4", ["-f", "lavfi", "-i", "testsrc=size=320x180:rate=30"] + audioInput +
                           ["-t", "8", "-c:v", "libx264", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                            "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k"])
    /// The same picture in HEVC (libx265).
    static let hevc = make("hevc.mp4", ["-f", "lavfi", "-i", "testsrc=size=320x180:rate=30"] + audioInput +
                           ["-t", "8", "-c:v", "libx265", "-x265-params", "keyint=60:min-keyint=60:scenecut=0:log-level=error",
                            "-pix_fmt", "yuv420p", "-tag:v", "hvc1", "-c:a", "aac"])
    /// The H.264 file remuxed to MPEG-TS with its clock starting at 10 s (a non-zero container start).
    static let transportStream = make("h264.ts", ["-i", h264, "-c", "copy", "-output_ts_offset", "10"])
    /// A phone recording: stored 320x180 with the left half white, flagged to be shown turned 90° clockwise
    /// (upright 180x320 with the white half on top).
    static let phone = make("phone.mp4", ["-i", phoneUnflagged, "-c", "copy", "-metadata:s:v:0", "rotate=270"])
    private static let phoneUnflagged = make("phone-unflagged.mp4", ["-f", "lavfi", "-i", "color=black:size=320x180:rate=30,drawbox=x=0:y=0:w=160:h=180:color=white:t=fill"] + audioInput +
                            ["-t", "4", "-c:v", "libx264", "-g", "30", "-pix_fmt", "yuv420p", "-c:a", "aac",
])
    /// 4 s of noisy 640x360 picture, so that a bit-rate target is actually used.
    static let noisy = make("noisy.mp4", ["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30,noise=alls=40:allf=t"] + audioInput +
                            ["-t", "4", "-c:v", "libx264", "-crf", "10", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac"])

    private static let audioInput = ["-f", "lavfi", "-i", "aevalsrc=0.1*sin(2*PI*440*t)|0.1*sin(2*PI*440*t):s=48000", "-shortest"]

    static let folder: URL = try! Fixtures.temporaryDirectory("clipkit-cut-fixtures")

    private static func make(_ name: String, _ arguments: [String]) -> String {
        let path = folder.appendingPathComponent(name).path
        do {
            try Fixtures.ffmpeg(arguments + [path])
        } catch {
            fatalError("cannot make fixture \(name): \(error)")
        }
        return path
    }
}

/// Independent checks of a clip with the ffmpeg/ffprobe CLIs.
enum ClipCheck {
    /// What `ffmpeg -v error -i clip -f null -` prints (empty for a clean decode).
    static func decodeErrors(_ path: String) throws -> String {
        let result = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-v", "error", "-i", path, "-f", "null", "-"])
        return result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) + (result.status == 0 ? "" : " (exit \(result.status))")
    }

    /// ffprobe's stream dictionary of the first stream of a kind ("video"/"audio").
    static func stream(_ path: String, _ kind: String) throws -> [String: Any]? {
        let json = try Fixtures.ffprobe(path, extra: ["-count_frames"])
        return (json["streams"] as? [[String: Any]])?.first { $0["codec_type"] as? String == kind }
    }

    static func number(_ value: Any?) -> Double? {
        if let text = value as? String { return Double(text) }
        return (value as? NSNumber)?.doubleValue
    }

    /// Presentation times (seconds) of a stream's frames, sorted, as ffprobe reads them.
    static func frameTimes(_ path: String, _ selector: String = "v:0") throws -> [Double] {
        let result = try Fixtures.run("/usr/bin/env", ["ffprobe", "-v", "error", "-select_streams", selector,
                                                        "-show_entries", "frame=pts_time", "-of", "csv=p=0", path])
        return result.stdout.split(separator: "\n").compactMap { Double($0.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ",")))) }.sorted()
    }

    /// The highest sample level in dBFS, from ffmpeg's astats.
    static func peakLevel(_ path: String) throws -> Double? {
        let result = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-i", path, "-map", "0:a", "-af", "astats=measure_perchannel=none", "-f", "null", "-"])
        let line = result.stderr.split(separator: "\n").last { $0.contains("Peak level dB") }
        return line.flatMap { Double($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
    }

    /// Mean absolute difference of two same-size pictures, 0…255.
    static func difference(_ a: RGBImage, _ b: RGBImage) -> Double {
        guard a.width == b.width, a.height == b.height else { return 255 }
        var sum = 0
        for i in 0..<a.pixels.count { sum += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(sum) / Double(a.pixels.count)
    }

    /// The source frame (among the one at `time` and its neighbours one frame away) that best matches `image`.
    static func bestMatch(_ image: RGBImage, in source: String, around time: Double, frame: Double = 1.0 / 30) throws -> Double {
        let thumbnails = try Thumbnailer(path: source)
        let candidates = [time - frame, time, time + frame].filter { $0 >= 0 }
        return try candidates.min { try difference(image, thumbnails.frame(at: $0, width: 0)) < difference(image, thumbnails.frame(at: $1, width: 0)) }!
    }
}
