import Foundation

/// A seeded, deterministic corpus of damaged recordings: small valid MP4, FLV, MPEG-TS and MKV files,
/// each damaged every `MediaDamage` way with several seeds. Variant `i` is the same bytes on every run.
public enum FuzzedMediaCorpus {
    /// One damaged file.
    public struct Variant: Sendable, CustomStringConvertible {
        public let index: Int
        public let format: String
        public let damage: MediaDamage
        public let path: String
        public var description: String { "#\(index) \(format) \(damage.rawValue) \(path)" }
    }

    /// The containers damaged, in variant order.
    public static let formats = ["mp4", "flv", "ts", "mkv"]

    /// A 2 s, 96x64, 10 fps H.264 + AAC (mono) recording in `format`, keyframe every half second. Small and short:
    /// a debug build's analysis costs about the audio's length and the picture's size, and 520 variants run through it.
    public static func source(_ format: String) throws -> String {
        let muxer = ["mp4": "mp4", "flv": "flv", "ts": "mpegts", "mkv": "matroska"][format] ?? format
        return try MediaFixtures.make("fuzz-source.\(format)", MediaFixtures.videoSource(seconds: 2, size: "96x64", rate: "10") +
                                      MediaFixtures.toneSource(seconds: 2, rate: 44_100) +
                                      ["-c:v", "libx264", "-preset", "ultrafast", "-g", "5", "-pix_fmt", "yuv420p",
                                       "-c:a", "aac", "-ac", "1", "-b:a", "48k", "-shortest", "-f", muxer])
    }

    /// Variant `index` (any non-negative number): format and damage cycle, the seed is the index; written once per run.
    public static func variant(_ index: Int) throws -> Variant {
        let format = formats[index % formats.count]
        let damage = MediaDamage.allCases[index / formats.count % MediaDamage.allCases.count]
        let name = "fuzz-\(index)-\(damage.rawValue).\(format)"
        let target = MediaFixtures.folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: target.path) {
            var random = FixtureRandom(seed: 0xC11F_0000 + UInt64(index))
            let source = try Data(contentsOf: URL(fileURLWithPath: try source(format)))
            _ = try MediaFixtures.write(name, damage.apply(to: source, format: format, random: &random))
        }
        return Variant(index: index, format: format, damage: damage, path: target.path)
    }
}
