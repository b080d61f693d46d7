import ClipRotation
import ClipStore
import Foundation
import Testing
import TestSupport

/// Eight `clipkit` processes at once on one database (a SQLite file, or a PostgreSQL database as hosts would share) —
/// imports of overlapping files, `rotate --apply --all`, and `creative add` — for a few rounds; afterwards every
/// invariant of the store holds.
@Suite struct ConcurrencyTests {
    let plans = ["p1", "p2", "p3", "p4"]

    /// Deterministic numbers per creative and day, so overlapping files agree on shared rows.
    func line(_ plan: String, _ creative: Int, _ day: Int) -> String {
        let impressions = 5_000 + (creative * 977 + day * 131) % 900
        return "2026-11-\(day < 10 ? "0" : "")\(day),\(plan),\(plan)-c\(creative),\(impressions),\(impressions / 50),\(impressions / 4),\(impressions / 100),2,300"
    }

    func exportFile(_ cli: CLIFixture, _ name: String, days: ClosedRange<Int>) throws -> String {
        var text = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"
        for plan in plans { for creative in 1...4 { for day in days { text += line(plan, creative, day) + "\n" } } }
        return try cli.write(name, text)
    }

    /// Starts every command before waiting for any, so they really run at the same time.
    func runTogether(_ commands: [[String]], db: String) throws -> [(arguments: [String], status: Int32, stderr: String)] {
        let running = try commands.map { arguments in
            try RunningProgram(Fixtures.clipkitBinary, arguments, environment: ["CLIPKIT_DB": db])
        }
        return try zip(commands, running).map { arguments, program in
            (arguments, try program.wait(timeout: 600).status, program.stderr)
        }
    }

    @Test(arguments: StoreBackend.testable) func eightProcessesKeepEveryInvariant(_ backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { location in try await eightProcesses(try CLIFixture(db: location)) }
    }

    func eightProcesses(_ cli: CLIFixture) async throws {
        for plan in plans {
            try cli.run(["plan", "add", plan])
            try cli.run(["creative", "add", "--plan", plan] + (1...7).flatMap { ["--id", "\(plan)-c\($0)"] })
        }
        let fileA = try exportFile(cli, "a.csv", days: 1...10)
        let fileB = try exportFile(cli, "b.csv", days: 5...14)
        let fileC = try exportFile(cli, "c.csv", days: 1...14)
        let uniqueRows = plans.count * 4 * 14
        let store = try await Stores.open(cli.db)
        for round in 0..<3 {
            let asOf = "2026-11-\(12 + round)"
            let commands: [[String]] = [
                ["stats", "import", fileA], ["stats", "import", fileB], ["stats", "import", fileC],
                ["rotate", "--apply", "--all", "--as-of", asOf], ["rotate", "--apply", "--all", "--as-of", asOf],
                ["rotate", "--apply", "--all", "--as-of", asOf], ["rotate", "--apply", "--all", "--as-of", asOf],
                ["creative", "add", "--plan", plans[round], "--id", "late-\(round)"],
            ]
            for result in try runTogether(commands, db: cli.db) {
                #expect(result.status == 0, "round \(round): clipkit \(result.arguments.joined(separator: " ")) → \(result.status): \(result.stderr)")
            }

            // No lost or duplicated stats rows.
            var rows = 0
            for plan in plans {
                let series = try await store.series(planID: plan, since: nil, through: nil)
                rows += series.values.reduce(0) { $0 + $1.days.count }
            }
            #expect(rows == uniqueRows, "round \(round)")

            // Every plan within min/max active while candidates exist.
            let creatives = try await store.creatives(planID: nil, status: nil)
            for plan in plans {
                let mine = creatives.filter { $0.planID == plan }
                let active = mine.filter { $0.status == .active }.count
                #expect((3...5).contains(active), "round \(round): plan \(plan) has \(active) active")
            }

            // The decision log replays to the final states: no creative activated twice, no lost update.
            let log = try await store.decisions(planID: nil, creativeID: nil)
            var state: [String: String] = [:]
            for creative in creatives { state[creative.id] = "candidate" }
            for record in log {
                #expect(state[record.creativeID] == record.from, "round \(round): \(record.creativeID) \(record.action) from \(record.from ?? "?") but was \(state[record.creativeID] ?? "?")")
                state[record.creativeID] = record.to
            }
            for creative in creatives {
                #expect(state[creative.id] == creative.status.rawValue, "round \(round): \(creative.id) is \(creative.status.rawValue), log says \(state[creative.id] ?? "?")")
            }
            let activations = log.filter { $0.action == "activate" }.map { "\($0.creativeID)@\($0.asOf)" }
            #expect(Set(activations).count == activations.count, "round \(round): a creative was activated twice on one day")
        }
    }
}
