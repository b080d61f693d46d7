import Foundation
import Testing
import TestSupport

/// `clipkit analyze` run as a user would.
struct AnalyzeCLITests {
    @Test func humanOutputHasSummaryAndEventTables() throws {
        let result = try Fixtures.clipkit(["analyze", "--mode", "exhaustive", try Recordings.events()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("integrated") && result.stdout.contains("cut at") && result.stdout.contains("0:00:03.400"))
        #expect(result.stdout.contains("black") && result.stdout.contains("frozen") && result.stdout.contains("silent"))
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonAndOutFileCarryTheSameReport() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("report.json").path
        let result = try Fixtures.clipkit(["analyze", "--json", "--out", out, "--from", "3", "--to", "8", try Recordings.events()])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(NSDictionary(dictionary: printed).isEqual(to: written))
        #expect(printed["mode"] as? String == "fast")
        let cuts = try #require(printed["cuts"] as? [[String: Any]])
        #expect(cuts.compactMap { $0["frame"] as? Int } == [85, 155, 195])
        let timeline = try #require(printed["timeline"] as? [[String: Any]])
        #expect(timeline.compactMap { $0["second"] as? Int } == [3, 4, 5, 6, 7])
        #expect(printed["frames"] == nil)
        // No temporary file is left beside the report, and a second run replaces it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
        let again = try Fixtures.clipkit(["analyze", "--out", out, "--to", "2", try Recordings.events()])
        #expect(again.status == 0, "\(again.stderr)")
        let replaced = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        #expect(replaced["to"] as? Double == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func seriesFlagAddsPerFrameMeasures() throws {
        let result = try Fixtures.clipkit(["analyze", "--json", "--series", "--mode", "exhaustive", "--to", "1", try Recordings.events()])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["frames"] as? [Any])?.count == 25)
        #expect((report["loudnessSeries"] as? [Any])?.count == 10)
    }

    @Test func aBadFileIsOneErrorLineAndNoOutput() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("report.json").path
        let result = try Fixtures.clipkit(["analyze", "--out", out, try Recordings.toneOnly(), "/nonexistent/live.flv"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("clipkit: error: /nonexistent/live.flv"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try Fixtures.clipkit(["analyze", "--from", "5", "--to", "2", try Recordings.toneOnly()])
        #expect(result.status == 2)
        let preset = try Fixtures.clipkit(["analyze", "--preset", "no-such-preset", try Recordings.toneOnly()])
        #expect(preset.status == 1 && preset.stderr.contains("no analysis preset named 'no-such-preset'"))
    }
}
