import ClipImport
import ClipPresets
import ClipRotation
import Foundation
import Testing
import TestSupport

/// The real AdWords keyword series (date,keyword_id,impressions,clicks) through the generic path.
@Suite struct AdWordsTests {
    let path = Fixtures.evalFile("ads/adwords_crealytics_top100_daily.csv")

    @Test func importsThroughTheGenericPathWithAPlanDefault() throws {
        let (rows, summary) = try ImportFixtures.read(path, plan: "adwords")
        #expect(summary.format == "generic")
        #expect(rows.count == 36_058)
        #expect(Set(rows.map(\.creativeID)).count == 100)
        #expect(rows.allSatisfy { $0.planID == "adwords" && $0.metrics.spend == nil && $0.metrics.orders == nil && $0.metrics.views3s == nil })
        #expect(rows.reduce(0) { $0 + ($1.metrics.impressions ?? 0) } == 7_172_850)
        #expect(rows.reduce(0) { $0 + ($1.metrics.clicks ?? 0) } == 139_703)
    }

    /// Judged every day of the year, the sparse keyword series never get a verdict below the evidence floors, and
    /// missing days neither crash nor shrink the windows; no verdict is a retirement (no spend, no orders).
    @Test func sparseNoisySeriesAreNotRetired() throws {
        let (rows, _) = try ImportFixtures.read(path, plan: "adwords")
        let policy = try PresetLocator.decode(RotationPolicy.self, from: Fixtures.repositoryRoot.appendingPathComponent("Presets/policies/default.yaml"))
        let judge = CreativeJudge(policy: policy, plan: Plan(id: "adwords", createdAt: "x"))
        let byKeyword = Dictionary(grouping: rows, by: \.creativeID).mapValues { DailySeries(rows: $0) }
        var judged = 0, rests = 0, retirements = 0, belowFloor = 0
        for series in byKeyword.values {
            guard let first = series.firstDay, let last = series.lastDay else { continue }
            var day = first
            while day <= last {
                let verdict = judge.judge(series, asOf: day)
                judged += 1
                if verdict.kind == .retire { retirements += 1 }
                if verdict.kind == .rest { rests += 1 }
                if verdict.reasons.contains(where: { $0.code == "below_evidence_floor" }) { belowFloor += 1 }
                day = day.adding(days: 1)
            }
        }
        #expect(judged > 36_000)
        #expect(retirements == 0)
        #expect(belowFloor > judged / 2, "most keyword-days are under 3,000 impressions in two days")
        // Rests, if any, must be real, sustained CTR drops: record how many for the docs.
        print("adwords: \(judged) keyword-days judged, \(belowFloor) below the floor, \(rests) rest verdicts")
        #expect(Double(rests) / Double(judged) < 0.01)
    }
}
