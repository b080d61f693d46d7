import ClipRotation
import PostgresNIO

/// Row ↔ record mapping and the single-row reads and writes.
extension PostgresStore {
    func insert(_ db: PostgresConnection, _ plan: Plan) async throws {
        try await db.run("""
            INSERT INTO plans (id, name, policy, budget, break_even_roi, target_cpa, created_at, updated_at)
            VALUES (\(plan.id), \(plan.name), \(plan.policy), \(plan.budget), \(plan.breakEvenROI), \(plan.targetCPA), \(plan.createdAt), \(plan.updatedAt))
            """, session.logger)
    }

    func insert(_ db: PostgresConnection, _ c: Creative) async throws {
        try await db.run("""
            INSERT INTO creatives (id, plan_id, external_id, media_path, sha256, duration_seconds, width, height, size_bytes, hook_score,
                predicted_hook_rate, source_recording, source_start, source_end, status, resting_until, activated_on, created_at, updated_at)
            VALUES (\(c.id), \(c.planID), \(c.externalID), \(c.mediaPath), \(c.sha256), \(c.durationSeconds), \(c.width), \(c.height), \(c.sizeBytes),
                \(c.hookScore), \(c.predictedHookRate), \(c.sourceRecording), \(c.sourceStart), \(c.sourceEnd), \(c.status.rawValue),
                \(c.restingUntil?.description), \(c.activatedOn?.description), \(c.createdAt), \(c.updatedAt))
            """, session.logger)
    }

    func fetchPlan(_ db: PostgresConnection, _ id: String) async throws -> Plan? {
        try await rows(db, "SELECT * FROM plans WHERE id = \(id)").first.map(Self.plan)
    }

    /// By ID, else by external ID.
    func fetchCreative(_ db: PostgresConnection, _ id: String) async throws -> Creative? {
        try await rows(db, "SELECT * FROM creatives WHERE id = \(id) OR external_id = \(id) ORDER BY id = \(id) DESC LIMIT 1").first.map(Self.creative)
    }

    /// Appends decisions to the log in one statement, in the given order (ids ascending).
    func log(_ db: PostgresConnection, _ entries: [LoggedDecision], time: String) async throws {
        guard !entries.isEmpty else { return }
        // PostgresNIO sends no array with NULLs: an absent value travels as "" and becomes NULL again in SQL.
        func column(_ value: (LoggedDecision) throws -> String?) rethrows -> [String] { try entries.map { try value($0) ?? "" } }
        let asOf = column { $0.asOf.description }, plans = column { $0.planID }, creatives = column { $0.creativeID }
        let actions = column { $0.action }, froms = column { $0.from }, tos = column { $0.to }, policies = column { $0.policy }
        let origins = column { $0.origin }, versions = entries.map(\.policyVersion)
        let reasons = try column { try StoreRecords.json($0.reasons) }, snapshots = try column { try $0.snapshot.map(StoreRecords.json) }
        try await db.run("""
            INSERT INTO decisions (decided_at, as_of, plan_id, creative_id, action, from_status, to_status, reasons, snapshot, policy, policy_version, applied, origin)
            SELECT \(time), d.as_of, d.plan_id, d.creative_id, d.action, NULLIF(d.from_status, ''), NULLIF(d.to_status, ''), d.reasons,
                NULLIF(d.snapshot, ''), d.policy, d.policy_version, 1, d.origin
            FROM unnest(\(asOf)::text[], \(plans)::text[], \(creatives)::text[], \(actions)::text[], \(froms)::text[], \(tos)::text[],
                        \(reasons)::text[], \(snapshots)::text[], \(policies)::text[], \(versions)::bigint[], \(origins)::text[])
                WITH ORDINALITY AS d(as_of, plan_id, creative_id, action, from_status, to_status, reasons, snapshot, policy, policy_version, origin, n)
            ORDER BY d.n
            """, session.logger)
    }

    static func plan(_ row: PostgresRandomAccessRow) throws -> Plan {
        Plan(id: try row["id"].decode(String.self), name: try row["name"].decode(String?.self), policy: try row["policy"].decode(String.self),
             budget: try row["budget"].decode(Double?.self), breakEvenROI: try row["break_even_roi"].decode(Double?.self),
             targetCPA: try row["target_cpa"].decode(Double?.self), createdAt: try row["created_at"].decode(String.self),
             updatedAt: try row["updated_at"].decode(String.self))
    }

    static func creative(_ row: PostgresRandomAccessRow) throws -> Creative {
        func text(_ name: String) throws -> String? { try row[name].decode(String?.self) }
        func real(_ name: String) throws -> Double? { try row[name].decode(Double?.self) }
        func int(_ name: String) throws -> Int? { try row[name].decode(Int?.self) }
        return Creative(id: try row["id"].decode(String.self), planID: try row["plan_id"].decode(String.self), externalID: try text("external_id"),
                        mediaPath: try text("media_path"), sha256: try text("sha256"), durationSeconds: try real("duration_seconds"),
                        width: try int("width"), height: try int("height"), sizeBytes: try int("size_bytes"), hookScore: try real("hook_score"),
                        predictedHookRate: try real("predicted_hook_rate"), sourceRecording: try text("source_recording"),
                        sourceStart: try real("source_start"), sourceEnd: try real("source_end"),
                        status: CreativeStatus(rawValue: try row["status"].decode(String.self)) ?? .candidate,
                        restingUntil: try text("resting_until").flatMap(Day.init), activatedOn: try text("activated_on").flatMap(Day.init),
                        createdAt: try row["created_at"].decode(String.self), updatedAt: try row["updated_at"].decode(String.self))
    }

    static func decision(_ row: PostgresRandomAccessRow) throws -> DecisionRecord {
        DecisionRecord(id: Int64(try row["id"].decode(Int.self)), decidedAt: try row["decided_at"].decode(String.self),
                       asOf: Day(try row["as_of"].decode(String.self)) ?? Day(ordinal: 0), planID: try row["plan_id"].decode(String.self),
                       creativeID: try row["creative_id"].decode(String.self), action: try row["action"].decode(String.self),
                       from: try row["from_status"].decode(String?.self), to: try row["to_status"].decode(String?.self),
                       reasons: StoreRecords.reasons(try row["reasons"].decode(String.self)),
                       recent: StoreRecords.snapshot(try row["snapshot"].decode(String?.self)), policy: try row["policy"].decode(String.self),
                       policyVersion: try row["policy_version"].decode(Int.self), applied: try row["applied"].decode(Int.self) != 0,
                       origin: try row["origin"].decode(String.self))
    }
}

/// One row of the decision log, as the PostgreSQL store writes it.
struct LoggedDecision {
    var asOf: Day
    var planID: String
    var creativeID: String
    var action: String
    var from: String?
    var to: String?
    var reasons: [Reason]
    var snapshot: MetricSnapshot? = nil
    var policy: String
    var policyVersion: Int
    var origin: String
}
