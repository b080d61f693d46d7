import ClipRotation
import Testing

/// Plan-level rotation: fill, retire/rest mapping, replacements, revival, source-span diversity, --as-of.
@Suite struct PlannerTests {
    let asOf = Synthetic.start.adding(days: 29)

    func creative(_ id: String, _ status: CreativeStatus, hook: Double? = nil, created: String = "2026-01-01T00:00:00Z",
                  source: String? = nil, span: (Double, Double)? = nil, restingUntil: Day? = nil) -> Creative {
        Creative(id: id, planID: "p", hookScore: hook, sourceRecording: source, sourceStart: span?.0, sourceEnd: span?.1,
                 status: status, restingUntil: restingUntil, createdAt: created)
    }

    func healthy(_ seed: UInt64) -> DailySeries { Synthetic.series(days: 30, impressions: 20_000, seed: seed) { _ in 0.02 } }
    func fatigued(_ seed: UInt64) -> DailySeries { Synthetic.series(days: 30, impressions: 20_000, seed: seed) { $0 < 26 ? 0.02 : 0.012 } }

    func rotate(_ creatives: [Creative], _ series: [String: DailySeries], plan: Plan? = nil, asOf: Day? = nil) throws -> PlanRotation {
        let plan = plan ?? Plan(id: "p", breakEvenROI: 0.5, createdAt: "2026-01-01T00:00:00Z")
        return RotationPlanner(policy: try Synthetic.policy()).rotate(PlanSnapshot(plan: plan, creatives: creatives, series: series), asOf: asOf ?? self.asOf)
    }

    @Test func fillsAnEmptyPlanToTargetBestHookFirst() throws {
        let creatives = [creative("a", .candidate, hook: 40), creative("b", .candidate, hook: 90), creative("c", .candidate),
                         creative("d", .candidate, hook: 70), creative("e", .candidate, hook: 60)]
        let rotation = try rotate(creatives, [:])
        #expect(rotation.activeAfter == ["a", "b", "d", "e"])
        #expect(rotation.decisions.filter { $0.action == .activate }.map(\.creativeID) == ["b", "d", "e", "a"])
        #expect(!rotation.belowMinimum)
    }

    @Test func fatiguedCreativeRestsAndIsReplaced() throws {
        let creatives = [creative("a", .active), creative("b", .active), creative("c", .active), creative("d", .active), creative("e", .candidate, hook: 80)]
        let rotation = try rotate(creatives, ["a": healthy(1), "b": healthy(2), "c": healthy(3), "d": fatigued(4)])
        let rest = try #require(rotation.decisions.first { $0.creativeID == "d" })
        #expect(rest.action == .rest)
        #expect(rest.restingUntil == asOf.adding(days: 14))
        #expect(rest.reasons.contains { $0.code == "ctr_fatigue" })
        #expect(rotation.decisions.first { $0.creativeID == "e" }?.action == .activate)
        #expect(rotation.activeAfter == ["a", "b", "c", "e"])
    }

    @Test func fatiguedCreativeStaysWhenNothingCanReplaceItAtTheMinimum() throws {
        let creatives = [creative("a", .active), creative("b", .active), creative("d", .active)]
        let rotation = try rotate(creatives, ["a": healthy(1), "b": healthy(2), "d": fatigued(4)])
        let keep = try #require(rotation.decisions.first { $0.creativeID == "d" })
        #expect(keep.action == .keep)
        #expect(keep.reasons.contains { $0.code == "kept_no_replacement" })
        #expect(rotation.needsNewCreatives && !rotation.belowMinimum)
    }

    @Test func unprofitableCreativeIsRetiredAndPlanFallsBelowMinimum() throws {
        // Break-even 3.0 while every creative returns about 1.0 (orders × 50 / spend).
        let plan = Plan(id: "p", breakEvenROI: 3.0, createdAt: "2026-01-01T00:00:00Z")
        let creatives = [creative("a", .active), creative("b", .active), creative("c", .active)]
        let rotation = try rotate(creatives, ["a": healthy(1), "b": healthy(2), "c": healthy(3)], plan: plan)
        #expect(rotation.decisions.allSatisfy { $0.action == .retire })
        #expect(rotation.decisions.allSatisfy { $0.reasons.contains { $0.code == "unprofitable" } })
        #expect(rotation.belowMinimum && rotation.activeAfter.isEmpty)
    }

    @Test func restingCreativeIsRevivedOnlyAfterItsCooldown() throws {
        let creatives = [creative("a", .active), creative("b", .active), creative("r", .resting, restingUntil: asOf.adding(days: 1))]
        let early = try rotate(creatives, ["a": healthy(1), "b": healthy(2)])
        #expect(early.belowMinimum && early.activeAfter == ["a", "b"])
        let later = try rotate(creatives, ["a": healthy(1), "b": healthy(2)], asOf: asOf.adding(days: 1))
        #expect(later.decisions.first { $0.creativeID == "r" }?.action == .revive)
        #expect(!later.belowMinimum)
    }

    @Test func twoClipsOfTheSameSourceSpanAreNotLiveTogether() throws {
        let creatives = [creative("a", .active, source: "live.flv", span: (100, 130)),
                         creative("x", .candidate, hook: 99, source: "live.flv", span: (120, 150)),
                         creative("y", .candidate, hook: 50, source: "live.flv", span: (300, 330)),
                         creative("z", .candidate, hook: 40)]
        let rotation = try rotate(creatives, ["a": healthy(1)])
        #expect(!rotation.activeAfter.contains("x"))
        #expect(rotation.activeAfter == ["a", "y", "z"])
        #expect(rotation.notes.contains { $0.contains("x") })
    }

    @Test func tooManyLiveRestsTheWeakest() throws {
        let creatives = (1...6).map { creative("c\($0)", .active) }
        var series: [String: DailySeries] = [:]
        for i in 1...6 { series["c\(i)"] = Synthetic.series(days: 30, impressions: 20_000, seed: UInt64(i)) { _ in i == 3 ? 0.01 : 0.02 } }
        let rotation = try rotate(creatives, series)
        #expect(rotation.activeAfter.count == 5)
        #expect(rotation.decisions.first { $0.creativeID == "c3" }?.reasons.first?.code == "over_max_active")
    }

    @Test func asOfUsesOnlyDataUpToThatDay() throws {
        let creatives = [creative("a", .active), creative("b", .active), creative("c", .active), creative("d", .active), creative("e", .candidate)]
        let series = ["a": healthy(1), "b": healthy(2), "c": healthy(3), "d": fatigued(4)]
        let before = try rotate(creatives, series, asOf: Synthetic.start.adding(days: 25))
        #expect(before.decisions.allSatisfy { $0.action == .keep })
        #expect(before.decisions.first { $0.creativeID == "d" }?.recent?.through == Synthetic.start.adding(days: 25))
        let after = try rotate(creatives, series)
        #expect(after.decisions.first { $0.creativeID == "d" }?.action == .rest)
    }

    @Test func coldStartKillsANoOrderSpenderAndALowCTR() throws {
        let plan = Plan(id: "p", targetCPA: 30, createdAt: "2026-01-01T00:00:00Z")
        let start = asOf.adding(days: -1)
        func twoDays(clicks: Int, orders: Int, spend: Double) -> DailySeries {
            DailySeries(days: [0, 1].map { (start.adding(days: $0), Metrics(impressions: 10_000, clicks: clicks, views3s: 2_000, spend: spend, orders: orders, revenue: Double(orders) * 50)) })
        }
        let creatives = [creative("a", .active), creative("b", .active), creative("c", .active), creative("new", .active), creative("dud", .active)]
        let series = ["a": twoDays(clicks: 200, orders: 4, spend: 50), "b": twoDays(clicks: 210, orders: 4, spend: 50),
                      "c": twoDays(clicks: 190, orders: 4, spend: 50),
                      "new": twoDays(clicks: 200, orders: 0, spend: 40),   // 80 spent ≥ 2 × 30 with no order
                      "dud": twoDays(clicks: 80, orders: 1, spend: 20)]    // CTR 0.8% vs median 2%
        let rotation = try rotate(creatives, series, plan: plan)
        #expect(rotation.decisions.first { $0.creativeID == "new" }?.reasons.first?.code == "cold_start_no_orders")
        #expect(rotation.decisions.first { $0.creativeID == "dud" }?.reasons.first?.code == "cold_start_ctr_below_median")
        #expect(rotation.decisions.filter { $0.action == .retire }.count == 2)
        #expect(rotation.decisions.first { $0.creativeID == "a" }?.reasons.first?.code == "cold_start")
    }
}

@Suite struct BudgetAdvisorTests {
    func daily(_ rois: [Double]) -> DailySeries {
        DailySeries(days: rois.enumerated().map { (Synthetic.start.adding(days: $0.offset), Metrics(spend: 1_000, revenue: 1_000 * $0.element)) })
    }

    @Test func rampsOnlyWhileROIHoldsAboveTarget() throws {
        let advisor = BudgetAdvisor(policy: try Synthetic.policy())
        let plan = Plan(id: "p", budget: 5_000, breakEvenROI: 2.0, createdAt: "x")
        let ramp = advisor.advise(plan: plan, daily: daily([2.5, 2.6, 2.7]))
        #expect(ramp.action == .ramp && ramp.advised == 8_000)
        let hold = advisor.advise(plan: plan, daily: daily([2.5, 2.1, 2.7]))
        #expect(hold.action == .hold && hold.advised == 5_000)
        let cut = advisor.advise(plan: plan, daily: daily([1.5, 1.6, 1.7]))
        #expect(cut.action == .cut && cut.advised == 4_000)  // 3,500 rounded to the nearest 1,000
        #expect(advisor.advise(plan: Plan(id: "p", createdAt: "x"), daily: daily([3, 3, 3])).action == .hold)
    }
}

/// Candidate order with a calibrated preset's predicted hook rate.
@Suite struct CalibratedRankingTests {
    @Test func predictedHookRateOrdersBeforeTheScore() {
        func creative(_ id: String, hook: Double?, rate: Double?) -> Creative {
            Creative(id: id, planID: "p", hookScore: hook, predictedHookRate: rate, createdAt: "2026-01-01T00:00:00Z")
        }
        let pool = CandidateRanking.pool([creative("a", hook: 100, rate: 0.18), creative("b", hook: 60, rate: 0.31),
                                          creative("c", hook: 100, rate: nil), creative("d", hook: nil, rate: 0.25)],
                                         asOf: Synthetic.start)
        #expect(pool.map(\.id) == ["b", "d", "a", "c"])
    }
}
