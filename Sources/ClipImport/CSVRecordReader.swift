import Foundation

/// Reads CSV (or tab-separated) records from a file in any supported encoding, one record at a time, with the line
/// each starts on; quotes, doubled quotes, and line breaks inside quotes handled. Never holds the whole file.
public final class CSVRecordReader {
    public let path: String
    public let encoding: TextEncoding
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private let handle: FileHandle
    private let converter: UTF8Converter?
    private var buffer: [UInt8] = []
    private var position = 0
    private var bytesRead = 0
    private var atEnd = false
    private var line = 1
    private static let chunkSize = 1 << 20

    /// Opens `path` and detects its encoding and delimiter.
    public init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError.unreadable(path) }
        self.handle = handle
        let head = handle.readData(ofLength: Self.chunkSize)
        bytesRead = head.count
        let detected = TextEncoding.detect([UInt8](head))
        encoding = detected.encoding
        var bytes = [UInt8](head.dropFirst(detected.bomLength))
        switch encoding {
        case .utf8, .utf8BOM:
            converter = nil
        case .gb18030, .utf16LE, .utf16BE:
            guard let converter = UTF8Converter(from: encoding) else { throw ImportError(file: path, "this system cannot decode \(encoding.rawValue) (iconv)") }
            self.converter = converter
            bytes = try Self.convert(converter, bytes, final: head.count < Self.chunkSize, offset: detected.bomLength, path: path)
        }
        buffer = bytes
        atEnd = head.count < Self.chunkSize
        if converter == nil { try checkUTF8(buffer[...], offset: detected.bomLength, final: atEnd) }
        delimiter = Self.guessDelimiter(buffer.prefix(65_536))
    }

    deinit { try? handle.close() }

    /// The next record and the line it starts on; nil at the end of the file.
    public func next() throws -> (fields: [String], line: Int)? {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var startLine = line
        var sawAnything = false
        while true {
            if position >= buffer.count {
                if atEnd {
                    guard sawAnything else { return nil }
                    if inQuotes { throw ImportError(file: path, row: startLine, "a quoted field is never closed") }
                    fields.append(Self.string(field))
                    return (fields, startLine)
                }
                try refill()
                continue
            }
            let byte = buffer[position]
            position += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position >= buffer.count && !atEnd { try refill() }
                    if position < buffer.count && buffer[position] == UInt8(ascii: "\"") { field.append(byte); position += 1 } else { inQuotes = false }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inQuotes = true
                sawAnything = true
            case delimiter:
                fields.append(Self.string(field))
                field.removeAll(keepingCapacity: true)
                sawAnything = true
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                line += 1
                if !sawAnything && field.isEmpty { startLine = line; continue }  // blank line
                fields.append(Self.string(field))
                return (fields, startLine)
            default:
                field.append(byte)
                sawAnything = true
            }
        }
    }

    private func refill() throws {
        buffer.removeFirst(position)
        position = 0
        let data = handle.readData(ofLength: Self.chunkSize)
        let offset = bytesRead
        bytesRead += data.count
        atEnd = data.count < Self.chunkSize
        if let converter {
            buffer += try Self.convert(converter, [UInt8](data), final: atEnd, offset: offset, path: path)
        } else {
            let chunk = [UInt8](data)
            try checkUTF8(chunk[...], offset: offset, final: atEnd)
            buffer += chunk
        }
    }

    private var utf8Carry: [UInt8] = []

    /// Rejects bytes that are not UTF-8 in a file whose start was UTF-8 (mixed or mislabelled encodings).
    private func checkUTF8(_ chunk: ArraySlice<UInt8>, offset: Int, final: Bool) throws {
        let bytes = utf8Carry + chunk
        let valid = TextEncoding.validUTF8Length(bytes[...])
        utf8Carry = []
        guard valid < bytes.count else { return }
        if !final && TextEncoding.trailingIncomplete(bytes[...]) {
            utf8Carry = Array(bytes[valid...])
            return
        }
        throw ImportError(file: path, "not valid UTF-8 at byte \(offset - (bytes.count - chunk.count) + valid) although the file starts as UTF-8 (mixed encodings?): save the export as UTF-8 or GB18030")
    }

    private static func convert(_ converter: UTF8Converter, _ bytes: [UInt8], final: Bool, offset: Int, path: String) throws -> [UInt8] {
        do {
            return try converter.convert(bytes, final: final, offset: offset)
        } catch let failure as UTF8Converter.ConversionFailure {
            throw ImportError(file: path, "not valid \(converter.encoding.rawValue) near byte \(failure.byteOffset) (not UTF-8 either): cannot decode the export")
        }
    }

    private static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func guessDelimiter(_ head: ArraySlice<UInt8>) -> UInt8 {
        var tabs = 0, commas = 0, semicolons = 0
        for byte in head {
            switch byte {
            case UInt8(ascii: "\t"): tabs += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: ";"): semicolons += 1
            default: break
            }
        }
        if tabs > commas && tabs >= semicolons { return UInt8(ascii: "\t") }
        if semicolons > commas * 2 { return UInt8(ascii: ";") }
        return UInt8(ascii: ",")
    }
}
