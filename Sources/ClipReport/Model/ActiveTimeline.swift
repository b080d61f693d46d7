import ClipRotation

/// Each creative's active and resting spans over a period, rebuilt from the applied decision log and the current
/// statuses: a change decided on day D takes effect on D + 1.
public struct ActiveTimeline: Sendable {
    public struct Span: Sendable, Equatable {
        public var first: Day
        public var last: Day
        public var status: CreativeStatus
        /// The change that ended the span, when one did within the period.
        public var endedBy: StatusChange?
    }

    public struct Row: Sendable {
        public var creativeID: String
        public var spans: [Span]
    }

    /// Creatives that were active or resting at some time in the period, ordered by when they first went live.
    public private(set) var rows: [Row]

    /// `firstData` is each creative's first day with stats: a creative live before its first logged change (added
    /// with `--active`, or already live when the log starts) is drawn from that day.
    public init(creatives: [Creative], changes: [StatusChange], firstData: [String: Day], first: Day, last: Day) {
        var rows: [Row] = []
        for creative in creatives {
            let own = changes.filter { $0.creativeID == creative.id }
            var status = own.first?.from ?? creative.status
            var start = firstData[creative.id] ?? first
            var spans: [Span] = []
            for change in own {
                spans.append(Span(first: start, last: change.day, status: status, endedBy: change))
                status = change.to
                start = change.day.adding(days: 1)
            }
            spans.append(Span(first: start, last: last, status: status, endedBy: nil))
            let shown = spans.compactMap { span -> Span? in
                guard span.status == .active || span.status == .resting else { return nil }
                var clipped = span
                clipped.first = max(span.first, first)
                clipped.last = min(span.last, last)
                if span.last > last { clipped.endedBy = nil }
                return clipped.first <= clipped.last ? clipped : nil
            }
            if !shown.isEmpty { rows.append(Row(creativeID: creative.id, spans: shown)) }
        }
        func firstLive(_ row: Row) -> Day { row.spans.first { $0.status == .active }?.first ?? row.spans[0].first }
        self.rows = rows.sorted { (firstLive($0), $0.creativeID) < (firstLive($1), $1.creativeID) }
    }
}
