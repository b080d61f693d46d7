import ClipRotation

/// Maps calendar days onto equal columns of a pixel range: a day's point is its column's centre, a run of days
/// covers its columns edge to edge.
public struct DayScale: Sendable, Equatable {
    public let first: Day
    public let last: Day
    public let start: Double
    public let end: Double

    /// `last` before `first` is treated as the single day `first`.
    public init(first: Day, last: Day, range: (Double, Double)) {
        self.first = first
        self.last = max(first, last)
        start = range.0
        end = range.1
    }

    /// Number of days covered.
    public var count: Int { last.days(since: first) + 1 }
    /// Width of one day's column.
    public var columnWidth: Double { (end - start) / Double(count) }

    /// Centre of `day`'s column.
    public func center(_ day: Day) -> Double { leading(day) + columnWidth / 2 }
    /// Left edge of `day`'s column.
    public func leading(_ day: Day) -> Double { start + Double(day.days(since: first)) * columnWidth }
    /// Right edge of `day`'s column.
    public func trailing(_ day: Day) -> Double { leading(day) + columnWidth }

    public func contains(_ day: Day) -> Bool { day >= first && day <= last }

    /// Days to label: every k-th day from the first, k chosen so at most `maxLabels` labels fit.
    public func ticks(maxLabels: Int) -> [Day] {
        let every = max(1, Int((Double(count) / Double(max(1, maxLabels))).rounded(.up)))
        return stride(from: 0, to: count, by: every).map { first.adding(days: $0) }
    }

    /// `MM-DD`, the label of a day on an axis.
    public static func label(_ day: Day) -> String { String(day.description.suffix(5)) }
}
