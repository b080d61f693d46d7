import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings exports come in, detected from the bytes: a BOM, else valid UTF-8, else GB18030.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// The encoding of a file that starts with `head`, and how many BOM bytes to skip.
    public static func detect(_ head: [UInt8]) -> (encoding: TextEncoding, bomLength: Int) {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8BOM, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return (isValidUTF8Prefix(head[...]) ? .utf8 : .gb18030, 0)
    }

    /// True when `bytes` is valid UTF-8, allowing one incomplete sequence cut off at the end.
    static func isValidUTF8Prefix(_ bytes: ArraySlice<UInt8>) -> Bool {
        validUTF8Length(bytes) == bytes.count || trailingIncomplete(bytes)
    }

    /// Length of the longest valid UTF-8 prefix.
    static func validUTF8Length(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i - bytes.startIndex
            }
            guard i + length <= bytes.endIndex else { return i - bytes.startIndex }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return i - bytes.startIndex }
            if length == 3 && ((b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F)) { return i - bytes.startIndex }
            if length == 4 && ((b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F)) { return i - bytes.startIndex }
            i += length
        }
        return bytes.count
    }

    static func trailingIncomplete(_ bytes: ArraySlice<UInt8>) -> Bool {
        let valid = validUTF8Length(bytes)
        let rest = bytes[(bytes.startIndex + valid)...]
        guard let lead = rest.first else { return true }
        let need: Int
        switch lead {
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return false
        }
        return rest.count < need && rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}

/// Converts a byte stream in some encoding to UTF-8 chunk by chunk (glibc iconv), keeping split sequences.
final class UTF8Converter {
    private let descriptor: iconv_t
    private var pending: [UInt8] = []
    let encoding: TextEncoding

    init?(from encoding: TextEncoding) {
        let d = iconv_open("UTF-8", encoding.rawValue)
        guard let d, d != iconv_t(bitPattern: -1) else { return nil }
        descriptor = d
        self.encoding = encoding
    }

    deinit { iconv_close(descriptor) }

    /// UTF-8 for `bytes` (starting at file offset `offset`) plus what was left over from the last call;
    /// throws the byte offset of invalid input.
    func convert(_ bytes: [UInt8], final: Bool, offset: Int) throws -> [UInt8] {
        var input = pending + bytes
        let inputStart = offset - pending.count
        pending = []
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var consumed = 0
        let descriptor = self.descriptor
        while consumed < input.count {
            var status: Int32 = 0
            input.withUnsafeMutableBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inPointer: UnsafeMutablePointer<CChar>? = inRaw.baseAddress!.assumingMemoryBound(to: CChar.self) + consumed
                    var inLeft = inRaw.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self) + produced
                    var outLeft = outRaw.count - produced
                    let r = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    consumed = inRaw.count - inLeft
                    produced = outRaw.count - outLeft
                    status = r == -1 ? errno : 0
                }
            }
            if status == 0 { break }
            if status == E2BIG { output += [UInt8](repeating: 0, count: input.count + 16); continue }
            if status == EINVAL && !final { pending = Array(input[consumed...]); break }
            throw ConversionFailure(byteOffset: inputStart + consumed)
        }
        return Array(output[..<produced])
    }

    struct ConversionFailure: Error { let byteOffset: Int }
}
