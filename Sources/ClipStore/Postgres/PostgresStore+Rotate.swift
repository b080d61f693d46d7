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
                var rotations: [PlanRotation] = []
                for snapshot in try await self.snapshots(db, planIDs: chunk, since: since, through: asOf) {
                    let rotation = try decide(snapshot)
                    if apply { try await self.record(db, rotation, time: time) }
                    rotations.append(rotation)
                }
                return rotations
            }
        }
        return results
    }

    /// Daily series per creative of the plans, summed over hours and sources in primary-key order (as on SQLite).
    func fetchSeries(_ db: PostgresConnection, planIDs: [String], since: Day?, through: Day?) async throws -> [String: DailySeries] {
        let sinceText = since?.description, throughText = through?.description
        let rows = try await db.query("""
            SELECT s.creative_id, s.date, s.impressions, s.clicks, s.views_3s, s.spend, s.orders, s.revenue, s.reach, s.frequency, s.completions
            FROM creatives c JOIN stats s ON s.creative_id = c.id
            WHERE c.plan_id = ANY(\(planIDs)::text[]) AND (\(sinceText)::text IS NULL OR s.date >= \(sinceText))
                AND (\(throughText)::text IS NULL OR s.date <= \(throughText))
            ORDER BY s.creative_id, s.date, s.hour, s.source
            """, logger: session.logger)
        var builder = SeriesBuilder()
        for try await (creative, date, impressions, clicks, views3s, spend, orders, revenue, reach, frequency, completions)
            in rows.decode((String, String, Int?, Int?, Int?, Double?, Int?, Double?, Int?, Double?, Int?).self) {
            builder.add(creative: creative, date: date, metrics: Metrics(impressions: impressions, clicks: clicks, views3s: views3s, spend: spend,
                                                                         orders: orders, revenue: revenue, reach: reach, frequency: frequency,
                                                                         completions: completions))
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

    /// Writes a rotation's status changes (each guarded by the status it was decided from) and logs them.
    func record(_ db: PostgresConnection, _ rotation: PlanRotation, time: String) async throws {
        for decision in rotation.decisions where decision.changesStatus {
            let activatedOn = decision.to == .active ? rotation.asOf.description : nil
            let changed = try await rows(db, """
                UPDATE creatives SET status = \(decision.to.rawValue), resting_until = \(decision.restingUntil?.description), updated_at = \(time),
                    activated_on = COALESCE(\(activatedOn), activated_on)
                WHERE id = \(decision.creativeID) AND status = \(decision.from.rawValue) RETURNING id
                """)
            guard changed.count == 1 else {
                throw StoreError("creative '\(decision.creativeID)' changed while plan '\(rotation.planID)' was being rotated; nothing applied")
            }
            try await log(db, time: time, asOf: rotation.asOf, planID: rotation.planID, creativeID: decision.creativeID, action: decision.action.rawValue,
                          from: decision.from.rawValue, to: decision.to.rawValue, reasons: decision.reasons, snapshot: decision.recent,
                          policy: rotation.policy, policyVersion: rotation.policyVersion, origin: "rotate")
        }
    }
}
