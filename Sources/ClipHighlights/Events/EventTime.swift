import Foundation

/// Parses the cells of live-room exports: wall-clock date-times, offsets, and numbers as platforms write them.
public enum EventTime {
    private static let formatters: [DateFormatter] = [
        "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm",
        "yyyy年MM月dd日 HH:mm:ss", "yyyy年MM月dd日 HH:mm",
    ].map { format in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    /// A naive wall-clock date-time, read in UTC so that differences between two of them are exact.
    public static func wallClock(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for formatter in formatters {
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// Seconds from "123", "123.5", "MM:SS" or "HH:MM:SS(.fff)".
    public static func offset(_ text: String) -> Double? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var seconds = 0.0
        for part in parts {
            guard let value = Double(part), value >= 0 else { return nil }
            seconds = seconds * 60 + value
        }
        return seconds
    }

    /// A number as exports write it: "1,234", "12.5%", "¥3,000", "3.2万" (×10,000).
    public static func number(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if cleaned.hasSuffix("万") { scale = 10_000; cleaned.removeLast() }
        if cleaned.hasSuffix("%") { scale = 0.01; cleaned.removeLast() }
        cleaned = cleaned.filter { !",¥￥$€ ".contains($0) }
        return Double(cleaned).map { $0 * scale }
    }
}
