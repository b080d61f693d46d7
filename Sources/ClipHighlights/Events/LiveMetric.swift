/// A live-room metric a platform exports per second or per minute.
public enum LiveMetric: String, CaseIterable, Codable, Sendable {
    case orders, gmv, comments, likes, entries, viewers

    /// A level (people online now) rather than a count per interval.
    public var isLevel: Bool { self == .viewers }

    /// Audience reactions that follow the host within seconds (not a purchase decision).
    public var isInteraction: Bool { self == .comments || self == .likes || self == .entries || self == .viewers }

    /// Unit for reasons: "orders 14/min".
    var unit: String { isLevel ? "online" : "/min" }
}

/// Live-room metrics aligned to a recording: one value per second of the recording for each metric present.
/// Counts are spread evenly over their interval (a per-minute row of 14 orders is 14/60 per second);
/// levels are held until the next row.
public struct LiveEvents: Sendable {
    /// Per metric, one value per second of the recording (NaN where the export has no data).
    public var series: [LiveMetric: [Double]]
    /// Seconds between rows (1 for per-second exports, 60 for per-minute ones), the median.
    public var interval: Double
    /// Seconds of the recording the export covers.
    public var covered: ClosedRange<Double>

    /// Builds the per-second series from rows already placed on the recording's time line.
    /// - Parameters:
    ///   - rows: (recording seconds, value per metric) sorted or not; rows outside the recording are dropped.
    ///   - duration: recording length in seconds.
    public init(rows: [(time: Double, values: [LiveMetric: Double])], duration: Double) {
        let sorted = rows.sorted { $0.time < $1.time }
        let gaps = zip(sorted.dropFirst(), sorted).map { $0.time - $1.time }.filter { $0 > 0 }
        interval = gaps.isEmpty ? 60 : RobustStatistics.median(gaps)
        let seconds = max(0, Int(duration.rounded(.up)))
        let first = sorted.first?.time ?? 0
        let last = (sorted.last?.time ?? 0) + interval
        covered = max(0, first)...max(max(0, first), min(duration, last))
        var series: [LiveMetric: [Double]] = [:]
        for metric in LiveMetric.allCases where sorted.contains(where: { $0.values[metric] != nil }) {
            var perSecond = [Double](repeating: .nan, count: seconds)
            for (index, row) in sorted.enumerated() {
                guard let value = row.values[metric] else { continue }
                let end = index + 1 < sorted.count ? sorted[index + 1].time : row.time + interval
                let length = max(end - row.time, 1e-9)
                let from = max(0, Int(row.time.rounded(.down)))
                let to = min(seconds, Int(end.rounded(.up)))
                guard from < to else { continue }
                let perSecondValue = metric.isLevel ? value : value / length
                for second in from..<to { perSecond[second] = perSecondValue }
            }
            series[metric] = perSecond
        }
        self.series = series
    }
}
