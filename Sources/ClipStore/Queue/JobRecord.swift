import Foundation

/// How queue rows store what is not a plain column: times as ISO 8601 UTC text with milliseconds (fixed width, so
/// they compare as text in SQL), options and results as JSON with sorted keys (equal options, equal text).
/// Shared by the queue implementations.
public enum JobRecord {
    public static func text(_ date: Date) -> String {
        formatter.string(from: date)
    }

    public static func date(_ text: String?) -> Date? {
        text.flatMap { formatter.date(from: $0) }
    }

    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String, job: Int64) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError("job \(job): stored \(type) is not readable (\(error.localizedDescription))")
        }
    }

    /// The error recorded when a job is claimed again because its worker stopped heartbeating.
    public static func expiredLease(worker: String?, expiry: Date?) -> String {
        "worker \(worker ?? "?") stopped heartbeating; its lease expired at \(expiry.map(text) ?? "?")"
    }

    private static var formatter: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
