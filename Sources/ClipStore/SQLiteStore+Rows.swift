import ClipRotation
import Foundation
import GRDB

/// Row ↔ record mapping and the multi-row reads and writes of rotation.
extension SQLiteStore {
    static func insert(_ db: Database, _ plan: Plan) throws {
        try db.execute(sql: "INSERT INTO plans (id, name, policy, budget, break_even_roi, target_cpa, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [plan.id, plan.name, plan.policy, plan.budget, plan.breakEvenROI, plan.targetCPA, plan.createdAt, plan.updatedAt])
    }

    static func insert(_ db: Database, _ c: Creative) throws {
        try db.execute(sql: """
            INSERT INTO creatives (id, plan_id, external_id, media_path, sha256, duration_seconds, width, height, size_bytes, hook_score,
                predicted_hook_rate, source_recording, source_start, source_end, status, resting_until, activated_on, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.id, c.planID, c.externalID, c.mediaPath, c.sha256, c.durationSeconds, c.width, c.height, c.sizeBytes, c.hookScore,
                             c.predictedHookRate, c.sourceRecording, c.sourceStart, c.sourceEnd, c.status.rawValue, c.restingUntil?.description,
                             c.activatedOn?.description, c.createdAt, c.updatedAt])
    }

    static func fetchPlan(_ db: Database, _ id: String) throws -> Plan? {
        try Row.fetchOne(db, sql: "SELECT * FROM plans WHERE id = ?", arguments: [id]).map(plan)
    }

    static func fetchCreative(_ db: Database, _ id: String) throws -> Creative? {
        try Row.fetchOne(db, sql: "SELECT * FROM creatives WHERE id = ? OR external_id = ? ORDER BY id = ? DESC LIMIT 1", arguments: [id, id, id]).map(creative)
    }

    static func plan(_ row: Row) -> Plan {
        Plan(id: row["id"], name: row["name"], policy: row["policy"], budget: row["budget"], breakEvenROI: row["break_even_roi"],
             targetCPA: row["target_cpa"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static func creative(_ row: Row) -> Creative {
        Creative(id: row["id"], planID: row["plan_id"], externalID: row["external_id"], mediaPath: row["media_path"], sha256: row["sha256"],
                 durationSeconds: row["duration_seconds"], width: row["width"], height: row["height"], sizeBytes: row["size_bytes"],
                 hookScore: row["hook_score"], predictedHookRate: row["predicted_hook_rate"], sourceRecording: row["source_recording"], sourceStart: row["source_start"], sourceEnd: row["source_end"],
                 status: CreativeStatus(rawValue: row["status"]) ?? .candidate,
                 restingUntil: (row["resting_until"] as String?).flatMap(Day.init), activatedOn: (row["activated_on"] as String?).flatMap(Day.init),
                 createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static func decision(_ row: Row) -> DecisionRecord {
        let reasons = StoreRecords.reasons(row["reasons"])
        let snapshot = StoreRecords.snapshot(row["snapshot"])
        return DecisionRecord(id: row["id"], decidedAt: row["decided_at"], asOf: Day(row["as_of"] as String) ?? Day(ordinal: 0),
                              planID: row["plan_id"], creativeID: row["creative_id"], action: row["action"], from: row["from_status"],
                              to: row["to_status"], reasons: reasons, recent: snapshot, policy: row["policy"], policyVersion: row["policy_version"],
                              applied: row["applied"], origin: row["origin"])
    }

    /// Daily series per creative of the plans, summed over hours and sources. Rows arrive in primary-key order
    /// (creative, date, hour, source), so days are summed as they stream by: no sort, no temporary table.
    static func fetchSeries(_ db: Database, planIDs: [String], since: Day?, through: Day?) throws -> [String: DailySeries] {
        var sql = """
            SELECT s.creative_id, s.date, s.impressions, s.clicks, s.views_3s, s.spend, s.orders, s.revenue, s.reach, s.frequency, s.completions
            FROM creatives c JOIN stats s ON s.creative_id = c.id
            WHERE c.plan_id IN (\(databaseQuestionMarks(count: planIDs.count)))
            """
        var arguments = StatementArguments(planIDs)
        if let since { sql += " AND s.date >= ?"; arguments += [since.description] }
        if let through { sql += " AND s.date <= ?"; arguments += [through.description] }
        var builder = SeriesBuilder()
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            builder.add(creative: row[0], date: row[1], metrics: Metrics(impressions: row[2], clicks: row[3], views3s: row[4], spend: row[5],
                                                                          orders: row[6], revenue: row[7], reach: row[8], frequency: row[9], completions: row[10]))
        }
        return builder.finish()
    }

    static func snapshots(_ db: Database, planIDs: [String], since: Day?, through: Day) throws -> [PlanSnapshot] {
        guard !planIDs.isEmpty else { return [] }
        let marks = databaseQuestionMarks(count: planIDs.count)
        let plans = try Row.fetchAll(db, sql: "SELECT * FROM plans WHERE id IN (\(marks))", arguments: StatementArguments(planIDs)).map(plan)
        let creatives = try Row.fetchAll(db, sql: "SELECT * FROM creatives WHERE plan_id IN (\(marks))", arguments: StatementArguments(planIDs)).map(creative)
        let series = try fetchSeries(db, planIDs: planIDs, since: since, through: through)
        return try StoreRecords.snapshots(planIDs: planIDs, plans: plans, creatives: creatives, series: series)
    }

    /// Writes a rotation's status changes (each guarded by the status it was decided from) and logs them.
    static func record(_ db: Database, _ rotation: PlanRotation, snapshot: PlanSnapshot, time: String) throws {
        for decision in rotation.decisions where decision.changesStatus {
            var sql = "UPDATE creatives SET status = ?, resting_until = ?, updated_at = ?"
            var arguments: StatementArguments = [decision.to.rawValue, decision.restingUntil?.description, time]
            if decision.to == .active { sql += ", activated_on = ?"; arguments += [rotation.asOf.description] }
            sql += " WHERE id = ? AND status = ?"
            arguments += [decision.creativeID, decision.from.rawValue]
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount == 1 else {
                throw StoreError("creative '\(decision.creativeID)' changed while plan '\(rotation.planID)' was being rotated; nothing applied")
            }
            try log(db, time: time, asOf: rotation.asOf, planID: rotation.planID, creativeID: decision.creativeID, action: decision.action.rawValue,
                    from: decision.from.rawValue, to: decision.to.rawValue, reasons: decision.reasons, snapshot: decision.recent,
                    policy: rotation.policy, policyVersion: rotation.policyVersion, applied: true, origin: "rotate")
        }
    }

    static func log(_ db: Database, time: String, asOf: Day, planID: String, creativeID: String, action: String, from: String?, to: String?,
                    reasons: [Reason], snapshot: MetricSnapshot?, policy: String, policyVersion: Int, applied: Bool, origin: String) throws {
        let reasonsJSON = try StoreRecords.json(reasons)
        let snapshotJSON = try snapshot.map(StoreRecords.json)
        try db.execute(sql: """
            INSERT INTO decisions (decided_at, as_of, plan_id, creative_id, action, from_status, to_status, reasons, snapshot, policy, policy_version, applied, origin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [time, asOf.description, planID, creativeID, action, from, to, reasonsJSON, snapshotJSON, policy, policyVersion, applied, origin])
    }
}
