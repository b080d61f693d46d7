import ClipRotation
import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode with a busy timeout; writes that decide (import, rotate)
/// run in `BEGIN IMMEDIATE` transactions, so concurrent processes serialise on the database itself.
public final class SQLiteStore: RotationStore, @unchecked Sendable {
    let queue: DatabaseQueue
    public let path: String

    /// Opens (creating when missing) the database at `path` and runs pending migrations.
    public init(path: String, busyTimeout: TimeInterval = 60) throws {
        self.path = path
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -131072")  // 128 MiB: a big import must not spill pages back and forth
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            do {
                try Migrations.migrator.migrate(queue)
            } catch {
                // Another process may have migrated the same new file at the same moment: its work is now visible.
                try Migrations.migrator.migrate(queue)
            }
        } catch {
            throw StoreError("\(path): cannot open the database: \(Self.describe(error))")
        }
    }

    // MARK: plans

    public func addPlan(_ plan: Plan) async throws {
        try await write { db in
            guard try Self.fetchPlan(db, plan.id) == nil else { throw StoreError("plan '\(plan.id)' already exists (use plan set to change it)") }
            try Self.insert(db, plan)
        }
    }

    public func updatePlan(_ plan: Plan) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE plans SET name = ?, policy = ?, budget = ?, break_even_roi = ?, target_cpa = ?, updated_at = ? WHERE id = ?",
                           arguments: [plan.name, plan.policy, plan.budget, plan.breakEvenROI, plan.targetCPA, plan.updatedAt, plan.id])
            guard db.changesCount == 1 else { throw StoreError("unknown plan '\(plan.id)'") }
        }
    }

    public func plan(_ id: String) async throws -> Plan? {
        try await queue.read { db in try Self.fetchPlan(db, id) }
    }

    public func plans() async throws -> [Plan] {
        try await queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM plans ORDER BY id").map(Self.plan) }
    }

    // MARK: creatives

    public func addCreatives(_ creatives: [Creative]) async throws {
        try await write { db in
            for creative in creatives {
                guard try Self.fetchPlan(db, creative.planID) != nil else { throw StoreError("unknown plan '\(creative.planID)' (add it with: clipkit plan add \(creative.planID))") }
                if let existing = try Self.fetchCreative(db, creative.id) {
                    throw StoreError("creative '\(creative.id)' already exists in plan '\(existing.planID)'")
                }
                if let external = creative.externalID,
                   let owner = try String.fetchOne(db, sql: "SELECT id FROM creatives WHERE external_id = ?", arguments: [external]) {
                    throw StoreError("external ID '\(external)' already belongs to creative '\(owner)'")
                }
                try Self.insert(db, creative)
            }
        }
    }

    public func creative(_ id: String) async throws -> Creative? {
        try await queue.read { db in try Self.fetchCreative(db, id) }
    }

    public func creatives(planID: String?, status: CreativeStatus?) async throws -> [Creative] {
        try await queue.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let planID { conditions.append("plan_id = ?"); arguments += [planID] }
            if let status { conditions.append("status = ?"); arguments += [status.rawValue] }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM creatives \(filter) ORDER BY plan_id, id", arguments: arguments).map(Self.creative)
        }
    }

    public func changeStatus(creativeID: String, to status: CreativeStatus, action: String, reason: Reason, asOf: Day, at time: String) async throws -> Creative {
        try await write { db in
            guard var creative = try Self.fetchCreative(db, creativeID) else { throw StoreError("unknown creative '\(creativeID)'") }
            let from = creative.status
            creative.status = status
            creative.restingUntil = nil
            creative.updatedAt = time
            try db.execute(sql: "UPDATE creatives SET status = ?, resting_until = NULL, updated_at = ? WHERE id = ?",
                           arguments: [status.rawValue, time, creativeID])
            try Self.log(db, time: time, asOf: asOf, planID: creative.planID, creativeID: creativeID, action: action, from: from.rawValue,
                         to: status.rawValue, reasons: [reason], snapshot: nil, policy: "manual", policyVersion: 0, applied: true, origin: "manual")
            return creative
        }
    }

    // MARK: stats

    public func importStats(batch: ImportBatch, createMissing: Bool, defaultPolicy: String, at time: String,
                            rows: @escaping @Sendable (_ emit: (StatRow) throws -> Void) throws -> Void) async throws -> ImportCounts {
        // Every row's creative is checked against `creativePlan` below, so SQLite's per-row foreign-key lookups are redundant.
        try await write(foreignKeys: false) { db in
            var counts = ImportCounts()
            var creativePlan: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, plan_id FROM creatives") { creativePlan[row[0]] = row[1] }
            var catalog = ImportCatalog(creativePlan: creativePlan, plans: Set(try String.fetchAll(db, sql: "SELECT id FROM plans")),
                                        file: batch.file, createMissing: createMissing, defaultPolicy: defaultPolicy, time: time)
            try db.execute(sql: "INSERT INTO import_batches (file, file_sha256, format, imported_at, rows_read, inserted, updated, skipped) VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                           arguments: [batch.file, batch.fileSHA256, batch.format, time, 0])
            let batchID = db.lastInsertedRowID
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stats") ?? 0
            let upsert = try db.makeStatement(sql: "INSERT INTO stats (\(StatsSQL.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \(StatsSQL.onConflict)")
            var changed = 0
            var index = 0
            var sources = Set<String>()
            func store(_ row: StatRow) throws {
                index += 1
                sources.insert(row.source)
                let (plan, creative) = try catalog.admit(row, index: index)
                if let plan {
                    try Self.insert(db, plan)
                    counts.plansCreated += 1
                }
                if let creative {
                    try Self.insert(db, creative)
                    counts.creativesCreated += 1
                }
                let m = row.metrics
                upsert.setUncheckedArguments([row.creativeID, row.date.description, row.hour ?? -1, row.source,
                                              m.impressions, m.clicks, m.views3s, m.spend, m.orders, m.revenue, m.reach, m.frequency, m.completions, batchID])
                try upsert.execute()
                changed += db.changesCount
            }
            // The file is parsed on its own thread while this one writes.
            let pipe = RowPipe()
            pipe.start(rows)
            do {
                while let chunk = try pipe.take() {
                    for row in chunk { try store(row) }
                }
            } catch {
                pipe.cancelAndWait()
                throw error
            }
            pipe.waitForProducer()
            let after = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stats") ?? 0
            counts.inserted = after - before
            counts.updated = changed - counts.inserted
            counts.skipped = index - changed
            // The format actually read (auto-detected), as the rows name their source.
            let format = sources.count == 1 ? sources.first! : batch.format
            try db.execute(sql: "UPDATE import_batches SET format = ?, rows_read = ?, inserted = ?, updated = ?, skipped = ? WHERE id = ?",
                           arguments: [format, index, counts.inserted, counts.updated, counts.skipped, batchID])
            return counts
        }
    }

    public func series(planID: String, since: Day?, through: Day?) async throws -> [String: DailySeries] {
        try await queue.read { db in try Self.fetchSeries(db, planIDs: [planID], since: since, through: through) }
    }

    // MARK: rotation

    public func rotate(planIDs: [String], asOf: Day, since: Day?, apply: Bool, at time: String,
                       decide: @escaping @Sendable (PlanSnapshot) throws -> PlanRotation) async throws -> [PlanRotation] {
        var results: [PlanRotation] = []
        for chunk in planIDs.chunks(of: RotationChunk.plans) {
            let body: @Sendable (Database) throws -> [PlanRotation] = { db in
                let snapshots = try Self.snapshots(db, planIDs: chunk, since: since, through: asOf)
                return try snapshots.map { snapshot in
                    let rotation = try decide(snapshot)
                    if apply { try Self.record(db, rotation, snapshot: snapshot, time: time) }
                    return rotation
                }
            }
            if apply {
                results += try await write(body)
            } else {
                results += try await queue.read(body)
            }
        }
        return results
    }

    public func decisions(planID: String?, creativeID: String?) async throws -> [DecisionRecord] {
        try await queue.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let planID { conditions.append("plan_id = ?"); arguments += [planID] }
            if let creativeID { conditions.append("creative_id = ?"); arguments += [creativeID] }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM decisions \(filter) ORDER BY id", arguments: arguments).map(Self.decision)
        }
    }

    // MARK: helpers

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is read.
    func write<T: Sendable>(foreignKeys: Bool = true, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue.writeWithoutTransaction { db in
                if !foreignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if !foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError("\(path): \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }
}
