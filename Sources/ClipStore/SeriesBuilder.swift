import ClipRotation

/// Sums stat rows into daily series per creative. Rows must arrive grouped by creative and date (primary-key
/// order: creative, date, hour, source), so each day is summed as it streams by, in the same order in both stores.
struct SeriesBuilder {
    private var days: [String: [(day: Day, metrics: Metrics)]] = [:]
    private var current: (creative: String, date: String, metrics: Metrics)?

    mutating func add(creative: String, date: String, metrics: Metrics) {
        if let open = current, open.creative == creative, open.date == date {
            current!.metrics = open.metrics.adding(metrics)
        } else {
            flush()
            current = (creative, date, metrics)
        }
    }

    mutating func finish() -> [String: DailySeries] {
        flush()
        return days.mapValues { DailySeries(days: $0) }
    }

    private mutating func flush() {
        guard let done = current, let day = Day(done.date) else { return }
        days[done.creative, default: []].append((day, done.metrics))
        current = nil
    }
}
