/// Rotation policy parameters, read from `Presets/policies/*.yaml` (keys documented in docs/rotation.md).
public struct RotationPolicy: Sendable, Codable, Equatable {
    public var name: String
    public var version: Int
    public var minActive: Int
    public var maxActive: Int
    /// Active creatives the fill aims at (between min and max).
    public var targetActive: Int
    /// One-sided significance level for every comparison.
    public var significance: Double
    public var test: RateTest
    /// Data older than this many days before the decision day is not used.
    public var historyDays: Int
    /// A creative whose latest data is older than this many days gets no verdict (stale export).
    public var staleAfterDays: Int
    public var evidence: Evidence
    public var coldStart: ColdStart
    public var fatigue: Fatigue
    public var profit: Profit
    public var resting: Resting
    public var budget: Budget

    /// Floors below which no verdict is given.
    public struct Evidence: Sendable, Codable, Equatable {
        /// Impressions in each compared window.
        public var minImpressions: Int
        /// Days with data before any verdict.
        public var minDays: Int
        /// Spend in the window before a cost or ROI verdict.
        public var minSpend: Double
        /// Orders in the past before a CPA-rise verdict.
        public var minOrders: Int
        enum CodingKeys: String, CodingKey {
            case minImpressions = "min_impressions", minDays = "min_days", minSpend = "min_spend", minOrders = "min_orders"
        }
    }

    /// Early kills during a creative's first days.
    public struct ColdStart: Sendable, Codable, Equatable {
        public var days: Int
        /// Retire when spend ≥ this × target CPA with zero orders.
        public var killSpendMultiple: Double
        /// Rates also compared with the plan's median creative.
        public var compareWithPlanMedian: Bool
        enum CodingKeys: String, CodingKey {
            case days, killSpendMultiple = "kill_spend_multiple", compareWithPlanMedian = "compare_with_plan_median"
        }
    }

    /// When a creative counts as worn out.
    public struct Fatigue: Sendable, Codable, Equatable {
        public var recentDays: Int
        public var bestWindowDays: Int
        /// Relative drop of CTR / 3-s view rate from the best window that counts (0.25 = 25%).
        public var minRelativeDrop: Double
        /// Each day of the recent window must itself be at least this share of `minRelativeDrop` below the best
        /// window: one bad day is not fatigue.
        public var dailyDropShare: Double
        public var frequencyCap: Double?
        /// Recent CPA or CPM ≥ this × its own past.
        public var costRiseMultiple: Double
        enum CodingKeys: String, CodingKey {
            case recentDays = "recent_days", bestWindowDays = "best_window_days", minRelativeDrop = "min_relative_drop", dailyDropShare = "daily_drop_share"
            case frequencyCap = "frequency_cap", costRiseMultiple = "cost_rise_multiple"
        }
    }

    /// When a creative loses money.
    public struct Profit: Sendable, Codable, Equatable {
        /// Break-even ROI for plans that set none.
        public var defaultBreakEvenROI: Double
        public var windowDays: Int
        enum CodingKeys: String, CodingKey { case defaultBreakEvenROI = "default_break_even_roi", windowDays = "window_days" }
    }

    /// Cooldown of fatigued creatives.
    public struct Resting: Sendable, Codable, Equatable {
        public var cooldownDays: Int
        enum CodingKeys: String, CodingKey { case cooldownDays = "cooldown_days" }
    }

    /// Budget ramp rules.
    public struct Budget: Sendable, Codable, Equatable {
        public var stepMultiplier: Double
        /// Ramp only when the plan's ROI held ≥ this × break-even on each of the last `holdDays` days.
        public var targetROIMultiple: Double
        public var holdDays: Int
        public var cutMultiplier: Double
        /// Advised budgets are rounded to a multiple of this.
        public var roundTo: Double
        enum CodingKeys: String, CodingKey {
            case stepMultiplier = "step_multiplier", targetROIMultiple = "target_roi_multiple", holdDays = "hold_days"
            case cutMultiplier = "cut_multiplier", roundTo = "round_to"
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, version, test, significance, evidence, fatigue, profit, resting, budget
        case minActive = "min_active", maxActive = "max_active", targetActive = "target_active"
        case historyDays = "history_days", staleAfterDays = "stale_after_days", coldStart = "cold_start"
    }

    /// Problems that make the policy unusable, as sentences (empty when fine).
    public var problems: [String] {
        var found: [String] = []
        if minActive < 1 { found.append("min_active must be at least 1") }
        if maxActive < minActive { found.append("max_active (\(maxActive)) is below min_active (\(minActive))") }
        if targetActive < minActive || targetActive > maxActive { found.append("target_active must lie between min_active and max_active") }
        if !(significance > 0 && significance < 0.5) { found.append("significance must be between 0 and 0.5") }
        if fatigue.recentDays < 1 || fatigue.bestWindowDays < 1 { found.append("fatigue windows must be at least one day") }
        if !(fatigue.minRelativeDrop >= 0 && fatigue.minRelativeDrop < 1) { found.append("fatigue.min_relative_drop must be in [0, 1)") }
        if budget.stepMultiplier <= 1 { found.append("budget.step_multiplier must be above 1") }
        return found
    }
}
