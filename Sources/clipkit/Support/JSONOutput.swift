import Foundation

/// Prints values as JSON for scripts: sorted keys, pretty, UTF-8 left as is, dates as ISO 8601 UTC with milliseconds.
enum JSONOutput {
    private static var timestamp: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp.string(from: date))
        }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// One JSON document on stdout.
    static func print<T: Encodable>(_ value: T) throws {
        let data = try encoder().encode(value)
        Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// One compact JSON line on stdout (JSON Lines streams).
    static func printLine<T: Encodable>(_ value: T) throws {
        let data = try encoder(pretty: false).encode(value)
        Terminal.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
