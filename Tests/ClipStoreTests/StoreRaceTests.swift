import ClipRotation
import ClipStore
import Foundation
import Testing
import TestSupport

/// Several store connections to one database at once, as several hosts would be: migrations run once, one plan is
/// rotated once, overlapping imports lose and duplicate nothing.
@Suite struct StoreRaceTests {
    let now = "2026-11-21T00:00:00Z"

    func openMany(_ location: String, _ count: Int) async throws -> [any RotationStore] {
        try await withThrowingTaskGroup(of: (any RotationStore).self) { group in
            for _ in 0..<count { group.addTask { try await Stores.open(location) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test(arguments: StoreBackend.testable) func racingHostsMigrateOnceRotateOnceAndKeepEveryRow(_ backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { location in
            let stores = try await openMany(location, 4)
            try await stores[0].addPlan(Plan(id: "p", createdAt: now))
            try await stores[0].addCreatives((1...6).map { Creative(id: "c\($0)", planID: "p", createdAt: now) })

            // Overlapping files at once: days 1–10 and 5–14 of the same numbers.
            let files = [1...10, 5...14, 1...14, 3...8]
            let counts = try await withThrowingTaskGroup(of: ImportCounts.self) { group in
                for (store, days) in zip(stores, files) {
                    group.addTask {
                        try await store.importStats(batch: ImportBatch(file: "f\(days).csv", fileSHA256: "0", format: "generic"), createMissing: false,
                                                    defaultPolicy: "default", at: now) { emit in
                            for creative in 1...6 {
                                for day in days {
                                    try emit(StatRow(planID: "p", creativeID: "c\(creative)", date: Day(ordinal: Day("2026-11-01")!.ordinal + day - 1),
                                                     source: "generic", metrics: Metrics(impressions: 1_000 + creative * 10 + day, clicks: 20 + day)))
                                }
                            }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts.reduce(0) { $0 + $1.inserted } == 6 * 14, "each row inserted by exactly one import")
            #expect(counts.reduce(0) { $0 + $1.updated } == 0)
            let series = try await stores[0].series(planID: "p", since: nil, through: nil)
            #expect(series.values.reduce(0) { $0 + $1.days.count } == 6 * 14)

            // Four hosts apply the same rotation at once: one activates, the others find nothing left to do.
            let policy = try DefaultPolicy.load()
            let day = Day("2026-11-14")!
            try await withThrowingTaskGroup(of: PlanRotation.self) { group in
                for store in stores {
                    group.addTask {
                        try await store.rotate(planIDs: ["p"], asOf: day, since: nil, apply: true, at: now) { snapshot in
                            RotationPlanner(policy: policy).rotate(snapshot, asOf: day, applied: true)
                        }[0]
                    }
                }
                try await group.waitForAll()
            }
            let log = try await stores[0].decisions(planID: "p", creativeID: nil)
            #expect(log.count == 4 && Set(log.map(\.creativeID)).count == 4, "\(log.map { "\($0.action) \($0.creativeID)" })")
            #expect(try await stores[0].creatives(planID: "p", status: .active).count == 4)
        }
    }
}
