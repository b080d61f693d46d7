import ClipRotation

/// Where the rotation judge would first take each creative off in a period: `RotationPlanner.verdicts` replayed as of
/// every day, with every creative that has stats that day counted as live (the data says it was running).
public enum FatiguePoints {
    public struct Point: Sendable, Equatable {
        public var day: Day
        /// `rest` (fatigue) or `retire` (unprofitable or a failed cold start).
        public var verdict: Verdict.Kind
        public var reasons: [Reason]

        /// The sentences that made the verdict, joined.
        public var why: String { reasons.map(\.message).joined(separator: "; ") }
    }

    /// The first day in `first...last` with a rest or retire verdict, per creative ID (creatives never judged off are absent).
    public static func find(plan: Plan, policy: RotationPolicy, creatives: [Creative], series: [String: DailySeries],
                             first: Day, last: Day) -> [String: Point] {
        let planner = RotationPlanner(policy: policy)
        var found: [String: Point] = [:]
        var day = first
        while day <= last {
            let live = creatives.compactMap { creative -> Creative? in
                guard series[creative.id]?.days.contains(where: { $0.day == day }) == true else { return nil }
                var running = creative
                running.status = .active
                return running
            }
            if !live.isEmpty {
                let snapshot = PlanSnapshot(plan: plan, creatives: live, series: series)
                for (creative, verdict) in planner.verdicts(snapshot, asOf: day) where verdict.kind != .keep && found[creative.id] == nil {
                    found[creative.id] = Point(day: day, verdict: verdict.kind, reasons: verdict.reasons)
                }
            }
            day = day.adding(days: 1)
        }
        return found
    }
}
