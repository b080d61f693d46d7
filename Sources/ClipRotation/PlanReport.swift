/// The report of a plan: each creative's daily trend and an A/B comparison of its creatives.
public struct PlanReport: Sendable, Codable {
    public var planID: String
    public var from: Day
    public var through: Day
    public var creatives: [CreativeTrend]
    public var comparisons: [ABComparison]

    /// One creative's days, with totals over the period.
    public struct CreativeTrend: Sendable, Codable {
        public var creativeID: String
        public var status: CreativeStatus
        public var total: MetricSnapshot?
        public var days: [MetricSnapshot]
        /// Change of CTR from the first half of the period to the second (relative), when both halves have clicks data.
        public var ctrTrend: Double?
    }

    /// Which creative leads on a metric, and how sure that is against each other creative.
    public struct ABComparison: Sendable, Codable {
        /// `ctr`, `view_rate_3s`, `cvr` or `roi`.
        public var metric: String
        public var leader: String
        public var leaderValue: Double
        public var versus: [Versus]
    }

    /// The leader against one other creative.
    public struct Versus: Sendable, Codable {
        public var creativeID: String
        public var value: Double
        /// Posterior probability that the leader's rate is higher (Beta-Binomial), or for ROI 1 − the p-value of
        /// the order-rate test given spend.
        public var probabilityLeaderBetter: Double
        /// Both sides are above the policy's evidence floor.
        public var enoughData: Bool
    }

    /// Builds the report for `days` days ending on `through`.
    public init(planID: String, creatives: [Creative], series: [String: DailySeries], through: Day, days: Int, policy: RotationPolicy) {
        self.planID = planID
        let from = through.adding(days: -(days - 1))
        self.from = from
        self.through = through
        var totals: [(id: String, metrics: Metrics)] = []
        self.creatives = creatives.map { creative in
            let window = (series[creative.id] ?? DailySeries()).days.filter { $0.day >= from && $0.day <= through }
            let snapshots = window.compactMap { MetricSnapshot([$0][...]) }
            let half = window.count / 2
            let early = Metrics.total(window.prefix(half).map(\.metrics)).ctr, late = Metrics.total(window.suffix(window.count - half).map(\.metrics)).ctr
            let trend = (early != nil && late != nil && early! > 0 && half > 0) ? late! / early! - 1 : nil
            totals.append((creative.id, Metrics.total(window.map(\.metrics))))
            return CreativeTrend(creativeID: creative.id, status: creative.status, total: MetricSnapshot(window[...]), days: snapshots, ctrTrend: trend)
        }
        let floor = policy.evidence.minImpressions
        var comparisons: [ABComparison] = []
        let rates: [(name: String, kind: RateKind, needed: Int)] = [("ctr", .ctr, floor), ("view_rate_3s", .viewRate3s, floor), ("cvr", .cvr, max(1, floor / 100))]
        for rate in rates {
            var ranked: [(id: String, successes: Int, trials: Int)] = []
            for entry in totals {
                if let c = rate.kind.counts(entry.metrics), c.trials > 0 { ranked.append((entry.id, c.successes, c.trials)) }
            }
            ranked.sort { Double($0.successes) * Double($1.trials) > Double($1.successes) * Double($0.trials) }
            guard let leader = ranked.first, ranked.count > 1 else { continue }
            let versus = ranked.dropFirst().map { other -> Versus in
                let notLess = Statistics.betaBinomialNotLessProbability(successesA: other.successes, trialsA: other.trials,
                                                                         successesB: leader.successes, trialsB: leader.trials)
                return Versus(creativeID: other.id, value: Double(other.successes) / Double(other.trials), probabilityLeaderBetter: 1 - notLess,
                              enoughData: other.trials >= rate.needed && leader.trials >= rate.needed)
            }
            comparisons.append(ABComparison(metric: rate.name, leader: leader.id, leaderValue: Double(leader.successes) / Double(leader.trials), versus: versus))
        }
        let withROI = totals.compactMap { entry in entry.metrics.roi.map { (entry.id, $0, entry.metrics) } }.sorted { $0.1 > $1.1 }
        if let leader = withROI.first, withROI.count > 1 {
            let versus = withROI.dropFirst().map { other -> Versus in
                // Orders given spend: under equal order rates the other's share of all orders follows its share of spend.
                let (o1, s1) = (other.2.orders ?? 0, other.2.spend ?? 0), (o2, s2) = (leader.2.orders ?? 0, leader.2.spend ?? 0)
                let p = s1 + s2 > 0 ? Statistics.binomialCDF(o1, trials: o1 + o2, probability: s1 / (s1 + s2)) : 1
                return Versus(creativeID: other.0, value: other.1, probabilityLeaderBetter: 1 - p,
                              enoughData: s1 >= policy.evidence.minSpend && s2 >= policy.evidence.minSpend)
            }
            comparisons.append(ABComparison(metric: "roi", leader: leader.0, leaderValue: leader.1, versus: Array(versus)))
        }
        self.comparisons = comparisons
    }

    private enum RateKind {
        case ctr, viewRate3s, cvr
        func counts(_ m: Metrics) -> (successes: Int, trials: Int)? {
            switch self {
            case .ctr: guard let c = m.clicks, let i = m.impressions else { return nil }; return (c, i)
            case .viewRate3s: guard let v = m.views3s, let i = m.impressions else { return nil }; return (v, i)
            case .cvr: guard let o = m.orders, let c = m.clicks else { return nil }; return (o, c)
            }
        }
    }
}
