import ClipRotation

/// What the report needs of one plan: the plan and its policy, its creatives, their full daily series up to the last
/// day, the applied status changes (oldest first), and the period to show.
public struct PlanInput: Sendable {
    public var plan: Plan
    public var policy: RotationPolicy
    public var creatives: [Creative]
    public var series: [String: DailySeries]
    public var changes: [StatusChange]
    public var first: Day
    /// The last day with stats shown (`--as-of` or the latest stats day).
    public var through: Day

    public init(plan: Plan, policy: RotationPolicy, creatives: [Creative], series: [String: DailySeries], changes: [StatusChange],
                first: Day, through: Day) {
        self.plan = plan
        self.policy = policy
        self.creatives = creatives
        self.series = series
        self.changes = changes
        self.first = first
        self.through = through
    }

    /// The last day drawn: `through`, extended by up to two days so a rotation decided as of today on stats up to
    /// yesterday still shows its effect (changes by hand only extend nothing: they are listed).
    public var last: Day {
        let rotated = changes.filter { $0.origin == "rotate" }.map { $0.day.adding(days: 1) }.max() ?? through
        return min(max(through, rotated), through.adding(days: 2))
    }
}
