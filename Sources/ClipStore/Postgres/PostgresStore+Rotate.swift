import ClipRotation
import PostgresNIO

/// Series, snapshots and rotation on PostgreSQL.
extension PostgresStore {
    public func series(planID: String, since: Day?, through: Day?) async throws -> [String: DailySeries] {
        try await session.transaction("READ ONLY") { db in try await self.fetchSeries(db, planIDs: [planID], since: since, through: through) }
    }

    /// Applying: one transaction per chunk of 400 plans that first takes those plans' locks, then reads, decides and
    /// writes, so two hosts never rotate one plan at once and the second sees the first's result. A dry run reads
    /// each chunk from one snapshot (`REPEATABLE READ`) and takes no lock.
    public func rotate(planIDs: [String], asOf: Day, since: Day?, apply: Bool, at time: String,
                       decide: @escaping @Sendable (PlanSnapshot) throws -> PlanRotation) async throws -> [PlanRotation] {
        var results: [PlanRotation] = []
        for chunk in planIDs.chunks(of: RotationChunk.plans) {
            results += try await session.transaction(apply ? "READ WRITE" : "ISOLATION LEVEL REPEATABLE READ, READ ONLY") { db in
                if apply { try await PostgresLocks.plans(db, chunk, self.session.logger) }
                let rotations = try await self.snapshots(db, planIDs: chunk, since: since, through: asOf).map(decide)
                if apply { try await self.record(db, rotations, time: time) }
                return rotations
            }
        }
        return results
    }

    /// Daily series per creative of the plans, summed over hours and sources in primary-key order (as on SQLite).
    /// Each creative's rows arrive as one text (`StatRowsText`): PostgresNIO spends several microseconds on every
    /// result row, which made a row per stat cost three times SQLite's whole rotation. The creatives' ids go in as
    /// one array, so the server walks the primary key once instead of joining.
    func fetchSeries(_ db: PostgresConnection, planIDs: [String], since: Day?, through: Day?) async throws -> [String: DailySeries] {
        let sinceText = since?.description, throughText = through?.description
        // Doubles as text must read back to the same value: any setting above 0 prints the shortest exact form.
        try await db.run("SET LOCAL extra_float_digits = 1", session.logger)
        let rows = try await db.query("""
            SELECT s.creative_id, string_agg(\(unescaped: StatRowsText.sqlRow), \(unescaped: StatRowsText.sqlSeparator) ORDER BY s.date, s.hour, s.source)
            FROM stats s
            WHERE s.creative_id = ANY(ARRAY(SELECT id FROM creatives WHERE plan_id = ANY(\(planIDs)::text[])))
                AND (\(sinceText)::text IS NULL OR s.date >= \(sinceText)) AND (\(throughText)::text IS NULL OR s.date <= \(throughText))
            GROUP BY s.creative_id
            """, logger: session.logger)
        var builder = SeriesBuilder()
        for try await (creative, text) in rows.decode((String, String).self) {
            try StatRowsText.read(text) { date, metrics in builder.add(creative: creative, date: date, metrics: metrics) }
        }
        return builder.finish()
    }

    func snapshots(_ db: PostgresConnection, planIDs: [String], since: Day?, through: Day) async throws -> [PlanSnapshot] {
        guard !planIDs.isEmpty else { return [] }
        let plans = try await rows(db, "SELECT * FROM plans WHERE id = ANY(\(planIDs)::text[])").map(Self.plan)
        let creatives = try await rows(db, "SELECT * FROM creatives WHERE plan_id = ANY(\(planIDs)::text[]) ORDER BY id COLLATE \"C\"").map(Self.creative)
        let series = try await fetchSeries(db, planIDs: planIDs, since: since, through: through)
        return try StoreRecords.snapshots(planIDs: planIDs, plans: plans, creatives: creatives, series: series)
    }

    /// Writes the rotations' status changes, each guarded by the status it was decided from, and logs them: one
    /// UPDATE and one INSERT for a whole chunk of plans (a round trip per change made applying wait on the network).
    func record(_ db: PostgresConnection, _ rotations: [PlanRotation], time: String) async throws {
        let changes = rotations.flatMap { rotation in rotation.decisions.filter(\.changesStatus).map { (rotation, $0) } }
        guard !changes.isEmpty else { return }
        // PostgresNIO sends no array with NULLs: an absent date travels as "" and becomes NULL again in SQL.
        let ids = changes.map(\.1.creativeID), froms = changes.map(\.1.from.rawValue), tos = changes.map(\.1.to.rawValue)
        let restingUntil = changes.map { $0.1.restingUntil?.description ?? "" }
        let activatedOn = changes.map { rotation, decision in decision.to == .active ? rotation.asOf.description : "" }
        let changed = Set(try await rows(db, """
            UPDATE creatives c SET status = u.to_status, resting_until = NULLIF(u.resting_until, ''), updated_at = \(time),
                activated_on = COALESCE(NULLIF(u.activated_on, ''), c.activated_on)
            FROM unnest(\(ids)::text[], \(froms)::text[], \(tos)::text[], \(restingUntil)::text[], \(activatedOn)::text[])
                AS u(id, from_status, to_status, resting_until, activated_on)
            WHERE c.id = u.id AND c.status = u.from_status
            RETURNING c.id
            """).map { try $0["id"].decode(String.self) })
        if let (rotation, decision) = changes.first(where: { !changed.contains($0.1.creativeID) }) {
            throw StoreError("creative '\(decision.creativeID)' changed while plan '\(rotation.planID)' was being rotated; nothing applied")
        }
        try await log(db, changes.map { rotation, decision in
            LoggedDecision(asOf: rotation.asOf, planID: rotation.planID, creativeID: decision.creativeID, action: decision.action.rawValue,
                           from: decision.from.rawValue, to: decision.to.rawValue, reasons: decision.reasons, snapshot: decision.recent,
                           policy: rotation.policy, policyVersion: rotation.policyVersion, origin: "rotate")
        }, time: time)
    }
}
