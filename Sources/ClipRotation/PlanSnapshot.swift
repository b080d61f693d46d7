/// A plan as rotation sees it: the plan, its creatives, and each creative's daily series.
public struct PlanSnapshot: Sendable {
    public var plan: Plan
    public var creatives: [Creative]
    /// Keyed by creative ID; creatives without stats have no entry.
    public var series: [String: DailySeries]

    public init(plan: Plan, creatives: [Creative], series: [String: DailySeries]) {
        self.plan = plan
        self.creatives = creatives
        self.series = series
    }
}
