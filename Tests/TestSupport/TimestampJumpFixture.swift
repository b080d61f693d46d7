import Foundation

/// Recordings whose time stamps jump mid-file, as live recorders write them when the stream reconnects: two
/// 10 s parts (320x240, 25 fps H.264 with a keyframe every second, AAC) joined byte for byte, the second on
/// another clock. The second part has black from its frame 75 to 125 (3–5 s, both ends shown), silence 6–8 s
/// and a hard cut to colour bars at 7 s: on the continuous timeline, frames 325–375, 16–18 s and frame 425.
public struct TimestampJumpFixture {
    /// How the second part's clock relates to the first's.
    public enum Jump: String, CaseIterable, Sendable, CustomStringConvertible {
        /// The clock jumps 600 s ahead (the recorder kept wall-clock time through a reconnect).
        case forward
        /// The clock starts again from 0 (the encoder restarted).
        case backward
        /// No jump, but the MPEG-TS 33-bit clock wraps 8 s in (it starts at 2^33 ticks minus 8 s).
        case wrap
        public var description: String { rawValue }
    }

    public let path: String
    public let jump: Jump
    /// Seconds from the container start to the first video frame (ffprobe's stream and format start times).
    public let firstFrame: Double

    /// Frames per second of the video.
    public static let frameRate = 25.0
    /// Continuous frame numbers where the black starts and ends (last black frame + 1) and the cut lands.
    public static let blackFrames = 325..<376
    public static let cutFrame = 425
    /// Continuous seconds (from the first frame) of the silence.
    public static let silence = 16.0...18.0
    /// Total length in seconds.
    public static let duration = 20.0

    /// Seconds from the container start of a continuous frame number.
    public func time(ofFrame frame: Int) -> Double { firstFrame + Double(frame) / Self.frameRate }

    /// The recording with this jump in `format` ("ts" or "flv"; `.wrap` is TS only), made once per run.
    public static func make(_ jump: Jump, format: String) throws -> TimestampJumpFixture {
        let name = "jump-\(jump)-\(format).\(format)"
        let target = MediaFixtures.folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: target.path) {
            let (firstOffset, secondOffset): (Double, Double) = switch jump {
            case .forward: (0, 600)
            case .backward: (0, 0)
            // 2^33 ticks of 90 kHz, less 8 s; the TS muxer starts at 1.4 s, so the wrap comes 8 s in.
            case .wrap: (8_589_934_592 / 90_000 - 9.4, 8_589_934_592 / 90_000 - 9.4 + 10)
            }
            let first = try part(first: true, format: format, offset: firstOffset)
            let second = try part(first: false, format: format, offset: secondOffset)
            // FLV: the second part without its 13-byte file header (signature, flags, first tag size).
            let joined = first + (format == "flv" ? second.dropFirst(13) : second)
            _ = try MediaFixtures.write(name, joined)
        }
        let probe = try Fixtures.ffprobe(target.path)
        let format = probe["format"] as? [String: Any]
        let streams = probe["streams"] as? [[String: Any]] ?? []
        let video = streams.first { $0["codec_type"] as? String == "video" }
        guard let start = (format?["start_time"] as? String).flatMap(Double.init),
              let videoStart = (video?["start_time"] as? String).flatMap(Double.init) else {
            throw FixtureError("ffprobe gives no start times for \(target.path)")
        }
        return TimestampJumpFixture(path: target.path, jump: jump, firstFrame: videoStart - start)
    }

    /// One 10 s part in `format`, its clock shifted by `offset` seconds.
    private static func part(first: Bool, format: String, offset: Double) throws -> Data {
        let source = try MediaFixtures.make(first ? "jump-part-1.mp4" : "jump-part-2.mp4", first
            ? MediaFixtures.videoSource(seconds: 10) + MediaFixtures.toneSource(seconds: 10) + encoding(filter: nil)
            : MediaFixtures.videoSource(seconds: 7) + ["-f", "lavfi", "-i", "smptebars=size=320x240:rate=25:duration=3"]
                + MediaFixtures.toneSource(seconds: 10, frequency: 660)
                + encoding(filter: "[0:v][1:v]concat=n=2:v=1:a=0,drawbox=color=black:t=fill:enable='between(t,3,5)'[v];"
                    + "[2:a]volume=0:enable='between(t,6,8)'[a]"))
        let muxer = format == "ts" ? "mpegts" : format
        let path = try MediaFixtures.make("jump-part-\(first ? 1 : 2)-\(Int(offset)).\(format)",
                                          ["-i", source, "-c", "copy", "-output_ts_offset", String(format: "%.6f", offset), "-f", muxer])
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private static func encoding(filter: String?) -> [String] {
        (filter.map { ["-filter_complex", $0, "-map", "[v]", "-map", "[a]"] } ?? [])
            + ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest"]
    }
}
