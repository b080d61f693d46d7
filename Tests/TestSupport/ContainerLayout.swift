import Foundation

/// Just enough of the MP4, FLV, MPEG-TS and MKV layouts to damage them where it hurts.
enum ContainerLayout {
    /// An FLV tag: where its 11-byte header starts and its data size.
    struct FLVTag { let start: Int; let size: Int; let type: UInt8 }

    static func flvTags(_ data: [UInt8]) -> [FLVTag] {
        var tags: [FLVTag] = []
        var offset = 13
        while offset + 11 <= data.count {
            let size = Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            tags.append(FLVTag(start: offset, size: size, type: data[offset]))
            offset += 11 + size + 4
        }
        return tags
    }

    /// Offsets of `pattern` in `data`.
    static func find(_ pattern: [UInt8], in data: [UInt8]) -> [Int] {
        guard data.count >= pattern.count else { return [] }
        return (0...(data.count - pattern.count)).filter { index in
            data[index] == pattern[0] && Array(data[index..<index + pattern.count]) == pattern
        }
    }

    /// The MP4 box of `type` found first: its start and size (from its 32-bit size field).
    static func box(_ type: String, in data: [UInt8]) -> (start: Int, size: Int)? {
        guard let at = find(Array(type.utf8), in: data).first(where: { $0 >= 4 }) else { return nil }
        let start = at - 4
        let size = data[start..<at].reduce(0) { $0 << 8 | Int($1) }
        return (start, min(size, data.count - start))
    }

    static func zeroIndex(_ data: inout [UInt8], format: String) {
        func zero(_ range: Range<Int>) { for index in range.clamped(to: 0..<data.count) { data[index] = 0 } }
        switch format {
        case "mp4":
            if let moov = box("moov", in: data) { zero(moov.start + 8..<moov.start + moov.size) }
        case "flv":
            if let meta = flvTags(data).first(where: { $0.type == 18 }) { zero(meta.start + 11..<meta.start + 11 + meta.size) }
        case "mkv":
            if let tracks = find([0x16, 0x54, 0xAE, 0x6B], in: data).first { zero(tracks + 4..<tracks + 300) }
        default:
            // PAT (PID 0) and PMT (PID 0x1000, ffmpeg's default) packets keep their sync byte, lose the rest.
            for packet in stride(from: 0, to: data.count - 187, by: 188) {
                let pid = Int(data[packet + 1] & 0x1F) << 8 | Int(data[packet + 2])
                if pid == 0 || pid == 0x1000 { zero(packet + 1..<packet + 188) }
            }
        }
    }

    static func breakTimestamps(_ data: inout [UInt8], format: String, random: inout FixtureRandom) {
        switch format {
        case "ts": breakTSTimestamps(&data, random: &random)
        case "flv":
            let tags = flvTags(data)
            guard tags.count > 4 else { return }
            let from = Int(random.next() % UInt64(tags.count))
            let backwards = random.next() % 2 == 0
            for tag in tags[from...] where tag.start + 8 <= data.count {
                let old = UInt32(data[tag.start + 7]) << 24 | UInt32(data[tag.start + 4]) << 16 | UInt32(data[tag.start + 5]) << 8 | UInt32(data[tag.start + 6])
                let new = backwards ? old &- 3_000 : old &+ 0x7FFF_0000
                data[tag.start + 4] = UInt8(new >> 16 & 0xFF); data[tag.start + 5] = UInt8(new >> 8 & 0xFF)
                data[tag.start + 6] = UInt8(new & 0xFF); data[tag.start + 7] = UInt8(new >> 24)
            }
        case "mp4":
            // Every stts entry's sample delta becomes 0, or close to 2^32.
            guard let stts = box("stts", in: data), stts.size >= 24 else { return }
            let delta: [UInt8] = random.next() % 2 == 0 ? [0, 0, 0, 0] : [0xFF, 0xFF, 0xFF, 0xF0]
            for entry in stride(from: stts.start + 16, to: stts.start + stts.size - 7, by: 8) {
                data.replaceSubrange(entry + 4..<entry + 8, with: delta)
            }
        default:
            // MKV: cluster timecodes (element 0xE7 right after a cluster header) from a random cluster on all set to 0xFF….
            let clusters = find([0x1F, 0x43, 0xB6, 0x75], in: data)
            guard !clusters.isEmpty else { return }
            for cluster in clusters[Int(random.next() % UInt64(clusters.count))...] {
                let sizeLength = vintLength(data[safe: cluster + 4] ?? 0x80)
                let element = cluster + 4 + sizeLength
                guard data[safe: element] == 0xE7, let header = data[safe: element + 1] else { continue }
                let length = Int(header & 0x7F)
                for index in (element + 2..<element + 2 + length).clamped(to: 0..<data.count) { data[index] = 0xFF }
            }
        }
    }

    static func zeroFrames(_ data: inout [UInt8], format: String, random: inout FixtureRandom) {
        switch format {
        case "flv":
            // Empty video tags inserted before a few tags, with correct sizes around them.
            let tags = flvTags(data)
            for tag in tags.dropFirst(2).filter({ _ in random.next() % 8 == 0 }).reversed() {
                let ts = Array(data[tag.start + 4..<tag.start + 8])
                data.insert(contentsOf: [9, 0, 0, 0] + ts + [0, 0, 0] + [0, 0, 0, 11], at: tag.start)
            }
        case "mp4":
            guard let stsz = box("stsz", in: data), stsz.size > 20 else { return }
            for entry in stride(from: stsz.start + 20, to: stsz.start + stsz.size - 3, by: 4) where random.next() % 6 == 0 {
                data.replaceSubrange(entry..<entry + 4, with: [0, 0, 0, 0])
            }
        case "ts":
            // A few PES packets keep their header and lose their payload (stuffed with 0xFF).
            for packet in stride(from: 0, to: data.count - 187, by: 188) where data[packet + 1] & 0x40 != 0 && random.next() % 5 == 0 {
                let start = payloadStart(data, packet)
                guard start + 9 < packet + 188, data[start] == 0, data[start + 1] == 0, data[start + 2] == 1 else { continue }
                let headerEnd = start + 9 + Int(data[start + 8])
                for index in headerEnd..<packet + 188 where index < data.count { data[index] = 0xFF }
            }
        default:
            // MKV: a few SimpleBlocks (0xA3, 2-byte size) keep a 4-byte body; the rest of their bytes become a Void element.
            for block in find([0xA3], in: data).reversed() where random.next() % 40 == 0 {
                guard let size = data[safe: block + 1], size & 0xC0 == 0x40, let low = data[safe: block + 2] else { continue }
                let total = Int(size & 0x3F) << 8 | Int(low)
                guard total > 8, block + 3 + total <= data.count else { continue }
                let voidSize = total - 7
                data.replaceSubrange(block + 1..<block + 3, with: [0x40, 0x04])
                data.replaceSubrange(block + 7..<block + 10, with: [0xEC, UInt8(0x40 | voidSize >> 8), UInt8(voidSize & 0xFF)])
            }
        }
    }

    private static func vintLength(_ first: UInt8) -> Int {
        var length = 1, mask: UInt8 = 0x80
        while length < 8 && first & mask == 0 { length += 1; mask >>= 1 }
        return length
    }

    private static func payloadStart(_ data: [UInt8], _ packet: Int) -> Int {
        let control = data[packet + 3] >> 4 & 3
        return packet + 4 + (control & 2 != 0 ? 1 + Int(data[packet + 4]) : 0)
    }

    /// PTS/DTS of every PES from a random packet on: shifted 10 s back, or to just before the 2^33 wrap.
    private static func breakTSTimestamps(_ data: inout [UInt8], random: inout FixtureRandom) {
        let packets = data.count / 188
        guard packets > 2 else { return }
        let from = Int(random.next() % UInt64(packets))
        let wrap = random.next() % 2 == 0
        var shift: Int64?
        for packet in stride(from: from * 188, to: packets * 188, by: 188) where data[packet + 1] & 0x40 != 0 {
            let start = payloadStart(data, packet)
            guard start + 14 <= packet + 188, data[start] == 0, data[start + 1] == 0, data[start + 2] == 1 else { continue }
            let flags = data[start + 7] >> 6
            guard flags >= 2 else { continue }
            let pts = readTimestamp(data, start + 9)
            if shift == nil { shift = wrap ? (1 << 33) - 90_000 * 2 - pts : -90_000 * 10 }
            let offsets = flags == 3 && start + 19 <= packet + 188 ? [9, 14] : [9]
            for offset in offsets {
                writeTimestamp(&data, start + offset, (readTimestamp(data, start + offset) + shift!) & ((1 << 33) - 1))
            }
        }
    }

    private static func readTimestamp(_ data: [UInt8], _ at: Int) -> Int64 {
        Int64(data[at] >> 1 & 7) << 30 | Int64(data[at + 1]) << 22 | Int64(data[at + 2] >> 1) << 15 | Int64(data[at + 3]) << 7 | Int64(data[at + 4] >> 1)
    }

    private static func writeTimestamp(_ data: inout [UInt8], _ at: Int, _ value: Int64) {
        data[at] = data[at] & 0xF0 | UInt8(value >> 29 & 0x0E) | 1
        data[at + 1] = UInt8(value >> 22 & 0xFF)
        data[at + 2] = UInt8(value >> 14 & 0xFE) | 1
        data[at + 3] = UInt8(value >> 7 & 0xFF)
        data[at + 4] = UInt8(value << 1 & 0xFE) | 1
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
