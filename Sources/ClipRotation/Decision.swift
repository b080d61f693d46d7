/// What rotation does with one creative.
public enum RotationAction: String, Sendable, Codable, Hashable {
    case activate, retire, rest, revive, keep

    /// The status the creative has after the action (nil for keep: unchanged).
    public var resultingStatus: CreativeStatus? {
        switch self {
        case .activate, .revive: return .active
        case .retire: return .retired
        case .rest: return .resting
        case .keep: return nil
        }
    }
}

/// One reason behind a decision: a stable code, a sentence with the numbers, and the numbers themselves.
public struct Reason: Sendable, Codable, Hashable {
    /// e.g. `ctr_fatigue`, `cold_start_no_orders`, `below_evidence_floor`.
    public var code: String
    public var message: String
    public var numbers: [String: Double]

    public init(_ code: String, _ message: String, _ numbers: [String: Double] = [:]) {
        self.code = code
        self.message = message
        self.numbers = numbers
    }
}

/// A decision about one creative, with the numbers it rests on.
public struct Decision: Sendable, Codable, Hashable {
    public var creativeID: String
    public var action: RotationAction
    public var from: CreativeStatus
    public var to: CreativeStatus
    public var reasons: [Reason]
    /// Totals of the recent window the verdict used (nil when the creative has no data).
    public var recent: MetricSnapshot?
    /// Day a resting creative may come back.
    public var restingUntil: Day?

    public init(creativeID: String, action: RotationAction, from: CreativeStatus, reasons: [Reason],
                recent: MetricSnapshot? = nil, restingUntil: Day? = nil) {
        self.creativeID = creativeID
        self.action = action
        self.from = from
        self.to = action.resultingStatus ?? from
        self.reasons = reasons
        self.recent = recent
        self.restingUntil = restingUntil
    }

    /// True when it changes the creative's status.
    public var changesStatus: Bool { action != .keep }
}

/// Totals and rates of a window, as shown in decisions and reports.
public struct MetricSnapshot: Sendable, Codable, Hashable {
    public var from: Day
    public var through: Day
    public var days: Int
    public var totals: Metrics
    public var ctr: Double?
    public var viewRate3s: Double?
    public var cvr: Double?
    public var cpa: Double?
    public var cpm: Double?
    public var roi: Double?
    public var frequency: Double?

    public init?(_ window: ArraySlice<(day: Day, metrics: Metrics)>) {
        guard let first = window.first?.day, let last = window.last?.day else { return nil }
        let totals = Metrics.total(window.map(\.metrics))
        from = first
        through = last
        days = window.count
        self.totals = totals
        ctr = totals.ctr
        viewRate3s = totals.viewRate3s
        cvr = totals.cvr
        cpa = totals.cpa
        cpm = totals.cpm
        roi = totals.roi
        frequency = totals.effectiveFrequency
    }
}

/// Budget advice for a plan.
public struct BudgetAdvice: Sendable, Codable, Hashable {
    public enum Action: String, Sendable, Codable { case ramp, hold, cut }
    public var action: Action
    public var current: Double?
    public var advised: Double?
    public var reason: Reason
}

/// Everything a rotation decided for one plan.
public struct PlanRotation: Sendable, Codable, Hashable {
    public var planID: String
    public var asOf: Day
    public var policy: String
    public var policyVersion: Int
    public var applied: Bool
    public var activeBefore: [String]
    public var activeAfter: [String]
    public var decisions: [Decision]
    public var budget: BudgetAdvice
    /// Fewer than `target_active` creatives live, or no candidate left to replace the next fatigued one.
    public var needsNewCreatives: Bool
    /// The plan is below `min_active` after filling: exit 3.
    public var belowMinimum: Bool
    public var notes: [String]
}
