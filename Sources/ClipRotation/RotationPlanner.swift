/// Decides one plan's rotation as of a day: verdicts on live creatives, then fill from the best candidates.
public struct RotationPlanner: Sendable {
    public var policy: RotationPolicy

    public init(policy: RotationPolicy) { self.policy = policy }

    /// The rotation of `snapshot` as of `asOf`, using only data up to that day. `applied` is recorded as given.
    public func rotate(_ snapshot: PlanSnapshot, asOf: Day, applied: Bool = false) -> PlanRotation {
        let plan = snapshot.plan
        let series = snapshot.series.mapValues { $0.through(asOf) }
        let active = snapshot.creatives.filter { $0.status == .active }.sorted { $0.id < $1.id }

        var decisions: [Decision] = []
        var live: [Creative] = []
        var leaving: [(creative: Creative, verdict: Verdict)] = []
        for (creative, verdict) in verdicts(plan: plan, active: active, series: series, asOf: asOf) {
            if verdict.kind == .keep {
                live.append(creative)
                decisions.append(Decision(creativeID: creative.id, action: .keep, from: .active, reasons: verdict.reasons, recent: verdict.recent))
            } else {
                leaving.append((creative, verdict))
            }
        }

        var pool = CandidateRanking.pool(snapshot.creatives, asOf: asOf)
        var notes: [String] = []
        func takeCandidate(avoiding others: [Creative]) -> Creative? {
            guard let index = pool.firstIndex(where: { candidate in !others.contains { $0.sharesSourceSpan(with: candidate) } }) else { return nil }
            let skipped = pool[..<index].map(\.id)
            if !skipped.isEmpty { notes.append("skipped \(skipped.joined(separator: ", ")): same source span as a live creative") }
            return pool.remove(at: index)
        }

        // Retirements always happen; a fatigued creative rests only when the plan stays at its minimum without it
        // or a candidate can take its place.
        for (creative, verdict) in leaving {
            let action: RotationAction = verdict.kind == .retire ? .retire : .rest
            if action == .rest, live.count + pool.count < policy.minActive {
                live.append(creative)
                decisions.append(Decision(creativeID: creative.id, action: .keep, from: .active,
                                          reasons: verdict.reasons + [Reason("kept_no_replacement", "fatigued, but no candidate left to replace it: kept until new creatives arrive")],
                                          recent: verdict.recent))
                continue
            }
            let until = action == .rest ? asOf.adding(days: policy.resting.cooldownDays) : nil
            decisions.append(Decision(creativeID: creative.id, action: action, from: .active, reasons: verdict.reasons, recent: verdict.recent, restingUntil: until))
        }

        // Too many live: rest the weakest by recent CTR.
        while live.count > policy.maxActive {
            let weakest = live.min { (judgeCTR($0, series) ?? 1) < (judgeCTR($1, series) ?? 1) }!
            live.removeAll { $0.id == weakest.id }
            decisions.removeAll { $0.creativeID == weakest.id }
            decisions.append(Decision(creativeID: weakest.id, action: .rest, from: .active,
                                      reasons: [Reason("over_max_active", "\(live.count + 1) live > max_active \(policy.maxActive): rests the lowest recent CTR",
                                                       ["max_active": Double(policy.maxActive)])],
                                      recent: MetricSnapshot((series[weakest.id] ?? DailySeries()).recent(policy.fatigue.recentDays)),
                                      restingUntil: asOf.adding(days: policy.resting.cooldownDays)))
        }

        // Fill to the target from the best candidates.
        while live.count < policy.targetActive, let next = takeCandidate(avoiding: live) {
            let action: RotationAction = next.status == .resting ? .revive : .activate
            var reasons = [Reason(live.count < policy.minActive ? "below_min_active" : "below_target_active",
                                  "\(live.count) live < \(live.count < policy.minActive ? "min_active \(policy.minActive)" : "target_active \(policy.targetActive)")",
                                  ["live": Double(live.count)])]
            if let rate = next.predictedHookRate {
                reasons.append(Reason("predicted_hook_rate", "predicted hook rate \(fmt(rate * 100, 2)) %", ["predicted_hook_rate": rate]))
            }
            if let score = next.hookScore { reasons.append(Reason("hook_score", "hook score \(fmt(score, 1))", ["hook_score": score])) }
            if action == .revive { reasons.append(Reason("cooldown_over", "rested until \(next.restingUntil.map(String.init(describing:)) ?? "—")")) }
            live.append(next)
            decisions.append(Decision(creativeID: next.id, action: action, from: next.status, reasons: reasons))
        }

        let daily = planDaily(series)
        let budget = BudgetAdvisor(policy: policy).advise(plan: plan, daily: daily)
        let belowMinimum = live.count < policy.minActive
        let fatiguedKept = decisions.contains { $0.reasons.contains { $0.code == "kept_no_replacement" } }
        if belowMinimum { notes.append("\(live.count) live < min_active \(policy.minActive) and no candidate left: add creatives") }
        return PlanRotation(planID: plan.id, asOf: asOf, policy: policy.name, policyVersion: policy.version, applied: applied,
                            activeBefore: active.map(\.id), activeAfter: live.map(\.id).sorted(),
                            decisions: decisions, budget: budget,
                            needsNewCreatives: belowMinimum || fatiguedKept || pool.isEmpty,
                            belowMinimum: belowMinimum, notes: notes)
    }

    /// The judge's verdict on each active creative of `snapshot` as of `asOf` (by ID), using only data up to that day:
    /// what `rotate` decides before it fills the set. The HTML report replays it day by day to mark fatigue points.
    public func verdicts(_ snapshot: PlanSnapshot, asOf: Day) -> [(creative: Creative, verdict: Verdict)] {
        verdicts(plan: snapshot.plan, active: snapshot.creatives.filter { $0.status == .active }.sorted { $0.id < $1.id },
                 series: snapshot.series.mapValues { $0.through(asOf) }, asOf: asOf)
    }

    private func verdicts(plan: Plan, active: [Creative], series: [String: DailySeries], asOf: Day) -> [(creative: Creative, verdict: Verdict)] {
        let judge = CreativeJudge(policy: policy, plan: plan)
        let planTotal = Metrics.total(series.values.map(\.total))
        let planAOV = planTotal.orders.flatMap { $0 > 0 ? (planTotal.revenue ?? 0) / Double($0) : nil }
        return active.map { creative in
            let own = series[creative.id] ?? DailySeries()
            let reference = medianReference(excluding: creative.id, among: active, series: series, since: own.firstDay, asOf: asOf)
            return (creative, judge.judge(own, asOf: asOf, averageOrderValue: planAOV, reference: reference))
        }
    }

    private func judgeCTR(_ creative: Creative, _ series: [String: DailySeries]) -> Double? {
        series[creative.id].flatMap { Metrics.total($0.recent(policy.fatigue.recentDays).map(\.metrics)).ctr }
    }

    /// The other live creatives' totals over the same days, picking the median by CTR and by 3-s view rate.
    private func medianReference(excluding id: String, among active: [Creative], series: [String: DailySeries], since: Day?, asOf: Day) -> CreativeJudge.PlanReference {
        guard let since, asOf.days(since: since) < policy.coldStart.days else { return .init() }
        let others = active.filter { $0.id != id }.compactMap { series[$0.id] }
            .map { Metrics.total($0.days.filter { $0.day >= since }.map(\.metrics)) }
        func median(_ key: (Metrics) -> Double?) -> Metrics? {
            let ranked = others.filter { key($0) != nil }.sorted { key($0)! < key($1)! }
            return ranked.isEmpty ? nil : ranked[ranked.count / 2]
        }
        return .init(medianCTR: median(\.ctr), medianViewRate: median(\.viewRate3s))
    }

    private func planDaily(_ series: [String: DailySeries]) -> DailySeries {
        var byDay: [Day: Metrics] = [:]
        for s in series.values { for entry in s.days { byDay[entry.day, default: Metrics()] = byDay[entry.day, default: Metrics()].adding(entry.metrics) } }
        return DailySeries(days: byDay.map { ($0.key, $0.value) })
    }
}
