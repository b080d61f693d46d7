import Foundation

/// How a chart's values read: rates as percentages, money with two decimals, ROI as a multiple (2.0× = 1:2).
public enum ValueFormat: Sendable, Equatable {
    case percent
    case money
    case multiple

    /// A value in a tooltip or table.
    public func text(_ value: Double) -> String {
        switch self {
        case .percent: return String(format: "%.2f%%", value * 100)
        case .money: return String(format: "%.2f", value)
        case .multiple: return String(format: "%.2f×", value)
        }
    }

    /// An axis label for a tick of a scale whose ticks are `step` apart: as few decimals as the step needs.
    public func tick(_ value: Double, step: Double) -> String {
        let shown = self == .percent ? value * 100 : value
        let shownStep = self == .percent ? step * 100 : step
        var decimals = 0
        while decimals < 4, abs(shownStep * pow(10, Double(decimals)) - (shownStep * pow(10, Double(decimals))).rounded()) > 1e-6 { decimals += 1 }
        let number = String(format: "%.\(decimals)f", shown)
        switch self {
        case .percent: return number + "%"
        case .money: return number
        case .multiple: return number + "×"
        }
    }
}

extension ValueFormat {
    /// A count with thousands separators: `1,234,567`.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `text(value)` or an em dash when there is no value.
    public func text(_ value: Double?) -> String { value.map { text($0) } ?? "—" }
}
