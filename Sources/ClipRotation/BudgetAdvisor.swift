/// Budget advice per plan: ramp in steps only while ROI holds above target, cut below break-even, else hold.
public struct BudgetAdvisor: Sendable {
    public var policy: RotationPolicy

    public init(policy: RotationPolicy) { self.policy = policy }

    /// Advice from the plan's daily totals (all creatives summed) up to the decision day.
    public func advise(plan: Plan, daily: DailySeries) -> BudgetAdvice {
        let rules = policy.budget
        let breakEven = plan.breakEvenROI ?? policy.profit.defaultBreakEvenROI
        let target = breakEven * rules.targetROIMultiple
        guard let budget = plan.budget else {
            return BudgetAdvice(action: .hold, current: nil, advised: nil, reason: Reason("no_budget", "no budget set for the plan (plan set --budget)"))
        }
        let window = daily.recent(rules.holdDays)
        let rois = window.compactMap { $0.metrics.roi }
        guard window.count >= rules.holdDays, rois.count == window.count else {
            return BudgetAdvice(action: .hold, current: budget, advised: budget,
                                reason: Reason("no_roi_data", "fewer than \(rules.holdDays) days with spend and revenue: hold"))
        }
        let total = Metrics.total(window.map(\.metrics))
        let roi = total.roi ?? 0
        let numbers = ["roi": roi, "min_daily_roi": rois.min() ?? 0, "target_roi": target, "break_even_roi": breakEven]
        if rois.allSatisfy({ $0 >= target }) && (total.spend ?? 0) >= policy.evidence.minSpend {
            let advised = round(budget * rules.stepMultiplier)
            return BudgetAdvice(action: .ramp, current: budget, advised: advised,
                                reason: Reason("roi_holds", "ROI ≥ target \(fmt(target)) on each of the last \(rules.holdDays) days (lowest \(fmt(rois.min() ?? 0))): ramp ×\(fmt(rules.stepMultiplier, 1))", numbers))
        }
        if roi < breakEven && (total.spend ?? 0) >= policy.evidence.minSpend {
            let advised = round(budget * rules.cutMultiplier)
            return BudgetAdvice(action: .cut, current: budget, advised: advised,
                                reason: Reason("below_break_even", "ROI \(fmt(roi)) over the last \(rules.holdDays) days < break-even \(fmt(breakEven)): cut ×\(fmt(rules.cutMultiplier, 2))", numbers))
        }
        return BudgetAdvice(action: .hold, current: budget, advised: budget,
                            reason: Reason("roi_mixed", "ROI \(fmt(roi)) over the last \(rules.holdDays) days: not above target \(fmt(target)) every day, not below break-even \(fmt(breakEven))", numbers))
    }

    private func round(_ value: Double) -> Double {
        let step = policy.budget.roundTo
        guard step > 0 else { return value }
        return (value / step).rounded() * step
    }
}
