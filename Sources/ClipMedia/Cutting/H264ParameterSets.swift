/// H.264 bitstream plumbing for joining a re-encoded head to copied packets: Annex B ↔ length-prefixed
/// NAL units, and avcC records (the MP4/MKV codec header) holding several SPS/PPS with distinct ids.
/// Pure Swift on byte arrays.
enum H264ParameterSets {
    /// NAL unit types used here.
    static let sps: UInt8 = 7
    static let pps: UInt8 = 8
    static let accessUnitDelimiter: UInt8 = 9

    /// The NAL type of a unit (low five bits of its first byte).
    static func type(_ nal: ArraySlice<UInt8>) -> UInt8 { (nal.first ?? 0) & 0x1F }

    /// Whether codec extradata is an avcC record (rather than Annex B parameter sets).
    static func isAVCC(_ extradata: [UInt8]) -> Bool { extradata.count >= 7 && extradata[0] == 1 }

    /// The NAL units of an Annex B byte stream (start codes 00 00 01 / 00 00 00 01 removed).
    static func annexBUnits(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [(code: Int, payload: Int)] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0, bytes[i + 1] == 0, bytes[i + 2] == 1 {
                let code = i > 0 && bytes[i - 1] == 0 ? i - 1 : i
                starts.append((code, i + 3))
                i += 3
            } else {
                i += 1
            }
        }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1].code : bytes.count
            return bytes[start.payload..<max(start.payload, end)]
        }.filter { !$0.isEmpty }
    }

    /// NAL units written with big-endian length prefixes of `lengthSize` bytes (the MP4 sample format).
    static func lengthPrefixed(_ units: [ArraySlice<UInt8>], lengthSize: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.reduce(0) { $0 + $1.count + lengthSize })
        for unit in units {
            for shift in stride(from: (lengthSize - 1) * 8, through: 0, by: -8) { out.append(UInt8((unit.count >> shift) & 0xFF)) }
            out.append(contentsOf: unit)
        }
        return out
    }

    /// The parts of an avcC record.
    struct AVCC: Equatable {
        var header: [UInt8]          // version, profile, compatibility, level
        var lengthSize: Int
        var sequenceSets: [[UInt8]]
        var pictureSets: [[UInt8]]
        var trailer: [UInt8]         // chroma/bit-depth extension of High profiles, kept as is

        init?(_ bytes: [UInt8]) {
            guard isAVCC(bytes) else { return nil }
            header = Array(bytes[0..<4])
            lengthSize = Int(bytes[4] & 0x03) + 1
            var i = 5
            func readSets() -> [[UInt8]]? {
                guard i < bytes.count else { return nil }
                let count = Int(bytes[i] & (i == 5 ? 0x1F : 0xFF))
                i += 1
                var sets: [[UInt8]] = []
                for _ in 0..<count {
                    guard i + 2 <= bytes.count else { return nil }
                    let length = Int(bytes[i]) << 8 | Int(bytes[i + 1])
                    i += 2
                    guard i + length <= bytes.count else { return nil }
                    sets.append(Array(bytes[i..<i + length]))
                    i += length
                }
                return sets
            }
            guard let spsList = readSets(), let ppsList = readSets() else { return nil }
            sequenceSets = spsList
            pictureSets = ppsList
            trailer = Array(bytes[i...])
        }

        var bytes: [UInt8] {
            var out = header
            out.append(0xFC | UInt8(lengthSize - 1))
            out.append(0xE0 | UInt8(sequenceSets.count))
            for set in sequenceSets { out += [UInt8(set.count >> 8), UInt8(set.count & 0xFF)] + set }
            out.append(UInt8(pictureSets.count))
            for set in pictureSets { out += [UInt8(set.count >> 8), UInt8(set.count & 0xFF)] + set }
            return out + trailer
        }
    }

    /// The avcC record with the given extra SPS and PPS units appended to its lists.
    static func merged(_ record: AVCC, sequenceSets: [[UInt8]], pictureSets: [[UInt8]]) -> AVCC {
        var merged = record
        merged.sequenceSets += sequenceSets
        merged.pictureSets += pictureSets
        return merged
    }

    /// The id of an SPS (seq_parameter_set_id) or PPS (pic_parameter_set_id) unit, nil if unreadable.
    static func parameterSetID(_ nal: ArraySlice<UInt8>) -> Int? {
        let payload = Array(removingEmulationPrevention(nal.dropFirst()))
        switch type(nal) {
        case sps:
            guard payload.count > 3 else { return nil }
            var reader = BitReader(bytes: Array(payload[3...]))
            return reader.unsignedExpGolomb()
        case pps:
            var reader = BitReader(bytes: payload)
            return reader.unsignedExpGolomb()
        default:
            return nil
        }
    }

    /// RBSP bytes: the 0x03 after every 00 00 removed.
    static func removingEmulationPrevention(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var zeros = 0
        for byte in bytes {
            if zeros >= 2 && byte == 3 { zeros = 0; continue }
            out.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return out
    }
}

/// Reads bits most significant first, and Exp-Golomb codes.
struct BitReader {
    let bytes: [UInt8]
    var position = 0

    mutating func bit() -> Int? {
        guard position < bytes.count * 8 else { return nil }
        defer { position += 1 }
        return Int(bytes[position / 8] >> (7 - UInt8(position % 8))) & 1
    }

    mutating func unsignedExpGolomb() -> Int? {
        var zeros = 0
        while let b = bit(), b == 0 {
            zeros += 1
            if zeros > 31 { return nil }
        }
        var value = 1
        for _ in 0..<zeros {
            guard let b = bit() else { return nil }
            value = value << 1 | b
        }
        return value - 1
    }
}
