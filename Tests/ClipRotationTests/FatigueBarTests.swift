import ClipRotation
import Testing

/// The issue's bars: a 30% CTR decline at realistic volume is caught within 2 days; noise at 2,000 impressions a day
/// retires nothing in 60 days.
@Suite struct FatigueBarTests {
    let plan = Plan(id: "p", breakEvenROI: 0.5, createdAt: "2026-01-01T00:00:00Z")

    /// The first day (index) on which the judge does not keep the creative, judging every day.
    func firstVerdictDay(_ series: DailySeries, days: Int, policy: RotationPolicy) -> (day: Int, verdict: Verdict)? {
        let judge = CreativeJudge(policy: policy, plan: plan)
        for index in 0..<days {
            let verdict = judge.judge(series, asOf: Synthetic.start.adding(days: index))
            if verdict.kind != .keep { return (index, verdict) }
        }
        return nil
    }

    @Test(arguments: [20_000, 10_000])
    func thirtyPercentCTRDeclineIsCaughtWithinTwoDays(impressionsPerDay: Int) throws {
        let policy = try Synthetic.policy()
        let declineStarts = 14
        for seed in UInt64(1)...8 {
            let series = Synthetic.series(days: 30, impressions: impressionsPerDay, seed: seed) { $0 < declineStarts ? 0.02 : 0.014 }
            let found = try #require(firstVerdictDay(series, days: 30, policy: policy), "seed \(seed): decline never caught")
            #expect(found.verdict.kind == .rest, "fatigue rests, it does not retire")
            #expect(found.day >= declineStarts, "seed \(seed): flagged before the decline, on day \(found.day)")
            #expect(found.day <= declineStarts + 1, "seed \(seed): caught on day \(found.day - declineStarts + 1) of the decline")
            #expect(found.verdict.reasons.contains { $0.code == "ctr_fatigue" })
        }
    }

    @Test func noiseAtTwoThousandImpressionsRetiresNothingInSixtyDays() throws {
        let policy = try Synthetic.policy()
        for seed in UInt64(100)..<140 {
            let series = Synthetic.series(days: 60, impressions: 2_000, seed: seed) { _ in 0.02 }
            let verdict = firstVerdictDay(series, days: 60, policy: policy)
            #expect(verdict == nil, "seed \(seed): \(verdict.map { "day \($0.day): \($0.verdict.reasons.map(\.message))" } ?? "")")
        }
    }

    @Test func oneBadDayIsNotFatigueButTwoAre() throws {
        let policy = try Synthetic.policy()
        // Exact counts (no noise): 2,000 impressions at 2% CTR and 20% 3-s rate; day 20 at half of both.
        func series(badDays: Set<Int>) -> DailySeries {
            DailySeries(days: (0..<30).map { index in
                let bad = badDays.contains(index)
                return (Synthetic.start.adding(days: index), Metrics(impressions: 2_000, clicks: bad ? 20 : 40, views3s: bad ? 200 : 400))
            })
        }
        #expect(firstVerdictDay(series(badDays: [20]), days: 30, policy: policy) == nil)
        let twoBadDays = try #require(firstVerdictDay(series(badDays: [20, 21]), days: 30, policy: policy))
        #expect(twoBadDays.day == 21 && twoBadDays.verdict.kind == .rest)
    }
}
