/// The verdict on one live creative: keep it, rest it (fatigue) or retire it (unprofitable / failed cold start).
public struct Verdict: Sendable, Hashable {
    public enum Kind: String, Sendable { case keep, rest, retire }
    public var kind: Kind
    public var reasons: [Reason]
    public var recent: MetricSnapshot?
}

/// Judges a live creative on evidence only: floors first, then one statistical test per comparison.
public struct CreativeJudge: Sendable {
    public var policy: RotationPolicy
    public var breakEvenROI: Double
    public var targetCPA: Double?

    /// The level of one daily test: the policy's significance is a false-alarm budget per creative over
    /// `history_days` of daily runs, spread evenly over those looks (Bonferroni).
    public var level: Double { policy.significance / Double(max(1, policy.historyDays)) }

    public init(policy: RotationPolicy, plan: Plan) {
        self.policy = policy
        breakEvenROI = plan.breakEvenROI ?? policy.profit.defaultBreakEvenROI
        targetCPA = plan.targetCPA
    }

    /// The plan's median creative over the same days, for cold-start comparisons (totals with median CTR and 3-s rate).
    public struct PlanReference: Sendable {
        public var medianCTR: Metrics?
        public var medianViewRate: Metrics?
        public init(medianCTR: Metrics? = nil, medianViewRate: Metrics? = nil) {
            self.medianCTR = medianCTR
            self.medianViewRate = medianViewRate
        }
    }

    /// Judges `series` (already cut at the decision day) as of `asOf`.
    public func judge(_ full: DailySeries, asOf: Day, averageOrderValue: Double? = nil, reference: PlanReference = .init()) -> Verdict {
        let series = full.through(asOf)
        guard let first = series.firstDay, let last = series.lastDay else {
            return Verdict(kind: .keep, reasons: [Reason("no_data", "no stats yet")], recent: nil)
        }
        let recentWindow = series.recent(policy.fatigue.recentDays)
        let snapshot = MetricSnapshot(recentWindow)
        let staleDays = asOf.days(since: last)
        if staleDays > policy.staleAfterDays {
            return Verdict(kind: .keep, reasons: [Reason("stale_data", "latest stats are from \(last), \(staleDays) days before \(asOf): no verdict on stale data",
                                                          ["days_stale": Double(staleDays)])], recent: snapshot)
        }
        let age = asOf.days(since: first) + 1
        if age <= policy.coldStart.days {
            return coldStart(series, age: age, reference: reference, snapshot: snapshot)
        }
        let history = DailySeries(days: Array(series.days.filter { asOf.days(since: $0.day) < policy.historyDays }))
        guard history.days.count >= policy.evidence.minDays else {
            return Verdict(kind: .keep, reasons: [Reason("below_evidence_floor", "\(history.days.count) days of data < min_days \(policy.evidence.minDays)",
                                                          ["days": Double(history.days.count)])], recent: snapshot)
        }
        var retire: [Reason] = []
        var rest: [Reason] = []
        var keep: [Reason] = []
        for rate in RateKind.allCases {
            guard let reason = rateFatigue(history, rate) else { continue }
            if reason.code.hasSuffix("_fatigue") { rest.append(reason) } else { keep.append(reason) }
        }
        rest += [frequencyVerdict(history), cpaRise(history), cpmRise(history)].compactMap { $0 }
        if let reason = profitVerdict(history, averageOrderValue: averageOrderValue) {
            if reason.code == "unprofitable" { retire.append(reason) } else { keep.append(reason) }
        }

        if !retire.isEmpty { return Verdict(kind: .retire, reasons: retire + rest, recent: snapshot) }
        if !rest.isEmpty { return Verdict(kind: .rest, reasons: rest, recent: snapshot) }
        if keep.isEmpty { keep.append(Reason("no_comparable_metrics", "no metric with enough data to judge")) }
        return Verdict(kind: .keep, reasons: keep, recent: snapshot)
    }

    /// A rate the fatigue and cold-start checks compare.
    public enum RateKind: String, CaseIterable, Sendable {
        case ctr, viewRate3s = "view_rate_3s"
        var label: String { self == .ctr ? "CTR" : "3-s view rate" }
        func counts(_ m: Metrics) -> (successes: Int, trials: Int)? {
            guard let impressions = m.impressions, let successes = self == .ctr ? m.clicks : m.views3s else { return nil }
            return (successes, impressions)
        }
    }

    // MARK: cold start

    private func coldStart(_ series: DailySeries, age: Int, reference: PlanReference, snapshot: MetricSnapshot?) -> Verdict {
        let total = series.total
        var kills: [Reason] = []
        if let targetCPA, let spend = total.spend, let orders = total.orders, orders == 0,
           spend >= policy.coldStart.killSpendMultiple * targetCPA {
            let expected = spend / targetCPA
            kills.append(Reason("cold_start_no_orders",
                                "spent \(fmt(spend)) ≥ \(fmt(policy.coldStart.killSpendMultiple))× target CPA \(fmt(targetCPA)) with 0 orders (P(0 orders | on target) = \(fmt(Statistics.poissonCDF(0, mean: expected), 4)))",
                                ["spend": spend, "target_cpa": targetCPA, "orders": 0]))
        }
        if policy.coldStart.compareWithPlanMedian {
            for rate in RateKind.allCases {
                let median = rate == .ctr ? reference.medianCTR : reference.medianViewRate
                guard let median, let mine = rate.counts(total), let theirs = rate.counts(median),
                      mine.trials >= policy.evidence.minImpressions, theirs.trials >= policy.evidence.minImpressions,
                      theirs.successes > 0 else { continue }
                let myRate = Double(mine.successes) / Double(mine.trials), theirRate = Double(theirs.successes) / Double(theirs.trials)
                let drop = 1 - myRate / theirRate
                let evidence = policy.test.lessEvidence(successesA: mine.successes, trialsA: mine.trials, successesB: theirs.successes, trialsB: theirs.trials)
                if drop >= policy.fatigue.minRelativeDrop && evidence < level {
                    kills.append(Reason("cold_start_\(rate.rawValue)_below_median",
                                        "\(rate.label) \(pct(myRate)) vs plan median \(pct(theirRate)) (−\(pct(drop, 0)), \(policy.test.evidenceName)=\(fmt(evidence, 6)) < \(fmt(level, 6)))",
                                        ["rate": myRate, "median": theirRate, "drop": drop, "evidence": evidence]))
                }
            }
        }
        if !kills.isEmpty { return Verdict(kind: .retire, reasons: kills, recent: snapshot) }
        return Verdict(kind: .keep, reasons: [Reason("cold_start", "cold start: day \(age) of \(policy.coldStart.days), watching",
                                                     ["day": Double(age)])], recent: snapshot)
    }

    // MARK: profit

    private func profitVerdict(_ history: DailySeries, averageOrderValue: Double?) -> Reason? {
        let window = Metrics.total(history.recent(policy.profit.windowDays).map(\.metrics))
        guard let spend = window.spend, let revenue = window.revenue else { return nil }
        guard spend >= policy.evidence.minSpend else {
            return Reason("below_evidence_floor", "ROI not judged: spend \(fmt(spend)) < min_spend \(fmt(policy.evidence.minSpend))", ["spend": spend])
        }
        let roi = revenue / spend
        guard roi < breakEvenROI else {
            return Reason("profitable", "ROI \(fmt(roi)) ≥ break-even \(fmt(breakEvenROI))", ["roi": roi, "break_even_roi": breakEvenROI])
        }
        let orders = window.orders ?? 0
        let own = history.total
        let aov = own.orders.flatMap { $0 > 0 ? (own.revenue ?? 0) / Double($0) : nil } ?? averageOrderValue
        guard let aov, aov > 0 else {
            return Reason("roi_untested", "ROI \(fmt(roi)) < break-even \(fmt(breakEvenROI)) but no order value known to test it", ["roi": roi])
        }
        // Orders as Poisson: at break-even the window would have brought spend × break-even / order value orders.
        let expected = spend * breakEvenROI / aov
        let p = Statistics.poissonCDF(orders, mean: expected)
        let numbers = ["roi": roi, "break_even_roi": breakEvenROI, "spend": spend, "orders": Double(orders), "expected_orders": expected, "p": p]
        if p < level {
            return Reason("unprofitable", "ROI \(fmt(roi)) < break-even \(fmt(breakEvenROI)) over \(policy.profit.windowDays) days: \(orders) orders where break-even needs \(fmt(expected, 1)) (p=\(fmt(p, 6)))", numbers)
        }
        return Reason("roi_not_significant", "ROI \(fmt(roi)) < break-even \(fmt(breakEvenROI)) but not significant (p=\(fmt(p, 6)))", numbers)
    }

    // MARK: fatigue

    private func rateFatigue(_ history: DailySeries, _ rate: RateKind) -> Reason? {
        let recentTotal = Metrics.total(history.recent(policy.fatigue.recentDays).map(\.metrics))
        guard let recent = rate.counts(recentTotal) else { return nil }
        guard recent.trials >= policy.evidence.minImpressions else {
            return Reason("below_evidence_floor", "\(rate.label) not judged: \(recent.trials) impressions in the last \(policy.fatigue.recentDays) days < \(policy.evidence.minImpressions)",
                          ["impressions": Double(recent.trials)])
        }
        let past = Array(history.before(recent: policy.fatigue.recentDays))
        let width = policy.fatigue.bestWindowDays
        guard past.count >= width else { return nil }
        // Best window of the past: sliding over consecutive data days, each meeting the impression floor.
        let counts = past.map { rate.counts($0.metrics) ?? (0, 0) }
        var best: (successes: Int, trials: Int)?
        for end in (width - 1)..<counts.count {
            let window = counts[(end - width + 1)...end]
            let successes = window.reduce(0) { $0 + $1.successes }, trials = window.reduce(0) { $0 + $1.trials }
            guard trials >= policy.evidence.minImpressions else { continue }
            if let current = best, Double(successes) * Double(current.trials) <= Double(current.successes) * Double(trials) { continue }
            best = (successes, trials)
        }
        guard let best, best.successes > 0 else { return nil }
        let recentRate = Double(recent.successes) / Double(recent.trials), bestRate = Double(best.successes) / Double(best.trials)
        let drop = 1 - recentRate / bestRate
        // The best window is the maximum of several: Bonferroni over the independent windows it was picked from.
        let candidates = max(1, past.count / width)
        let level = self.level / Double(candidates)
        let evidence = policy.test.lessEvidence(successesA: recent.successes, trialsA: recent.trials, successesB: best.successes, trialsB: best.trials)
        let numbers = ["recent": recentRate, "best": bestRate, "drop": drop, "evidence": evidence, "level": level,
                       "recent_impressions": Double(recent.trials), "best_impressions": Double(best.trials)]
        let text = "\(rate.label) \(pct(recentRate)) over the last \(policy.fatigue.recentDays) days vs best \(width)-day window \(pct(bestRate)) (\(drop >= 0 ? "−" : "+")\(pct(abs(drop), 0)), \(policy.test.evidenceName)=\(fmt(evidence, 6)), level \(fmt(level, 6)))"
        // Sustained: every recent day on its own is clearly below the best window, so one bad day is not fatigue.
        let dailyCeiling = bestRate * (1 - policy.fatigue.minRelativeDrop * policy.fatigue.dailyDropShare)
        let sustained = history.recent(policy.fatigue.recentDays).allSatisfy { entry in
            guard let c = rate.counts(entry.metrics), c.trials > 0 else { return true }
            return Double(c.successes) / Double(c.trials) <= dailyCeiling
        }
        if drop >= policy.fatigue.minRelativeDrop && evidence < level && sustained {
            return Reason("\(rate.rawValue)_fatigue", text, numbers)
        }
        if drop >= policy.fatigue.minRelativeDrop && evidence < level {
            return Reason("\(rate.rawValue)_not_sustained", text + "; not every recent day is below \(pct(dailyCeiling)): one bad day is not fatigue", numbers)
        }
        return Reason("\(rate.rawValue)_holds", text, numbers)
    }

    private func frequencyVerdict(_ history: DailySeries) -> Reason? {
        guard let cap = policy.fatigue.frequencyCap else { return nil }
        let recent = Metrics.total(history.recent(policy.fatigue.recentDays).map(\.metrics))
        guard let frequency = recent.effectiveFrequency, (recent.impressions ?? 0) >= policy.evidence.minImpressions else { return nil }
        if frequency > cap {
            return Reason("frequency_cap", "frequency \(fmt(frequency)) > cap \(fmt(cap))", ["frequency": frequency, "cap": cap])
        }
        return nil
    }

    private func cpaRise(_ history: DailySeries) -> Reason? {
        let recent = Metrics.total(history.recent(policy.fatigue.recentDays).map(\.metrics))
        let past = Metrics.total(history.before(recent: policy.fatigue.recentDays).map(\.metrics))
        guard let recentSpend = recent.spend, let pastSpend = past.spend, let pastOrders = past.orders, let recentOrders = recent.orders,
              pastOrders >= policy.evidence.minOrders, recentSpend >= policy.evidence.minSpend, pastSpend > 0 else { return nil }
        let pastCPA = pastSpend / Double(pastOrders)
        let recentCPA = recentOrders > 0 ? recentSpend / Double(recentOrders) : .infinity
        let ratio = recentCPA / pastCPA
        guard ratio >= policy.fatigue.costRiseMultiple else { return nil }
        // Conditional test: given all orders, the recent window's share is Binomial(n, its share of spend) when the order rate holds.
        let n = recentOrders + pastOrders
        let p = Statistics.binomialCDF(recentOrders, trials: n, probability: recentSpend / (recentSpend + pastSpend))
        let numbers = ["recent_cpa": recentCPA, "past_cpa": pastCPA, "ratio": ratio, "p": p]
        guard p < level else { return nil }
        return Reason("cpa_rise", "CPA \(recentOrders > 0 ? fmt(recentCPA) : "∞ (0 orders)") over the last \(policy.fatigue.recentDays) days vs \(fmt(pastCPA)) before (≥ \(fmt(policy.fatigue.costRiseMultiple))×, p=\(fmt(p, 4)))", numbers)
    }

    private func cpmRise(_ history: DailySeries) -> Reason? {
        let recent = Metrics.total(history.recent(policy.fatigue.recentDays).map(\.metrics))
        let past = Metrics.total(history.before(recent: policy.fatigue.recentDays).map(\.metrics))
        guard let recentCPM = recent.cpm, let pastCPM = past.cpm, pastCPM > 0,
              (recent.impressions ?? 0) >= policy.evidence.minImpressions, (past.impressions ?? 0) >= policy.evidence.minImpressions,
              (recent.spend ?? 0) >= policy.evidence.minSpend else { return nil }
        let ratio = recentCPM / pastCPM
        guard ratio >= policy.fatigue.costRiseMultiple else { return nil }
        return Reason("cpm_rise", "CPM \(fmt(recentCPM)) over the last \(policy.fatigue.recentDays) days vs \(fmt(pastCPM)) before (\(fmt(ratio))× ≥ \(fmt(policy.fatigue.costRiseMultiple))×)",
                      ["recent_cpm": recentCPM, "past_cpm": pastCPM, "ratio": ratio])
    }
}
