import Foundation

/// Small media files generated with the ffmpeg CLI at test time, once per test run, shared between tests.
/// Generation writes to a temporary name and renames, so tests running in parallel never see half a file.
public enum MediaFixtures {
    /// This run's fixture folder.
    public static let folder: URL = try! Fixtures.temporaryDirectory("clipkit-fixtures")

    /// The path of fixture `name`, generating it with `ffmpeg <arguments> <output>` the first time.
    public static func make(_ name: String, _ arguments: [String]) throws -> String {
        let target = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path) { return target.path }
        let temporary = folder.appendingPathComponent("tmp-\(UUID().uuidString.prefix(8))-\(name)")
        try Fixtures.ffmpeg(arguments + [temporary.path])
        if FileManager.default.fileExists(atPath: target.path) {
            try? FileManager.default.removeItem(at: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: target)
        }
        return target.path
    }

    /// A lavfi test pattern with a moving element, `seconds` long.
    public static func videoSource(seconds: Double, size: String = "320x240", rate: String = "25") -> [String] {
        ["-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(rate):duration=\(seconds)"]
    }

    /// A sine tone, `seconds` long.
    public static func toneSource(seconds: Double, frequency: Int = 440, rate: Int = 48_000) -> [String] {
        ["-f", "lavfi", "-i", "sine=frequency=\(frequency):sample_rate=\(rate):duration=\(seconds)"]
    }

    /// H.264 + AAC in MP4, 4 s, 320x240 at 25 fps, keyframe every second.
    public static func h264AAC() throws -> String {
        try make("h264-aac.mp4", videoSource(seconds: 4) + toneSource(seconds: 4) +
                 ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest"])
    }

    /// Writes `bytes` to a file named `name` in the fixture folder.
    public static func write(_ name: String, _ bytes: Data) throws -> String {
        let target = folder.appendingPathComponent(name)
        try bytes.write(to: target, options: .atomic)
        return target.path
    }
}
