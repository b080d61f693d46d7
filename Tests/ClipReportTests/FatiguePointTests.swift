import ClipPresets
import ClipReport
import ClipRotation
import Testing
import TestSupport

@Suite struct FatiguePointTests {
    let start = Day("2026-11-01")!

    /// 20,000 impressions a day at `ctr(day)`; 3-s views 30 %; spend 400, 8 orders, revenue 1,000 a day (profitable).
    func series(days: Int, ctr: (Int) -> Double) -> DailySeries {
        DailySeries(days: (0..<days).map { index in
            (start.adding(days: index), Metrics(impressions: 20_000, clicks: Int(20_000 * ctr(index)), views3s: 6_000, spend: 400, orders: 8, revenue: 1_000))
        })
    }

    @Test func theFatiguePointIsTheDayRotationWouldRestTheCreative() throws {
        let policy = try PresetLocator.decode(RotationPolicy.self, from: Fixtures.repositoryRoot.appendingPathComponent("Presets/policies/default.yaml"))
        let plan = Plan(id: "p", budget: 5000, breakEvenROI: 1.8, createdAt: "2026-11-01T00:00:00Z")
        let creatives = ["steady", "wearing", "third"].map { Creative(id: $0, planID: "p", status: .active, createdAt: "2026-11-01T00:00:00Z") }
        let data = [
            "steady": series(days: 14) { _ in 0.02 },
            "wearing": series(days: 14) { $0 < 10 ? 0.02 : 0.012 },
            "third": series(days: 14) { _ in 0.021 },
        ]
        let last = start.adding(days: 13)
        let points = FatiguePoints.find(plan: plan, policy: policy, creatives: creatives, series: data, first: start, last: last)
        #expect(points["steady"] == nil && points["third"] == nil)
        let point = try #require(points["wearing"])
        #expect(point.verdict == .rest && point.reasons.contains { $0.code == "ctr_fatigue" })
        #expect(point.day > start.adding(days: 9), "never before the decline")

        // The same day through the planner itself: rest on that day, keep the day before.
        let snapshot = PlanSnapshot(plan: plan, creatives: creatives + [Creative(id: "spare", planID: "p", createdAt: "2026-11-01T00:00:00Z")], series: data)
        let planner = RotationPlanner(policy: policy)
        let onDay = planner.rotate(snapshot, asOf: point.day).decisions.first { $0.creativeID == "wearing" }
        let dayBefore = planner.rotate(snapshot, asOf: point.day.adding(days: -1)).decisions.first { $0.creativeID == "wearing" }
        #expect(onDay?.action == .rest && dayBefore?.action == .keep)
    }
}
