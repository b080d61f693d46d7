import Foundation

/// One way to damage a recording's bytes, as live recorders, crashed uploads and bad disks do.
public enum MediaDamage: String, CaseIterable, Sendable {
    /// A few bit flips in the first 4 KiB (container headers, codec parameters).
    case headerBitFlips = "flip-header"
    /// Bit flips anywhere after the first 4 KiB (coded frames).
    case payloadBitFlips = "flip-payload"
    /// The file cut off at a random point, as by a killed recorder.
    case truncation = "truncate"
    /// The index or metadata zeroed: MP4 `moov`, FLV `onMetaData`, MKV `Tracks`, TS PAT/PMT packets.
    case zeroedIndex = "zero-index"
    /// A span of packets/tags/bytes written twice.
    case duplicatedChunk = "duplicate"
    /// Two spans of packets/tags/bytes swapped.
    case reorderedChunks = "reorder"
    /// Timestamps jump: backwards, or (TS) just before the 2^33 wrap; MP4 sample durations absurd; MKV cluster times zeroed.
    case absurdTimestamps = "timestamps"
    /// Zero-sized frames: empty FLV video tags, MP4 sample sizes of 0, TS PES packets emptied.
    case zeroSizedFrames = "zero-frames"

    /// `bytes` damaged this way, in a container of `format` (the file extension), decided by `random`.
    public func apply(to bytes: Data, format: String, random: inout FixtureRandom) -> Data {
        var data = [UInt8](bytes)
        let payloadStart = min(4096, data.count / 4)
        switch self {
        case .headerBitFlips:
            Self.flipBits(&data, in: 0..<max(1, payloadStart), count: 1 + Int(random.next() % 4), random: &random)
        case .payloadBitFlips:
            Self.flipBits(&data, in: payloadStart..<data.count, count: 1 + Int(random.next() % 16), random: &random)
        case .truncation:
            data = Array(data.prefix(1 + Int(random.next() % UInt64(data.count - 1))))
        case .zeroedIndex:
            ContainerLayout.zeroIndex(&data, format: format)
        case .duplicatedChunk:
            let span = Self.chunk(in: data, format: format, random: &random)
            data.insert(contentsOf: data[span], at: span.upperBound)
        case .reorderedChunks:
            let first = Self.chunk(in: data, format: format, random: &random)
            let second = Self.chunk(in: data, format: format, random: &random)
            let (a, b) = first.lowerBound < second.lowerBound ? (first, second) : (second, first)
            guard a.upperBound <= b.lowerBound else { break }
            data = Array(data[..<a.lowerBound] + data[b] + data[a.upperBound..<b.lowerBound] + data[a] + data[b.upperBound...])
        case .absurdTimestamps:
            ContainerLayout.breakTimestamps(&data, format: format, random: &random)
        case .zeroSizedFrames:
            ContainerLayout.zeroFrames(&data, format: format, random: &random)
        }
        return Data(data)
    }

    private static func flipBits(_ data: inout [UInt8], in range: Range<Int>, count: Int, random: inout FixtureRandom) {
        guard !range.isEmpty else { return }
        for _ in 0..<count {
            let index = range.lowerBound + Int(random.next() % UInt64(range.count))
            data[index] ^= UInt8(1) << (random.next() % 8)
        }
    }

    /// A span aligned to the container's units where they are easy to find (TS packets, FLV tags), else 512 B–8 KiB of bytes.
    private static func chunk(in data: [UInt8], format: String, random: inout FixtureRandom) -> Range<Int> {
        if format == "ts", data.count >= 188 * 8 {
            let packets = data.count / 188
            let first = 1 + Int(random.next() % UInt64(packets - 4)), length = 1 + Int(random.next() % 3)
            return first * 188..<min(packets, first + length) * 188
        }
        if format == "flv" {
            let tags = ContainerLayout.flvTags(data)
            if tags.count > 4 {
                let index = 1 + Int(random.next() % UInt64(tags.count - 2))
                return tags[index].start..<tags[index + 1].start
            }
        }
        let start = min(data.count - 1, 4096 + Int(random.next() % UInt64(max(1, data.count - 4096))))
        return start..<min(data.count, start + 512 + Int(random.next() % 7680))
    }
}
