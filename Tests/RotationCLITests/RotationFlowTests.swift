import Foundation
import Testing
import TestSupport

/// End to end through the built binary, as a buyer would use it.
@Suite struct RotationFlowTests {
    @Test(arguments: StoreBackend.testable) func planCreativesImportRotateApplyReport(_ backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { location in try planCreativesImportRotateApplyReport(try CLIFixture(db: location)) }
    }

    func planCreativesImportRotateApplyReport(_ cli: CLIFixture) throws {
        try cli.run(["plan", "add", "spring-sale", "--budget", "5000", "--break-even-roi", "1.8", "--target-cpa", "60"])
        try cli.run(["plan", "add", "spring-sale"], expect: 1)
        try cli.run(["creative", "add", "--plan", "spring-sale", "--id", "c1", "--id", "c2", "--id", "c3", "--id", "c4", "--active"])
        try cli.run(["creative", "add", "--plan", "spring-sale", "--id", "c5", "--id", "c6"])
        let sample = CLIFixture.sample("generic-daily.csv")
        let first = try cli.run(["stats", "import", sample])
        #expect(first.stdout.contains("48 rows: 48 inserted, 0 updated, 0 skipped"))
        let second = try cli.run(["stats", "import", sample])
        #expect(second.stdout.contains("0 inserted, 0 updated, 48 skipped"))

        let dry = try #require(try cli.json(["rotate", "--plan", "spring-sale", "--as-of", "2026-11-20"]) as? [String: Any])
        let plan = try #require((dry["plans"] as? [[String: Any]])?.first)
        #expect(plan["activeBefore"] as? [String] == ["c1", "c2", "c3", "c4"])
        #expect(plan["activeAfter"] as? [String] == ["c1", "c3", "c4", "c5"])
        let decisions = try #require(plan["decisions"] as? [[String: Any]])
        let rest = try #require(decisions.first { $0["creativeID"] as? String == "c2" })
        #expect(rest["action"] as? String == "rest")
        #expect((rest["reasons"] as? [[String: Any]])?.first?["code"] as? String == "ctr_fatigue")
        #expect(((plan["budget"] as? [String: Any])?["action"]) as? String == "hold")
        #expect(dry["applied"] as? Bool == false)
        let unchanged = try #require(try cli.json(["creative", "list", "--plan", "spring-sale", "--status", "active"]) as? [[String: Any]])
        #expect(unchanged.compactMap { $0["id"] as? String } == ["c1", "c2", "c3", "c4"], "a dry run changes nothing")

        let applied = try cli.run(["rotate", "--plan", "spring-sale", "--as-of", "2026-11-20", "--apply"])
        #expect(applied.stdout.contains("rest c2") && applied.stdout.contains("activate c5"))
        let again = try cli.run(["rotate", "--plan", "spring-sale", "--as-of", "2026-11-20", "--apply"])
        #expect(!again.stdout.contains("activate") && !again.stdout.contains("rest c"), "a same-day re-run changes nothing")
        let list = try #require(try cli.json(["creative", "list", "--plan", "spring-sale"]) as? [[String: Any]])
        #expect(list.allSatisfy { $0["id"] != nil && $0["plan"] as? String == "spring-sale" && $0["status"] != nil })
        #expect(list.first { $0["id"] as? String == "c2" }?["status"] as? String == "resting")

        let reports = try #require(try cli.json(["report", "--plan", "spring-sale", "--days", "7"]) as? [[String: Any]])
        let report = try #require(reports.first)
        #expect((report["decisions"] as? [[String: Any]])?.count == 2)
        let comparisons = try #require(report["comparisons"] as? [[String: Any]])
        #expect(Set(comparisons.compactMap { $0["metric"] as? String }) == ["ctr", "view_rate_3s", "cvr", "roi"])
        let text = try cli.run(["report", "--plan", "spring-sale"])
        #expect(text.stdout.contains("A/B") && text.stdout.contains("c2 by day"))

        let show = try cli.run(["creative", "show", "c2"])
        #expect(show.stdout.contains("resting until 2026-12-04") && show.stdout.contains("rest"))
        try cli.run(["creative", "revive", "c2"])
        #expect(try cli.run(["creative", "show", "c2"]).stdout.contains("candidate"))
    }

    @Test func exitThreeWhenAPlanCannotBeKeptAtItsMinimum() throws {
        let cli = try CLIFixture()
        try cli.run(["plan", "add", "thin"])
        try cli.run(["creative", "add", "--plan", "thin", "--id", "only"])
        let result = try cli.run(["rotate", "--all", "--as-of", "2026-11-20"], expect: 3)
        #expect(result.stdout.contains("needs new creatives"))
        let json = try #require(try cli.json(["rotate", "--all", "--as-of", "2026-11-20"], expect: 3) as? [String: Any])
        #expect(((json["plans"] as? [[String: Any]])?.first?["belowMinimum"]) as? Bool == true)
    }

    @Test func platformExportsImportWithCreateMissing() throws {
        let cli = try CLIFixture()
        for (file, format) in [("qianchuan-gb18030.csv", "qianchuan"), ("meta-ads-bom.csv", "meta"), ("tiktok-ads.csv", "tiktok"), ("google-ads.csv", "google")] {
            let result = try cli.run(["stats", "import", "--create-missing", CLIFixture.sample(file)])
            #expect(result.stdout.contains(": \(format) (") && result.stdout.contains("8 rows: 8 inserted"))
        }
        let plans = try #require(try cli.json(["plan", "list"]) as? [[String: Any]])
        #expect(plans.count == 4)
    }

    @Test func badInputIsOneErrorLineNonZeroAndNothingImported() throws {
        let cli = try CLIFixture()
        try cli.run(["plan", "add", "p"])
        try cli.run(["creative", "add", "--plan", "p", "--id", "c1"])
        let bad = try cli.write("bad.csv", "date,plan_id,creative_id,impressions,clicks\n2026-11-01,p,c1,100,2\n2026-11-02,p,1.2E+17,100,2\n")
        let result = try cli.run(["stats", "import", bad], expect: 1)
        #expect(result.stderr == "clipkit: error: \(bad): row 3: creative ID '1.2E+17' was mangled by Excel into scientific notation (digits are lost): re-export, or format the ID column as text before saving\n")
        let good = try cli.write("good.csv", "date,plan_id,creative_id,impressions,clicks\n2026-11-01,p,c1,100,2\n")
        let counts = try cli.run(["stats", "import", good])
        #expect(counts.stdout.contains("1 inserted"), "the bad file left nothing behind")
        let missing = try cli.run(["stats", "import", cli.folder.appendingPathComponent("nope.csv").path], expect: 1)
        #expect(missing.stderr.hasSuffix("nope.csv: no such file\n"))
        let unknown = try cli.write("unknown.csv", "date,plan_id,creative_id,impressions,clicks\n2026-11-01,p,ghost,100,2\n")
        let e = try cli.run(["stats", "import", unknown], expect: 1)
        #expect(e.stderr.contains("row 2: unknown creative 'ghost'"))
        try cli.run(["rotate"], expect: 2)
        try cli.run(["creative", "add", "--plan", "nope", "--id", "x"], expect: 2)
    }

    @Test func mediaCreativeIsProbedAndHashed() throws {
        let cli = try CLIFixture()
        let clip = cli.folder.appendingPathComponent("hook-a.mp4").path
        try Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc=size=180x320:rate=10", "-t", "1.5", "-pix_fmt", "yuv420p", clip])
        try cli.run(["plan", "add", "p"])
        try cli.run(["creative", "add", "--plan", "p", "--external-id", "730123", "--source-recording", "live.flv", "--source-span", "100-130", clip])
        let list = try #require(try cli.json(["creative", "list"]) as? [[String: Any]])
        let item = try #require(list.first)
        let expected = String(try Fixtures.run("/usr/bin/env", ["sha256sum", clip]).stdout.prefix(64))
        #expect(item["id"] as? String == "hook-a" && item["sha256"] as? String == expected)
        #expect(item["width"] as? Int == 180 && item["height"] as? Int == 320 && item["externalID"] as? String == "730123")
        #expect(abs((item["durationSeconds"] as? Double ?? 0) - 1.5) < 0.11)
        // Hook-scored on add: a 1.5 s, 180x320 opening without sound is far from a douyin creative.
        #expect((item["hookScore"] as? Double).map { $0 < 50 } == true)
        let corrupt = try cli.write("broken.mp4", "not a video")
        let result = try cli.run(["creative", "add", "--plan", "p", corrupt], expect: 1)
        #expect(result.stderr.contains("broken.mp4"))
        #expect((try cli.json(["creative", "list"]) as? [[String: Any]])?.count == 1)
    }
}
