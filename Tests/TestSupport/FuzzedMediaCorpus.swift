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

    /// A 6 s, 160x120, 15 fps H.264 + AAC (mono) recording in `format`, keyframe every second.
    public static func source(_ format: String) throws -> String {
        let muxer = ["mp4": "mp4", "flv": "flv", "ts": "mpegts", "mkv": "matroska"][format] ?? format
        return try MediaFixtures.make("fuzz-source.\(format)", MediaFixtures.videoSource(seconds: 6, size: "160x120", rate: "15") +
                                      MediaFixtures.toneSource(seconds: 6, rate: 44_100) +
                                      ["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-pix_fmt", "yuv420p",
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
