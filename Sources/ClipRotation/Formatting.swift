/// A number with `digits` decimals, for reason sentences (no Foundation formatting: it runs for every decision).
func fmt(_ value: Double, _ digits: Int = 2) -> String {
    guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * Double(scale)).rounded()
    guard scaled < 9e15 else { return String(value) }
    let units = Int(scaled)
    let whole = String(units / scale)
    let sign = value < 0 && units != 0 ? "-" : ""
    guard digits > 0 else { return sign + whole }
    let fraction = String(units % scale)
    return sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
}

/// A ratio as a percentage with `digits` decimals.
func pct(_ value: Double, _ digits: Int = 2) -> String { fmt(value * 100, digits) + "%" }
