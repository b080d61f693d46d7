import Foundation

/// Short human renderings of numbers for tables.
enum Format {
    static func number(_ value: Double, _ digits: Int = 2) -> String {
        guard value.isFinite else { return "∞" }
        return String(format: "%.\(digits)f", value)
    }

    static func money(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.2f%%", $0 * 100) } ?? "—"
    }

    static func optional(_ value: Double?, _ digits: Int = 2) -> String {
        value.map { number($0, digits) } ?? "—"
    }
}
