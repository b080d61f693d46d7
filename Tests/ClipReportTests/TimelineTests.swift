import ClipReport
import ClipRotation
import Testing

@Suite struct TimelineTests {
    let first = Day("2026-11-01")!
    let last = Day("2026-11-14")!

    func creative(_ id: String, _ status: CreativeStatus) -> Creative {
        Creative(id: id, planID: "p", status: status, createdAt: "2026-11-01T00:00:00Z")
    }

    @Test func changesTakeEffectTheNextDayAndKeepTheirReason() {
        let rest = StatusChange(day: Day("2026-11-08")!, creativeID: "c1", action: "rest", from: .active, to: .resting,
                                reasons: [Reason("ctr_holds", "3-s fine"), Reason("ctr_fatigue", "CTR 1.40% vs best 2.00%", ["drop": 0.3])], origin: "rotate")
        let activate = StatusChange(day: Day("2026-11-08")!, creativeID: "c2", action: "activate", from: .candidate, to: .active,
                                    reasons: [Reason("below_min_active", "2 live < min_active 3")], origin: "rotate")
        let timeline = ActiveTimeline(creatives: [creative("c1", .resting), creative("c2", .active), creative("c3", .candidate)],
                                      changes: [rest, activate], firstData: ["c1": Day("2026-11-03")!], first: first, last: last)
        #expect(timeline.rows.map(\.creativeID) == ["c1", "c2"], "a candidate that never went live has no row")
        let c1 = timeline.rows[0].spans
        #expect(c1.count == 2)
        #expect(c1[0].status == .active && c1[0].first == Day("2026-11-03")! && c1[0].last == Day("2026-11-08")!)
        #expect(c1[0].endedBy == rest && rest.why == "CTR 1.40% vs best 2.00%")
        #expect(c1[1].status == .resting && c1[1].first == Day("2026-11-09")! && c1[1].last == last && c1[1].endedBy == nil)
        let c2 = timeline.rows[1].spans
        #expect(c2.count == 1 && c2[0].first == Day("2026-11-09")! && c2[0].status == .active)
    }

    @Test func spansAreClippedToThePeriodAndRetiredCreativesStop() {
        let retire = StatusChange(day: Day("2026-10-20")!, creativeID: "old", action: "retire", from: .active, to: .retired,
                                  reasons: [Reason("unprofitable", "ROI 1.1 < 2.0")], origin: "rotate")
        let late = StatusChange(day: Day("2026-11-20")!, creativeID: "c1", action: "rest", from: .active, to: .resting, reasons: [], origin: "rotate")
        let timeline = ActiveTimeline(creatives: [creative("old", .retired), creative("c1", .resting)], changes: [retire, late],
                                      firstData: ["old": Day("2026-10-01")!, "c1": Day("2026-10-25")!], first: first, last: last)
        #expect(timeline.rows.map(\.creativeID) == ["c1"], "retired before the period: nothing to draw")
        let span = timeline.rows[0].spans[0]
        #expect(span.first == first && span.last == last && span.endedBy == nil, "a change after the period does not end a span inside it")
    }
}
