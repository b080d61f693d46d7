/// A creative's performance per calendar day, oldest first (days without data are simply absent).
public struct DailySeries: Sendable, Equatable {
    public private(set) var days: [(day: Day, metrics: Metrics)]

    public static func == (lhs: DailySeries, rhs: DailySeries) -> Bool {
        lhs.days.map(\.day) == rhs.days.map(\.day) && lhs.days.map(\.metrics) == rhs.days.map(\.metrics)
    }

    public init(days: [(day: Day, metrics: Metrics)] = []) {
        self.days = days.sorted { $0.day < $1.day }
    }

    /// Adds rows up per day: hours and sources of one day are summed.
    public init<S: Sequence>(rows: S) where S.Element == StatRow {
        var byDay: [Day: Metrics] = [:]
        for row in rows { byDay[row.date, default: Metrics()] = byDay[row.date, default: Metrics()].adding(row.metrics) }
        self.init(days: byDay.map { ($0.key, $0.value) })
    }

    /// Only the days up to and including `day`.
    public func through(_ day: Day) -> DailySeries {
        var copy = self
        if let last = days.lastIndex(where: { $0.day <= day }) { copy.days = Array(days[...last]) } else { copy.days = [] }
        return copy
    }

    public var firstDay: Day? { days.first?.day }
    public var lastDay: Day? { days.last?.day }
    public var isEmpty: Bool { days.isEmpty }
    public var total: Metrics { Metrics.total(days.map(\.metrics)) }

    /// The last `count` days that have data (a gap in the export does not shrink the window).
    public func recent(_ count: Int) -> ArraySlice<(day: Day, metrics: Metrics)> {
        days.suffix(max(0, count))
    }

    /// Everything before the last `count` data days.
    public func before(recent count: Int) -> ArraySlice<(day: Day, metrics: Metrics)> {
        days.dropLast(max(0, count))
    }
}
