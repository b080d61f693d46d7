import Foundation
import Testing
import TestSupport

private let presets = ["CLIPKIT_PRESETS": Fixtures.repositoryRoot.appendingPathComponent("Presets").path]

@Suite("clipkit hook command line")
struct HookCommandTests {
    @Test("--min-score exits 3 when a file scores below it, 0 when none does")
    func minScore() throws {
        let clean = try Creatives.path("clean-a.mp4"), dark = try Creatives.path("dark.mp4")
        let gated = try Fixtures.clipkit(["hook", "--min-score", "80", "--json", clean, dark], environment: presets)
        #expect(gated.status == 3, "\(gated.stderr)")
        let passing = try Fixtures.clipkit(["hook", "--min-score", "80", clean], environment: presets)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stdout.contains("clean-a.mp4"))
    }

    @Test("a missing and a corrupt file each get one error line and exit 1; the good file is still reported")
    func badFiles() throws {
        let folder = try Fixtures.temporaryDirectory("hook-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corrupt = folder.appendingPathComponent("corrupt.mp4")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: corrupt)
        let missing = folder.appendingPathComponent("missing.mp4").path
        let clean = try Creatives.path("clean-b.mp4")
        let result = try Fixtures.clipkit(["hook", "--csv", missing, corrupt.path, clean], environment: presets)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error") }
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(errors.contains { $0.contains("missing.mp4") } && errors.contains { $0.contains("corrupt.mp4") })
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 2 && rows[0].hasPrefix("file,preset,score,") && rows[1].hasPrefix(Substring(clean)))
        #expect(!result.signaled)
    }

    @Test("--lang zh writes Chinese messages and fixes; --preset takes a path; --window is honoured")
    func languagePresetWindow() throws {
        let late = try Creatives.path("late-sound.mp4")
        let preset = Fixtures.repositoryRoot.appendingPathComponent("Presets/platforms/tiktok-9x16.yaml").path
        let result = try Fixtures.clipkit(["hook", "--json", "--lang", "zh", "--preset", preset, "--window", "1.5", late],
                                          environment: presets)
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let report = try #require(array.first)
        #expect(report["preset"] as? String == "tiktok-9x16")
        #expect((report["metrics"] as? [String: Any])?["window"] as? Double == 1.5)
        let silent = try #require((report["findings"] as? [[String: Any]])?.first { $0["id"] as? String == "silent_open" })
        #expect(silent["message"] as? String == "开头没有声音")
        #expect((silent["fix"] as? String)?.contains("口播") == true)
    }

    @Test("an unknown preset is a usage-level error naming the known ones")
    func unknownPreset() throws {
        let result = try Fixtures.clipkit(["hook", "--preset", "myspace-4x3", try Creatives.path("clean-a.mp4")], environment: presets)
        #expect(result.status == 1)
        #expect(result.stderr.contains("myspace-4x3") && result.stderr.contains("douyin-9x16"))
    }

    @Test("the table lists files lowest score first; --jobs 1 and --jobs 2 give the same JSON")
    func tableAndJobs() throws {
        let files = try ["clean-a.mp4", "blurred.mp4", "short.mp4"].map(Creatives.path)
        let table = try Fixtures.clipkit(["hook", "--lang", "en"] + files, environment: presets)
        #expect(table.status == 0)
        let order = ["short.mp4", "blurred.mp4", "clean-a.mp4"].map { table.stdout.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(table.stdout)")
        let one = try Fixtures.clipkit(["hook", "--json", "--jobs", "1"] + files, environment: presets)
        let two = try Fixtures.clipkit(["hook", "--json", "--jobs", "2"] + files, environment: presets)
        #expect(one.status == 0 && one.stdout == two.stdout)
    }

    @Test("--every-frame decodes every frame and finds the cuts on their exact frames; the default decodes fewer")
    func everyFrame() throws {
        let clean = try Creatives.path("clean-b.mp4")
        func metrics(_ extra: [String]) throws -> [String: Any] {
            let result = try Fixtures.clipkit(["hook", "--json"] + extra + [clean], environment: presets)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return try #require(array.first?["metrics"] as? [String: Any])
        }
        let every = try metrics(["--every-frame"]), fast = try metrics([])
        let frames = { (m: [String: Any]) in m["framesDecoded"] as? Int ?? 0 }
        #expect(frames(every) >= 105 && frames(fast) < frames(every) * 2 / 3, "\(frames(every)) vs \(frames(fast))")
        let cuts = every["cuts"] as? [Double] ?? []
        #expect(cuts.count == 2 && abs(cuts[0] - 1.0) < 0.001 && abs(cuts[1] - 2.2) < 0.001, "\(cuts)")
    }
}
