import ClipRotation
import ClipStore
import Foundation
import Testing
import TestSupport

/// The store contract, run against every backend: SQLite, and PostgreSQL when a test server is configured (see
/// `StoreBackend`). Each test gets a fresh database.
@Suite struct RotationStoreTests {
    let now = "2026-11-21T00:00:00Z"

    func withStore(_ backend: StoreBackend, _ body: (any RotationStore) async throws -> Void) async throws {
        try await TestDatabase.with(backend) { location in try await body(try await Stores.open(location)) }
    }

    func row(_ creative: String, _ day: String, impressions: Int = 1_000, clicks: Int = 20, plan: String? = "p", line: Int? = nil) -> StatRow {
        StatRow(planID: plan, creativeID: creative, date: Day(day)!, source: "generic", metrics: Metrics(impressions: impressions, clicks: clicks), line: line)
    }

    func importRows(_ store: any RotationStore, _ rows: [StatRow], createMissing: Bool = false) async throws -> ImportCounts {
        try await store.importStats(batch: ImportBatch(file: "f.csv", fileSHA256: "0", format: "generic"), createMissing: createMissing,
                                    defaultPolicy: "default", at: now) { emit in for row in rows { try emit(row) } }
    }

    @Test(arguments: StoreBackend.testable) func plansAndCreativesRoundTrip(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", name: "双11", budget: 5_000, breakEvenROI: 2, targetCPA: 30, createdAt: now))
            await #expect(throws: StoreError.self) { try await store.addPlan(Plan(id: "p", createdAt: now)) }
            let clip = Creative(id: "clip", planID: "p", externalID: "730", mediaPath: "/x/clip.mp4", sha256: "ab", durationSeconds: 12.5,
                                width: 1080, height: 1920, sizeBytes: 42, sourceRecording: "live.flv", sourceStart: 1, sourceEnd: 13, createdAt: now)
            try await store.addCreatives([clip])
            #expect(try await store.creative("clip") == clip)
            #expect(try await store.creative("730")?.id == "clip", "found by its external ID too")
            #expect(try await store.plan("p")?.name == "双11")
            // All or none: the second is a duplicate, so the first is not added either.
            await #expect(throws: StoreError.self) {
                try await store.addCreatives([Creative(id: "new", planID: "p", createdAt: now), Creative(id: "clip", planID: "p", createdAt: now)])
            }
            #expect(try await store.creative("new") == nil)
        }
    }

    @Test(arguments: StoreBackend.testable) func importIsIdempotentAndCountsUpdates(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", createdAt: now))
            try await store.addCreatives([Creative(id: "a", planID: "p", createdAt: now)])
            let rows = [row("a", "2026-11-01"), row("a", "2026-11-02")]
            var counts = try await importRows(store, rows)
            #expect((counts.inserted, counts.updated, counts.skipped) == (2, 0, 0))
            counts = try await importRows(store, rows)
            #expect((counts.inserted, counts.updated, counts.skipped) == (0, 0, 2))
            counts = try await importRows(store, [row("a", "2026-11-02", clicks: 25), row("a", "2026-11-03")])
            #expect((counts.inserted, counts.updated, counts.skipped) == (1, 1, 0))
            let series = try await store.series(planID: "p", since: nil, through: nil)
            #expect(series["a"]?.days.map(\.metrics.clicks) == [20, 25, 20])
        }
    }

    @Test(arguments: StoreBackend.testable) func aBadRowRollsTheWholeFileBack(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", createdAt: now))
            try await store.addCreatives([Creative(id: "a", planID: "p", createdAt: now)])
            do {
                _ = try await importRows(store, [row("a", "2026-11-01"), row("ghost", "2026-11-01", line: 3)])
                Issue.record("unknown creative accepted")
            } catch let error as StoreError {
                #expect(error.description.contains("f.csv: row 3: unknown creative 'ghost'"))
            }
            #expect(try await store.series(planID: "p", since: nil, through: nil).isEmpty)
            let created = try await importRows(store, [row("ghost", "2026-11-01", plan: "q")], createMissing: true)
            #expect(created.plansCreated == 1 && created.creativesCreated == 1)
            #expect(try await store.creative("ghost")?.status == .active)
        }
    }

    @Test(arguments: StoreBackend.testable) func rotateApplyIsAtomicLoggedAndIdempotent(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", createdAt: now))
            try await store.addCreatives((1...5).map { Creative(id: "c\($0)", planID: "p", createdAt: now) })
            let policy = try DefaultPolicy.load()
            let day = Day("2026-11-21")!
            func run(apply: Bool) async throws -> PlanRotation {
                try await store.rotate(planIDs: ["p"], asOf: day, since: nil, apply: apply, at: now) { snapshot in
                    RotationPlanner(policy: policy).rotate(snapshot, asOf: day, applied: apply)
                }[0]
            }
            let dry = try await run(apply: false)
            #expect(dry.activeAfter.count == 4)
            #expect(try await store.creatives(planID: "p", status: .active).isEmpty, "a dry run changes nothing")
            #expect(try await store.decisions(planID: "p", creativeID: nil).isEmpty)
            let applied = try await run(apply: true)
            #expect(applied.activeAfter == dry.activeAfter)
            #expect(try await store.creatives(planID: "p", status: .active).map(\.id) == applied.activeAfter)
            let log = try await store.decisions(planID: "p", creativeID: nil)
            #expect(log.count == 4 && log.allSatisfy { $0.action == "activate" && $0.applied && $0.policy == "default" && $0.to == "active" })
            let again = try await run(apply: true)
            #expect(again.decisions.allSatisfy { $0.action == .keep })
            #expect(try await store.decisions(planID: "p", creativeID: nil).count == 4)
        }
    }

    @Test(arguments: StoreBackend.testable) func manualChangesAreLogged(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", createdAt: now))
            try await store.addCreatives([Creative(id: "a", planID: "p", status: .active, createdAt: now)])
            let changed = try await store.changeStatus(creativeID: "a", to: .retired, action: "retire", reason: Reason("manual", "pulled"), asOf: Day("2026-11-21")!, at: now)
            #expect(changed.status == .retired)
            let log = try await store.decisions(planID: nil, creativeID: "a")
            #expect(log.count == 1 && log[0].origin == "manual" && log[0].reasons.first?.message == "pulled" && log[0].from == "active")
        }
    }

    @Test(arguments: StoreBackend.testable) func repeatedKeysInOneFileCountAsRowByRow(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await store.addPlan(Plan(id: "p", createdAt: now))
            try await store.addCreatives([Creative(id: "a", planID: "p", createdAt: now)])
            _ = try await importRows(store, [row("a", "2026-11-02")])
            // New, same again, changed; stored and unchanged, stored then changed twice (the last one wins).
            let counts = try await importRows(store, [row("a", "2026-11-01"), row("a", "2026-11-01"), row("a", "2026-11-01", clicks: 30),
                                                      row("a", "2026-11-02"), row("a", "2026-11-02", clicks: 40), row("a", "2026-11-02", clicks: 41)])
            #expect((counts.inserted, counts.updated, counts.skipped) == (1, 3, 2))
            #expect(try await store.series(planID: "p", since: nil, through: nil)["a"]?.days.map(\.metrics.clicks) == [30, 41])
        }
    }

    @Test(arguments: StoreBackend.testable) func awkwardIDsAndMissingValuesRoundTrip(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let id = "tab\there\\back\nline 直播"
            var stat = row(id, "2026-11-01", plan: "p q")
            stat.metrics = Metrics(impressions: 10, spend: 1.0 / 3.0, revenue: 2e6 / 7.0, frequency: 1e-7)
            let counts = try await importRows(store, [stat], createMissing: true)
            #expect(counts.inserted == 1 && counts.creativesCreated == 1 && counts.plansCreated == 1)
            let day = try #require(try await store.series(planID: "p q", since: nil, through: nil)[id]?.days.first)
            #expect(day.metrics == stat.metrics, "NULL stays NULL, doubles exact")
            #expect(try await store.creatives(planID: "p q", status: nil).map(\.id) == [id])
        }
    }
}
