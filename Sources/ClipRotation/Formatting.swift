import Foundation

/// A number with `digits` decimals, for reason sentences.
func fmt(_ value: Double, _ digits: Int = 2) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    return String(format: "%.\(digits)f", value)
}

/// A ratio as a percentage with `digits` decimals.
func pct(_ value: Double, _ digits: Int = 2) -> String { fmt(value * 100, digits) + "%" }
