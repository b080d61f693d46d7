import Foundation
import Testing
import TestSupport

/// `kill -9` at seeded random moments during `extract` (each mode), `stats import` and `rotate --apply`:
/// afterwards no half clip under a final name, the manifest old or new, the database intact with all or none of a
/// file's rows, and re-running the same command completes the work exactly as an uninterrupted run does (and
/// removes the partial files the killed runs left).
@Suite(.serialized) struct KilledJobTests {
    static let kills = ProcessInfo.processInfo.environment["CLIPKIT_STRESS"] != nil ? 12 : 4

    @Test(arguments: ["copy", "exact", "encode"])
    func extract(mode: String) throws {
        let room = try LiveRecordingFixture.make(name: "kill-room", duration: 60, climaxes: [8, 36], climaxLength: 12, music: 22, cuts: 50)
        let preset = try Self.smallPreset()
        func arguments(_ folder: URL) -> [String] {
            ["extract", room.path, "--out", folder.path, "--mode", mode, "--preset", preset, "--count", "2",
             "--min-duration", "5", "--max-duration", "8", "--events", room.eventsCSV, "--no-hook"]
        }
        let reference = try Fixtures.temporaryDirectory("kill-reference")
        let started = Date()
        let whole = try Fixtures.clipkit(arguments(reference))
        let elapsed = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = try Self.clipFiles(reference)
        #expect(expected.count == 2)

        let folder = try Fixtures.temporaryDirectory("kill-extract")
        var random = FixtureRandom(seed: 8 + UInt64(mode.count))
        for run in 0..<Self.kills {
            let delay = elapsed * (0.05 + 0.9 * Double(random.next() % 1000) / 1000)
            try Self.killed(after: delay, arguments(folder))
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
                let path = folder.appendingPathComponent(name).path
                if name.hasSuffix(".mp4") {
                    let decode = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-i", path, "-f", "null", "-"])
                    #expect(decode.status == 0 && decode.stderr.isEmpty, "\(mode) kill \(run) at \(delay) s: half clip \(name): \(decode.stderr)")
                } else if name == "manifest.json" {
                    #expect(throws: Never.self, "\(mode) kill \(run): manifest is not whole JSON") { _ = try Self.clipFiles(folder) }
                }
            }
        }
        // The re-run removes the partial files of dead runs (the kills above, and two planted ones) but never a
        // live process's (this test's own).
        let dead = try Self.deadProcessID()
        let live = ".clip-99.partial-\(getpid()).mp4"
        for name in [".clip-98.partial-\(dead).mp4", ".manifest.json.partial-\(dead)", live] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("half".utf8))
        }
        let rerun = try Fixtures.clipkit(arguments(folder))
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.clipFiles(folder) == expected)
        for file in expected {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(mode): \(file) missing after the re-run")
        }
        let partials = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
        #expect(partials == [live], "\(mode): partial files after the re-run: \(partials)")
    }

    @Test func statsImport() throws {
        let folder = try Fixtures.temporaryDirectory("kill-import")
        let db = folder.appendingPathComponent("clipkit.sqlite").path
        var csv = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"
        for creative in 1...30 {
            for day in 0..<200 {
                let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_735_689_600))!
                let impressions = 5_000 + (creative * 977 + day * 131) % 900
                csv += "\(Self.day(date)),big,big-c\(creative),\(impressions),\(impressions / 50),\(impressions / 4),\(impressions / 100),2,300\n"
            }
        }
        let export = folder.appendingPathComponent("big.csv")
        try csv.write(to: export, atomically: true, encoding: .utf8)
        let rows = 30 * 200
        let timingDB = folder.appendingPathComponent("timing.sqlite").path
        try Self.setUp(db, plans: ["big"], creatives: 30)
        try Self.setUp(timingDB, plans: ["big"], creatives: 30)

        let started = Date()
        let whole = try Fixtures.clipkit(["stats", "import", export.path], environment: ["CLIPKIT_DB": timingDB])
        let elapsed = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try Self.sqlite(timingDB, "SELECT count(*) FROM stats") == "\(rows)")
        var random = FixtureRandom(seed: 81)
        for run in 0..<Self.kills {
            let delay = elapsed * (0.05 + 0.9 * Double(random.next() % 1000) / 1000)
            try Self.killed(after: delay, ["stats", "import", export.path], environment: ["CLIPKIT_DB": db])
            #expect(try Self.sqlite(db, "PRAGMA integrity_check") == "ok", "kill \(run)")
            let count = Int(try Self.sqlite(db, "SELECT count(*) FROM stats")) ?? -1
            #expect(count == 0 || count == rows, "kill \(run) at \(delay) s: \(count) of \(rows) rows")
        }
        let rerun = try Fixtures.clipkit(["stats", "import", export.path], environment: ["CLIPKIT_DB": db])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.sqlite(db, "SELECT count(*) FROM stats") == "\(rows)")
    }

    @Test func rotateApply() throws {
        let folder = try Fixtures.temporaryDirectory("kill-rotate")
        let plans = (1...6).map { "r\($0)" }
        var csv = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"
        for plan in plans { for creative in 1...4 { for day in 1...14 {
            let impressions = 5_000 + (creative * 977 + day * 131) % 900
            csv += "2026-11-\(day < 10 ? "0" : "")\(day),\(plan),\(plan)-c\(creative),\(impressions),\(impressions / 50),\(impressions / 4),\(impressions / 100),\(creative),300\n"
        } } }
        let export = folder.appendingPathComponent("rotate.csv")
        try csv.write(to: export, atomically: true, encoding: .utf8)
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let db = folder.appendingPathComponent("clipkit.sqlite").path
        for path in [reference, db] {
            try Self.setUp(path, plans: plans, creatives: 7)
            #expect(try Fixtures.clipkit(["stats", "import", export.path], environment: ["CLIPKIT_DB": path]).status == 0)
        }
        let rotate = ["rotate", "--apply", "--all", "--as-of", "2026-11-14"]
        let started = Date()
        #expect(try Fixtures.clipkit(rotate, environment: ["CLIPKIT_DB": reference]).status == 0)
        let elapsed = Date().timeIntervalSince(started)
        let states = "SELECT id || '=' || status FROM creatives ORDER BY id"

        var random = FixtureRandom(seed: 82)
        for run in 0..<Self.kills {
            try Self.killed(after: elapsed * Double(random.next() % 1000) / 1000, rotate, environment: ["CLIPKIT_DB": db])
            #expect(try Self.sqlite(db, "PRAGMA integrity_check") == "ok", "kill \(run)")
            // The decision log replays to the states: a creative's status is its last logged to_status.
            let drift = try Self.sqlite(db, """
                SELECT c.id FROM creatives c WHERE c.status <> coalesce((SELECT d.to_status FROM decisions d
                WHERE d.creative_id = c.id AND d.applied = 1 AND d.to_status IS NOT NULL ORDER BY d.id DESC LIMIT 1), 'candidate')
                """)
            #expect(drift.isEmpty, "kill \(run): states differ from the decision log for \(drift)")
        }
        #expect(try Fixtures.clipkit(rotate, environment: ["CLIPKIT_DB": db]).status == 0)
        #expect(try Self.sqlite(db, states) == Self.sqlite(reference, states))
    }

    // MARK: - Helpers

    /// Starts clipkit, kills it with SIGKILL after `delay` seconds (if still running), and waits for it.
    static func killed(after delay: TimeInterval, _ arguments: [String], environment: [String: String] = [:]) throws {
        let program = try RunningProgram(Fixtures.clipkitBinary, arguments, environment: environment)
        let deadline = Date().addingTimeInterval(delay)
        while program.isRunning && Date() < deadline { usleep(2_000) }
        program.signal(SIGKILL)
        try program.wait(timeout: 60)
    }

    /// The id of a process that has exited (and been reaped).
    static func deadProcessID() throws -> Int32 {
        let program = try RunningProgram("/usr/bin/env", ["true"])
        try program.wait(timeout: 60)
        return program.pid
    }

    /// The clip file names in a manifest, sorted.
    static func clipFiles(_ folder: URL) throws -> [String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let recordings = try #require(object["recordings"] as? [[String: Any]])
        return recordings.flatMap { $0["clips"] as? [[String: Any]] ?? [] }.compactMap { $0["file"] as? String }.sorted()
    }

    /// One query through the sqlite3 CLI (an independent reader), its output trimmed.
    static func sqlite(_ db: String, _ sql: String) throws -> String {
        let result = try Fixtures.run("/usr/bin/env", ["sqlite3", db, sql])
        guard result.status == 0 else { throw FixtureError("sqlite3 \(sql): \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Plans with `creatives` candidates each (`<plan>-c1` …) in a new database.
    static func setUp(_ db: String, plans: [String], creatives: Int) throws {
        for plan in plans {
            for arguments in [["plan", "add", plan], ["creative", "add", "--plan", plan] + (1...creatives).flatMap { ["--id", "\(plan)-c\($0)"] }] {
                let result = try Fixtures.clipkit(arguments, environment: ["CLIPKIT_DB": db])
                guard result.status == 0 else { throw FixtureError("clipkit \(arguments): \(result.stderr)") }
            }
        }
    }

    /// A platform preset at 360x640, so encode mode stays fast.
    static func smallPreset() throws -> String {
        let douyin = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Presets/platforms/douyin-9x16.yaml"), encoding: .utf8)
        let small = douyin.replacingOccurrences(of: "width: 1080", with: "width: 360").replacingOccurrences(of: "height: 1920", with: "height: 640")
        return try MediaFixtures.write("kill-small-9x16.yaml", Data(small.utf8))
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
