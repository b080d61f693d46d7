/// Median-based statistics that a few extreme seconds cannot drag: the baseline of a recording.
public enum RobustStatistics {
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Median absolute deviation scaled to match a standard deviation on normal data (×1.4826).
    public static func scaledMAD(_ values: [Double], median center: Double) -> Double {
        1.4826 * median(values.map { abs($0 - center) })
    }

    /// Robust z-scores of `values` against the baseline formed by `baseline` (default: the values themselves).
    /// `floor` keeps the spread from collapsing to zero on very flat signals.
    public static func zScores(_ values: [Double], baseline: [Double]? = nil, floor: Double) -> (scores: [Double], median: Double, spread: Double) {
        let reference = baseline ?? values
        let center = median(reference)
        let spread = max(scaledMAD(reference, median: center), floor)
        return (values.map { ($0 - center) / spread }, center, spread)
    }
}
