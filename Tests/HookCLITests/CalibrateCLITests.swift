import Foundation
import Testing
import TestSupport

/// `clipkit hook calibrate` end to end on a generated account: 60 creatives with media, their export imported
/// through `clipkit stats import`, the calibrated preset used by `hook --preset` and `creative add --hook-preset`.
@Suite("hook calibrate", .serialized)
struct CalibrateCLITests {
    static let account = Result { try CalibrationAccount(count: 60, seed: 2026) }

    /// A scratch folder with its own database.
    struct Scratch {
        let folder: URL
        var db: String { folder.appendingPathComponent("clipkit.sqlite").path }
        init() throws { folder = try Fixtures.temporaryDirectory("calibrate-cli") }

        @discardableResult
        func run(_ arguments: [String], expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
            let result = try Fixtures.clipkit(arguments, environment: ["CLIPKIT_DB": db, "NO_COLOR": "1"])
            #expect(result.status == status, "clipkit \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
            return result
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// The shipped douyin preset with the size and duration floors lowered for the tiny test creatives.
        func tinyPreset() throws -> String {
            let shipped = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Presets/platforms/douyin-9x16.yaml"), encoding: .utf8)
            let text = shipped.replacingOccurrences(of: "fail: { at: 720, points: 40 }", with: "fail: { at: 100, points: 40 }")
                .replacingOccurrences(of: "fail: { at: 5, points: 40 }", with: "fail: { at: 3, points: 40 }")
                .replacingOccurrences(of: "name: douyin-9x16", with: "name: douyin-tiny")
            try text.write(toFile: path("tiny.yaml"), atomically: true, encoding: .utf8)
            return path("tiny.yaml")
        }

        /// A plan with the account's creatives and an export (the true one, or `rate`'s) imported.
        func load(_ account: CalibrationAccount, rate: ((CalibrationAccount.Creative) -> (Int, Int))? = nil) throws {
            try run(["plan", "add", "acc"])
            try run(["creative", "add", "--plan", "acc", "--no-hook"] + account.creatives.map(\.path))
            try account.export(plan: "acc", rate: rate).write(toFile: path("export.csv"), atomically: true, encoding: .utf8)
            try run(["stats", "import", path("export.csv")])
        }
    }

    @Test("recovers the signs of the true rule and out-ranks the uncalibrated score on held-out creatives")
    func calibrates() throws {
        let account = try Self.account.get()
        let scratch = try Scratch()
        try scratch.load(account)
        let out = scratch.path("calibrated.yaml")
        let result = try scratch.run(["hook", "calibrate", "--preset", try scratch.tinyPreset(), "--out", out, "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let calibration = try #require(summary["calibration"] as? [String: Any])
        #expect(summary["qualified"] as? Int == 60)
        let features = try #require(calibration["features"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: features.map { ($0["name"] as! String, $0) })
        for name in ["first_cut", "black_open", "first_sound"] {
            let weight = try #require(byName[name]?["weight"] as? Double), error = try #require(byName[name]?["standardError"] as? Double)
            #expect(weight < 0 && weight + 1.96 * error < 0, "\(name): \(weight) ± \(error)")
        }
        let cv = try #require(calibration["cvSpearman"] as? Double), score = try #require(calibration["scoreSpearman"] as? Double)
        #expect(cv > score && cv > 0.6, "cross-validated ρ \(cv) vs uncalibrated score ρ \(score)")
        print("calibration: cv ρ \(cv), score ρ \(score), features \(features)")

        // The preset predicts: hook --preset (JSON, CSV, table), and creative add --hook-preset stores the prediction.
        let good = account.creatives.first { $0.black == 0 && ($0.cut ?? 9) < 1.2 && $0.sound < 0.1 }!
        let bad = account.creatives.first { $0.black > 0.5 && $0.cut == nil }!
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.run(["hook", "--preset", out, "--json", good.path, bad.path]).stdout.utf8)) as? [[String: Any]])
        let goodRate = try #require(reports[0]["predictedHookRate"] as? Double), badRate = try #require(reports[1]["predictedHookRate"] as? Double)
        #expect(goodRate > badRate + 0.05, "good \(goodRate) vs bad \(badRate)")
        let csv = try scratch.run(["hook", "--preset", out, "--csv", good.path]).stdout
        #expect(csv.hasPrefix("file,") && csv.split(separator: "\n")[0].hasSuffix(",predicted_hook_rate"))
        #expect(try scratch.run(["hook", "--preset", out, good.path]).stdout.contains("hook rate"))
        #expect(!(try scratch.run(["hook", "--preset", try scratch.tinyPreset(), "--csv", good.path]).stdout.contains("predicted_hook_rate")))

        try scratch.run(["plan", "add", "next"])
        let copies = try [good, bad].map { creative -> String in
            let copy = scratch.path("new-\(creative.id).mp4")
            try FileManager.default.copyItem(atPath: creative.path, toPath: copy)
            return copy
        }
        try scratch.run(["creative", "add", "--plan", "next", "--hook-preset", out] + copies)
        // Two candidates cannot fill min_active 3: the dry run completes with exit 3 (needs attention).
        let rotation = try scratch.run(["rotate", "--plan", "next"], expect: 3).stdout
        #expect(rotation.contains("predicted hook rate"), "\(rotation)")
    }

    @Test("refuses too few creatives, a constant hook rate and missing media, writing nothing")
    func refuses() throws {
        let account = try Self.account.get()
        let scratch = try Scratch()
        try scratch.load(account) { _ in (1000, 250) }
        let out = scratch.path("never.yaml")
        let few = try scratch.run(["hook", "calibrate", "--min-impressions", "2000", "--out", out], expect: 1)
        #expect(few.stderr.contains("0 creatives qualified; calibration needs at least 30"), "\(few.stderr)")
        #expect(few.stderr.contains("60 with fewer than 2000 impressions"), "\(few.stderr)")
        let constant = try scratch.run(["hook", "calibrate", "--preset", try scratch.tinyPreset(), "--out", out], expect: 1)
        #expect(constant.stderr.contains("the hook rate is the same (0.25) for all 60 creatives"), "\(constant.stderr)")
        let gone = scratch.path("gone.mp4")
        try FileManager.default.copyItem(atPath: account.creatives[0].path, toPath: gone)
        try scratch.run(["creative", "add", "--plan", "acc", "--no-hook", gone])
        let goneStats = scratch.path("gone.csv")
        try "date,plan_id,creative_id,impressions,views_3s\n2026-11-19,acc,gone,5000,900\n".write(toFile: goneStats, atomically: true, encoding: .utf8)
        try scratch.run(["stats", "import", goneStats])
        try FileManager.default.removeItem(atPath: gone)
        let missing = try scratch.run(["hook", "calibrate", "--out", out], expect: 1)
        #expect(missing.stderr.contains("creative gone: media file \(gone) not found"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
