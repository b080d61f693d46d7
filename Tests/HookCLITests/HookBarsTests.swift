import Foundation
import Testing
import TestSupport

/// One `clipkit hook --json` run over every generated creative, shared by the bar tests.
private let run: Result<[String: [String: Any]], Error> = Result {
    let folder = try Creatives.folder.get()
    let result = try Fixtures.clipkit(["hook", "--json", "--lang", "en", folder.path],
                                      environment: ["CLIPKIT_PRESETS": Fixtures.repositoryRoot.appendingPathComponent("Presets").path])
    guard result.status == 0 else { throw FixtureError("clipkit hook exited \(result.status): \(result.stderr)") }
    guard let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] else {
        throw FixtureError("clipkit hook --json did not print an array: \(result.stdout.prefix(200))")
    }
    return Dictionary(uniqueKeysWithValues: array.map { (URL(fileURLWithPath: $0["file"] as! String).lastPathComponent, $0) })
}

private func report(_ name: String) throws -> [String: Any] {
    try #require(try run.get()[name], "no report for \(name)")
}

private func score(_ report: [String: Any]) -> Double { report["score"] as! Double }
private func findings(_ report: [String: Any]) -> [[String: Any]] { report["findings"] as! [[String: Any]] }

@Suite("clipkit hook bars on generated creatives", .serialized)
struct HookBarsTests {
    @Test("clean dynamic creatives have no fail and score at least 80", arguments: Creatives.clean)
    func clean(_ name: String) throws {
        let r = try report(name)
        let fails = findings(r).filter { $0["severity"] as? String == "fail" }.map { $0["id"] as! String }
        #expect(fails.isEmpty, "\(name) fails: \(fails)")
        #expect(score(r) >= 80, "\(name) scored \(score(r)): \(findings(r).map { $0["id"]! })")
        let metrics = r["metrics"] as! [String: Any]
        let cuts = metrics["cuts"] as! [Double]
        #expect(cuts.count == 2 && abs(cuts[0] - 1.0) < 0.05 && abs(cuts[1] - 2.2) < 0.05, "\(name) cuts \(cuts)")
        #expect((metrics["firstSound"] as? Double ?? 9) < 0.5)
    }

    @Test("each defective creative gets its finding as fail or warn", arguments: Creatives.defects.map(\.name))
    func defect(_ name: String) throws {
        let defect = try #require(Creatives.defects.first { $0.name == name })
        let r = try report(name)
        let finding = findings(r).first { $0["id"] as? String == defect.finding }
        #expect(finding != nil, "\(name): expected \(defect.finding), got \(findings(r).map { "\($0["id"]!)=\($0["value"] ?? "nil")" })")
        if let finding {
            #expect(["fail", "warn"].contains(finding["severity"] as? String))
            #expect((finding["fix"] as? String)?.isEmpty == false)
            #expect(finding["start"] is Double && finding["end"] is Double)
        }
    }

    @Test("every defective creative scores below every clean one")
    func ranking() throws {
        let worstClean = try Creatives.clean.map { score(try report($0)) }.min()!
        for defect in Creatives.defects {
            let r = try report(defect.name)
            #expect(score(r) < worstClean, "\(defect.name) scored \(score(r)) ≥ clean \(worstClean): \(findings(r).map { $0["id"]! })")
        }
    }

    @Test("the measures behind the findings are the defects' real sizes")
    func measuredValues() throws {
        let metrics = { (name: String) throws -> [String: Any] in try report(name)["metrics"] as! [String: Any] }
        #expect(abs((try metrics("black-open.mp4"))["blackOpen"] as! Double - 1.0) < 0.07)
        let fade = try metrics("fade-in.mp4")["blackOpen"] as! Double
        #expect(fade > 0.5 && fade <= 1.1)
        let late = try metrics("late-sound.mp4")["firstSound"] as! Double
        #expect(late > 1.75 && late < 2.2)
        let quiet = try metrics("quiet.mp4")["openingLoudness"] as! Double
        let clean = try metrics("clean-a.mp4")["openingLoudness"] as! Double
        #expect(abs(quiet - (clean - 28)) < 1.5, "quiet \(quiet) vs clean \(clean)")
        let bars = ((try metrics("letterboxed.mp4"))["picture"] as! [String: Any])["bars"] as! [String: Double]
        #expect(abs(1 - (1 - bars["top"]! - bars["bottom"]!) - (1 - 406.0 / 1280)) < 0.02)
        #expect((try metrics("low-res.mp4"))["width"] as? Int == 360)
        let dark = ((try metrics("dark.mp4"))["picture"] as! [String: Any])["meanLuma"] as! Double
        #expect(dark > 10 && dark < 30, "dark mean luma \(dark)")
        #expect(abs((try metrics("short.mp4"))["duration"] as! Double - 2.5) < 0.1)
    }
}
