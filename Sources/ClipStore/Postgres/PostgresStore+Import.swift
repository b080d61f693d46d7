import ClipRotation
import Foundation
import PostgresNIO

/// `stats import` on PostgreSQL: rows are checked as they stream in (the same checks and messages as SQLite),
/// copied into a temporary table with `COPY`, counted against what is stored, then upserted in one statement.
extension PostgresStore {
    public func importStats(batch: ImportBatch, createMissing: Bool, defaultPolicy: String, at time: String,
                            rows: @escaping @Sendable (_ emit: (StatRow) throws -> Void) throws -> Void) async throws -> ImportCounts {
        try await session.transaction { db in
            let logger = self.session.logger
            try await PostgresLocks.imports(db, logger)
            var creativePlan: [String: String] = [:]
            for row in try await self.rows(db, "SELECT id, plan_id FROM creatives") {
                creativePlan[try row[0].decode(String.self)] = try row[1].decode(String.self)
            }
            let plans = Set(try await self.rows(db, "SELECT id FROM plans").map { try $0[0].decode(String.self) })
            var catalog = ImportCatalog(creativePlan: creativePlan, plans: plans, file: batch.file, createMissing: createMissing,
                                        defaultPolicy: defaultPolicy, time: time)
            let batchID = try await self.rows(db, """
                INSERT INTO import_batches (file, file_sha256, format, imported_at, rows_read, inserted, updated, skipped)
                VALUES (\(batch.file), \(batch.fileSHA256), \(batch.format), \(time), 0, 0, 0, 0) RETURNING id
                """)[0][0].decode(Int.self)
            try await db.run("""
                CREATE TEMPORARY TABLE import_rows (seq BIGINT, creative_id TEXT, date TEXT, hour BIGINT, source TEXT, impressions BIGINT,
                    clicks BIGINT, views_3s BIGINT, spend DOUBLE PRECISION, orders BIGINT, revenue DOUBLE PRECISION, reach BIGINT,
                    frequency DOUBLE PRECISION, completions BIGINT) ON COMMIT DROP
                """, logger)

            // The file is parsed on its own thread while this one checks rows and streams them to the server.
            var index = 0
            var sources = Set<String>()
            var newPlans: [Plan] = []
            var newCreatives: [Creative] = []
            let pipe = RowPipe()
            pipe.start(rows)
            do {
                try await db.copyFrom(table: "import_rows", logger: logger) { writer in
                    while let chunk = try await pipe.next() {
                        var text = ""
                        for row in chunk {
                            index += 1
                            sources.insert(row.source)
                            let (plan, creative) = try catalog.admit(row, index: index)
                            if let plan { newPlans.append(plan) }
                            if let creative { newCreatives.append(creative) }
                            Self.appendCopyLine(&text, seq: index, row)
                        }
                        try await writer.write(ByteBuffer(string: text))
                    }
                }
            } catch {
                pipe.cancelAndWait()
                throw error
            }
            pipe.waitForProducer()
            for plan in newPlans { try await self.insert(db, plan) }
            for creative in newCreatives { try await self.insert(db, creative) }

            var counts = ImportCounts()
            counts.plansCreated = newPlans.count
            counts.creativesCreated = newCreatives.count
            // What SQLite's row-by-row upsert reports: a key's first row in the file is compared with the stored row,
            // each later row of the same key with the row before it.
            let tally = try await self.rows(db, """
                WITH r AS (
                    SELECT i.creative_id, i.date, i.hour, i.source,
                        ROW(i.impressions, i.clicks, i.views_3s, i.spend, i.orders, i.revenue, i.reach, i.frequency, i.completions) AS v,
                        LAG(ROW(i.impressions, i.clicks, i.views_3s, i.spend, i.orders, i.revenue, i.reach, i.frequency, i.completions)) OVER w AS previous,
                        ROW_NUMBER() OVER w AS n
                    FROM import_rows i WINDOW w AS (PARTITION BY i.creative_id, i.date, i.hour, i.source ORDER BY i.seq))
                SELECT COUNT(*) FILTER (WHERE r.n = 1 AND s.creative_id IS NULL),
                    COUNT(*) FILTER (WHERE (r.n = 1 AND s.creative_id IS NOT NULL
                            AND r.v IS DISTINCT FROM ROW(s.impressions, s.clicks, s.views_3s, s.spend, s.orders, s.revenue, s.reach, s.frequency, s.completions))
                        OR (r.n > 1 AND r.v IS DISTINCT FROM r.previous))
                FROM r LEFT JOIN stats s ON s.creative_id = r.creative_id AND s.date = r.date AND s.hour = r.hour AND s.source = r.source
                """)[0]
            counts.inserted = try tally[0].decode(Int.self)
            counts.updated = try tally[1].decode(Int.self)
            counts.skipped = index - counts.inserted - counts.updated
            // The last row of each key wins, as it would row by row.
            try await db.run(PostgresQuery(unsafeSQL: """
                INSERT INTO stats (\(StatsSQL.columns))
                SELECT DISTINCT ON (creative_id, date, hour, source) creative_id, date, hour, source, impressions, clicks, views_3s, spend, orders,
                    revenue, reach, frequency, completions, \(batchID)
                FROM import_rows ORDER BY creative_id, date, hour, source, seq DESC
                \(StatsSQL.onConflict)
                """), logger)
            // The format actually read (auto-detected), as the rows name their source.
            let format = sources.count == 1 ? sources.first! : batch.format
            try await db.run("""
                UPDATE import_batches SET format = \(format), rows_read = \(index), inserted = \(counts.inserted), updated = \(counts.updated),
                    skipped = \(counts.skipped) WHERE id = \(batchID)
                """, logger)
            return counts
        }
    }

    /// One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes.
    static func appendCopyLine(_ text: inout String, seq: Int, _ row: StatRow) {
        func field(_ value: String?) {
            guard let value else { text += "\\N\t"; return }
            for character in value.unicodeScalars {
                switch character {
                case "\\": text += "\\\\"
                case "\t": text += "\\t"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                default: text.unicodeScalars.append(character)
                }
            }
            text += "\t"
        }
        func number<T: LosslessStringConvertible>(_ value: T?) { text += value.map { "\($0)\t" } ?? "\\N\t" }
        let m = row.metrics
        number(seq)
        field(row.creativeID)
        field(row.date.description)
        number(row.hour ?? -1)
        field(row.source)
        number(m.impressions); number(m.clicks); number(m.views3s); number(m.spend); number(m.orders)
        number(m.revenue); number(m.reach); number(m.frequency); number(m.completions)
        text.removeLast()
        text += "\n"
    }
}

extension RowPipe {
    /// `take()` on a dispatch thread, so waiting for the parser never blocks Swift's cooperative pool.
    func next() async throws -> [StatRow]? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try self.take() }) }
        }
    }
}
