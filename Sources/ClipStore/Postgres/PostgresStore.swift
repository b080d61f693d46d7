import ClipRotation
import Foundation
import PostgresNIO

/// The shared store for teams: one PostgreSQL database that many hosts use at once. Every method is one
/// transaction; `rotate --apply` holds each plan's advisory lock, imports hold the import lock (see `PostgresLocks`).
public final class PostgresStore: RotationStore, @unchecked Sendable {
    let session: PostgresSession
    public var location: PostgresLocation { session.location }

    private init(session: PostgresSession) { self.session = session }

    /// Connects to `location` and runs pending migrations.
    public static func connect(_ location: PostgresLocation) async throws -> PostgresStore {
        let store = PostgresStore(session: try await PostgresSession.connect(location))
        try await store.migrate()
        return store
    }

    /// Runs the migrations not yet recorded in `clipkit_migrations`, all in one transaction under the migration lock,
    /// so processes starting at once migrate once. An up-to-date database is only read: no lock, so a process that
    /// stalls while starting never holds up another.
    func migrate() async throws {
        let applied = try await session.transaction("READ ONLY") { db in try await self.appliedMigrations(db) }
        if Migrations.steps.allSatisfy({ applied.contains($0.identifier) }) { return }
        try await session.transaction { db in
            try await PostgresLocks.migrations(db, self.session.logger)
            try await db.run("CREATE TABLE IF NOT EXISTS clipkit_migrations (identifier TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", self.session.logger)
            let done = try await self.appliedMigrations(db)
            for step in Migrations.steps where !done.contains(step.identifier) {
                for statement in Migrations.postgres(step.sql).split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try await db.run(PostgresQuery(unsafeSQL: String(statement)), self.session.logger)
                }
                try await db.run("INSERT INTO clipkit_migrations (identifier, applied_at) VALUES (\(step.identifier), \(Self.now))", self.session.logger)
            }
        }
    }

    /// The identifiers in `clipkit_migrations` (none when the table does not exist yet).
    func appliedMigrations(_ db: PostgresConnection) async throws -> Set<String> {
        let exists = try await rows(db, "SELECT to_regclass('clipkit_migrations') IS NOT NULL")[0][0].decode(Bool.self)
        guard exists else { return [] }
        return Set(try await rows(db, "SELECT identifier FROM clipkit_migrations").map { try $0[0].decode(String.self) })
    }

    static var now: String { ISO8601DateFormatter().string(from: Date()) }

    // MARK: plans

    public func addPlan(_ plan: Plan) async throws {
        try await session.transaction { db in
            guard try await self.fetchPlan(db, plan.id) == nil else { throw StoreError("plan '\(plan.id)' already exists (use plan set to change it)") }
            try await self.insert(db, plan)
        }
    }

    public func updatePlan(_ plan: Plan) async throws {
        try await session.transaction { db in
            let changed = try await self.rows(db, """
                UPDATE plans SET name = \(plan.name), policy = \(plan.policy), budget = \(plan.budget), break_even_roi = \(plan.breakEvenROI),
                    target_cpa = \(plan.targetCPA), updated_at = \(plan.updatedAt) WHERE id = \(plan.id) RETURNING id
                """)
            guard changed.count == 1 else { throw StoreError("unknown plan '\(plan.id)'") }
        }
    }

    public func plan(_ id: String) async throws -> Plan? {
        try await session.transaction("READ ONLY") { db in try await self.fetchPlan(db, id) }
    }

    public func plans() async throws -> [Plan] {
        try await session.transaction("READ ONLY") { db in
            try await self.rows(db, "SELECT * FROM plans ORDER BY id COLLATE \"C\"").map(Self.plan)
        }
    }

    // MARK: creatives

    public func addCreatives(_ creatives: [Creative]) async throws {
        try await session.transaction { db in
            for creative in creatives {
                guard try await self.fetchPlan(db, creative.planID) != nil else {
                    throw StoreError("unknown plan '\(creative.planID)' (add it with: clipkit plan add \(creative.planID))")
                }
                if let existing = try await self.fetchCreative(db, creative.id) {
                    throw StoreError("creative '\(creative.id)' already exists in plan '\(existing.planID)'")
                }
                if let external = creative.externalID,
                   let owner = try await self.rows(db, "SELECT id FROM creatives WHERE external_id = \(external)").first {
                    throw StoreError("external ID '\(external)' already belongs to creative '\(try owner[0].decode(String.self))'")
                }
                try await self.insert(db, creative)
            }
        }
    }

    public func creative(_ id: String) async throws -> Creative? {
        try await session.transaction("READ ONLY") { db in try await self.fetchCreative(db, id) }
    }

    public func creatives(planID: String?, status: CreativeStatus?) async throws -> [Creative] {
        try await session.transaction("READ ONLY") { db in
            try await self.rows(db, """
                SELECT * FROM creatives WHERE (\(planID)::text IS NULL OR plan_id = \(planID)) AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                ORDER BY plan_id COLLATE "C", id COLLATE "C"
                """).map(Self.creative)
        }
    }

    /// Holds the creative's plan lock, so a change by hand never races a rotation of that plan.
    public func changeStatus(creativeID: String, to status: CreativeStatus, action: String, reason: Reason, asOf: Day, at time: String) async throws -> Creative {
        try await session.transaction { db in
            guard let planID = try await self.fetchCreative(db, creativeID)?.planID else { throw StoreError("unknown creative '\(creativeID)'") }
            try await PostgresLocks.plans(db, [planID], self.session.logger)
            guard var creative = try await self.fetchCreative(db, creativeID) else { throw StoreError("unknown creative '\(creativeID)'") }
            let from = creative.status
            creative.status = status
            creative.restingUntil = nil
            creative.updatedAt = time
            try await db.run("UPDATE creatives SET status = \(status.rawValue), resting_until = NULL, updated_at = \(time) WHERE id = \(creative.id)",
                             self.session.logger)
            try await self.log(db, [LoggedDecision(asOf: asOf, planID: creative.planID, creativeID: creative.id, action: action, from: from.rawValue,
                                                   to: status.rawValue, reasons: [reason], policy: "manual", policyVersion: 0, origin: "manual")],
                               time: time)
            return creative
        }
    }

    public func decisions(planID: String?, creativeID: String?) async throws -> [DecisionRecord] {
        try await session.transaction("READ ONLY") { db in
            try await self.rows(db, """
                SELECT * FROM decisions WHERE (\(planID)::text IS NULL OR plan_id = \(planID)) AND (\(creativeID)::text IS NULL OR creative_id = \(creativeID))
                ORDER BY id
                """).map(Self.decision)
        }
    }

    // MARK: helpers

    /// All rows of a query, for column access by name.
    func rows(_ db: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await db.query(query, logger: session.logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }
}
