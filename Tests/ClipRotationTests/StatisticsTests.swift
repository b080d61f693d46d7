import ClipRotation
import Foundation
import Testing

@Suite struct StatisticsTests {
    @Test func normalCDFMatchesTables() {
        #expect(abs(Statistics.normalCDF(0) - 0.5) < 1e-12)
        #expect(abs(Statistics.normalCDF(-1.959964) - 0.025) < 1e-6)
        #expect(abs(Statistics.normalCDF(2.326348) - 0.99) < 1e-6)
    }

    @Test func twoProportionTestMatchesHandComputation() {
        // 120/10,000 vs 200/10,000: pooled 1.6%, se = sqrt(.016·.984·2/10,000) = 0.0017745; z = −4.508.
        let p = Statistics.twoProportionLessPValue(successesA: 120, trialsA: 10_000, successesB: 200, trialsB: 10_000)
        #expect(abs(p - Statistics.normalCDF(-0.008 / (0.016 * 0.984 * 2 / 10_000).squareRoot())) < 1e-12)
        #expect(p < 1e-5)
        #expect(Statistics.twoProportionLessPValue(successesA: 200, trialsA: 10_000, successesB: 120, trialsB: 10_000) > 0.99)
        #expect(Statistics.twoProportionLessPValue(successesA: 1, trialsA: 0, successesB: 1, trialsB: 10) == 1)
    }

    @Test func betaBinomialAgreesWithTheZTestOnLargeCounts() {
        let bayes = Statistics.betaBinomialNotLessProbability(successesA: 120, trialsA: 10_000, successesB: 200, trialsB: 10_000)
        #expect(bayes < 1e-4)
        let even = Statistics.betaBinomialNotLessProbability(successesA: 100, trialsA: 5_000, successesB: 100, trialsB: 5_000)
        #expect(abs(even - 0.5) < 1e-9)
    }

    @Test func binomialAndPoissonCDFAreExact() {
        #expect(abs(Statistics.binomialCDF(0, trials: 10, probability: 0.5) - 1.0 / 1024) < 1e-12)
        #expect(abs(Statistics.binomialCDF(5, trials: 10, probability: 0.5) - 638.0 / 1024) < 1e-12)
        #expect(Statistics.binomialCDF(10, trials: 10, probability: 0.3) == 1)
        #expect(abs(Statistics.poissonCDF(0, mean: 3) - exp(-3)) < 1e-12)
        #expect(abs(Statistics.poissonCDF(2, mean: 2) - 5 * exp(-2)) < 1e-12)
    }
}

@Suite struct DayTests {
    @Test func parsesAndPrintsCivilDates() throws {
        let day = try #require(Day("2024-02-29"))
        #expect(day.description == "2024-02-29")
        #expect(day.adding(days: 1).description == "2024-03-01")
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("2026/5/1")?.description == "2026-05-01")
        #expect(Day("2023-02-29") == nil)
        #expect(Day("5/1/2024") == nil)
        #expect(Day("2026-11-20")!.days(since: Day("2026-11-09")!) == 11)
    }
}

@Suite struct MetricsTests {
    @Test func absentIsNotZero() {
        let a = Metrics(impressions: 100, clicks: 2)
        let b = Metrics(impressions: 300, clicks: 4, spend: 10)
        let sum = a.adding(b)
        #expect(sum.impressions == 400 && sum.clicks == 6)
        #expect(sum.spend == 10)
        #expect(sum.orders == nil && sum.cpa == nil && sum.roi == nil)
        #expect(sum.ctr == 0.015)
    }

    @Test func frequencyIsImpressionWeighted() {
        let sum = Metrics(impressions: 1_000, frequency: 1.0).adding(Metrics(impressions: 3_000, frequency: 3.0))
        #expect(sum.frequency == 2.5)
    }
}

@Suite struct ReasonFormattingTests {
    @Test func reasonsPrintRoundedNumbers() throws {
        let policy = try Synthetic.policy()
        let plan = Plan(id: "p", breakEvenROI: 2, createdAt: "x")
        let days = (0..<10).map { (Synthetic.start.adding(days: $0), Metrics(impressions: 10_000, clicks: $0 < 8 ? 200 : 100, spend: 100, orders: 10, revenue: 50)) }
        let verdict = CreativeJudge(policy: policy, plan: plan).judge(DailySeries(days: days), asOf: Synthetic.start.adding(days: 9))
        let messages = verdict.reasons.map(\.message)
        #expect(messages.contains { $0.hasPrefix("CTR 1.00% over the last 2 days vs best 3-day window 2.00% (−50%, p=0.000000") })
        #expect(messages.contains { $0.hasPrefix("ROI 0.50 < break-even 2.00 over 3 days") })
        #expect(verdict.kind == .retire)
    }
}
