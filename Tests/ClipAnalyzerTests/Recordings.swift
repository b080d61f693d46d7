import Foundation
import TestSupport

/// Recordings with known content, generated once per test run with the ffmpeg CLI.
enum Recordings {
    static let folder: URL = try! Fixtures.temporaryDirectory("clipkit-analysis")
    private static let lock = NSLock()

    /// 16.2 s, 320×240 at 25 fps, H.264 with a keyframe every 2 s, B-frames and no scene-cut keyframes, mono AAC.
    /// Video: moving test pattern, cut at 3.4 s to a Game of Life, cut at 6.2 s to black, cut at 7.8 s to a
    /// cellular automaton, cut at 10.8 s to still colour bars (frozen until 13.2 s), cut at 13.2 s to another Life.
    /// Audio: 440 Hz at -20 dBFS to 4 s, silence to 5.5 s, -6 dBFS (loud) to 9 s, silence to 9.8 s, -30 dBFS.
    static let cutTimes = [3.4, 6.2, 7.8, 10.8, 13.2]
    static let black = (6.2, 7.8)
    static let freeze = (10.8, 13.2)
    static let silences = [(4.0, 5.5), (9.0, 9.8)]
    static let loudSeconds = 5.5..<9.0

    static func events() throws -> String {
        try make("events.mp4") { output in
            let sources = [
                "testsrc2=s=320x240:r=25:d=3.4",
                "life=s=320x240:r=25:mold=10:ratio=0.5:death_color=#203060:life_color=#F0C020:seed=7,trim=duration=2.8",
                "color=c=black:s=320x240:r=25:d=1.6",
                "cellauto=s=320x240:r=25:rule=30:seed=3,trim=duration=3.0",
                "smptebars=s=320x240:r=25:d=2.4",
                "life=s=320x240:r=25:mold=5:ratio=0.3:seed=11,trim=duration=3.0",
            ]
            let audio = "aevalsrc='if(lt(t,4),0.1*sin(2*PI*440*t),if(lt(t,5.5),0,if(lt(t,9),0.5*sin(2*PI*440*t),"
                + "if(lt(t,9.8),0,0.0316*sin(2*PI*440*t)))))':s=48000:d=16.2"
            let labels = sources.indices.map { "[v\($0)]" }
            let graph = sources.indices.map { "[\($0):v]format=yuv420p,setsar=1\(labels[$0])" }.joined(separator: ";")
                + ";" + labels.joined() + "concat=n=\(sources.count):v=1:a=0[v]"
            return sources.flatMap { ["-f", "lavfi", "-i", $0] } + ["-f", "lavfi", "-i", audio,
                "-filter_complex", graph, "-map", "[v]", "-map", "\(sources.count):a",
                "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-keyint_min", "50", "-sc_threshold", "0", "-bf", "2",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", output]
        }
    }

    /// 3 s of a 1 kHz tone (lavfi's 1/8 amplitude, then -9 dB) in WAV: audio only.
    static func toneOnly() throws -> String {
        try make("tone.wav") { ["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=3", "-af", "volume=-9dB", $0] }
    }

    /// The events recording as MPEG-TS (as live recorders write it) with 4 KB of garbage at 30 % and the
    /// last 40 % cut off mid-packet.
    static func damaged() throws -> String {
        let source = try events()
        let stream = try make("events.ts") { ["-i", source, "-c", "copy", "-f", "mpegts", $0] }
        return try make("damaged.ts", write: { output in
            var data = try Data(contentsOf: URL(fileURLWithPath: stream))
            let at = data.count * 3 / 10
            data.replaceSubrange(at..<(at + 4096), with: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) })
            try data.prefix(data.count * 6 / 10).write(to: URL(fileURLWithPath: output))
        })
    }

    /// Generates `name` once (to a temporary name, then renamed) with ffmpeg arguments ending in the output path.
    private static func make(_ name: String, _ arguments: (String) -> [String]) throws -> String {
        try make(name, write: { try Fixtures.ffmpeg(arguments($0)) })
    }

    private static func make(_ name: String, write: (String) throws -> Void) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let target = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) { return target.path }
        let temporary = folder.appendingPathComponent("tmp-\(name)")
        try write(temporary.path)
        try FileManager.default.moveItem(at: temporary, to: target)
        return target.path
    }
}

/// Reference results from ffmpeg's own filters on the same file.
enum FFmpegOracle {
    /// Runs ffmpeg with audio and video filters and returns its log (info level).
    static func log(_ path: String, video: String? = nil, audio: String? = nil) throws -> String {
        var arguments = ["-hide_banner", "-nostats", "-i", path]
        if let video { arguments += ["-vf", video] } else { arguments += ["-vn"] }
        if let audio { arguments += ["-af", audio] } else { arguments += ["-an"] }
        let result = try Fixtures.run("/usr/bin/env", ["ffmpeg"] + arguments + ["-f", "null", "-"])
        guard result.status == 0 else { throw FixtureError("ffmpeg failed on \(path): \(result.stderr)") }
        return result.stderr
    }

    /// The numbers after `key` in the log, in order.
    static func values(_ key: String, in log: String) -> [Double] {
        log.components(separatedBy: key).dropFirst().compactMap { part in
            Double(part.trimmingCharacters(in: .whitespaces).prefix { "0123456789.-e".contains($0) })
        }
    }

    /// Integrated loudness and loudness range from ebur128's summary.
    static func loudness(_ path: String) throws -> (integrated: Double, range: Double, truePeak: Double) {
        let text = try log(path, audio: "ebur128=peak=true:framelog=verbose")
        let summary = text.components(separatedBy: "Summary:").last ?? ""
        return (values("I:", in: summary).first ?? .nan, values("LRA:", in: summary).first ?? .nan,
                values("Peak:", in: summary).last ?? .nan)
    }

    /// Pairs of start/end values (silencedetect, blackdetect, freezedetect), an open end closed at `end`.
    static func intervals(_ starts: [Double], _ ends: [Double], end: Double) -> [(Double, Double)] {
        starts.enumerated().map { ($0.element, $0.offset < ends.count ? ends[$0.offset] : end) }
    }
}
