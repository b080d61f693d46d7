import Foundation
import GRDB

/// The work queue in the store's SQLite file. Claims run in `BEGIN IMMEDIATE` transactions, so processes on one
/// machine take jobs one at a time from the database itself.
extension SQLiteStore: JobQueue {
    public func enqueue(_ specs: [JobSpec], force: Bool, at time: Date) async throws -> [EnqueueOutcome] {
        for spec in specs { try spec.validate() }
        let now = JobRecord.text(time)
        let encoded = try specs.map { (spec: $0, options: try JobRecord.json($0.options)) }
        return try await write { db in
            try encoded.map { spec, options in
                let key: StatementArguments = [spec.recording, spec.output, options]
                if let row = try Row.fetchOne(db, sql: "SELECT id, state FROM jobs WHERE recording = ? AND output = ? AND options = ?", arguments: key) {
                    let id: Int64 = row["id"]
                    let state = JobState(rawValue: row["state"]) ?? .pending
                    guard force, state != .running else {
                        return EnqueueOutcome(jobID: id, recording: spec.recording, action: .existing, state: state)
                    }
                    try db.execute(sql: """
                        UPDATE jobs SET state = 'pending', force = 1, attempts = 0, max_attempts = ?, worker = NULL, lease_token = NULL,
                            lease_expires_at = NULL, heartbeat_at = NULL, error = NULL, result = NULL, updated_at = ?, started_at = NULL,
                            finished_at = NULL
                        WHERE id = ?
                        """, arguments: [spec.maxAttempts, now, id])
                    return EnqueueOutcome(jobID: id, recording: spec.recording, action: .requeued, state: .pending)
                }
                try db.execute(sql: """
                    INSERT INTO jobs (recording, output, options, force, state, attempts, max_attempts, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                    """, arguments: [spec.recording, spec.output, options, force, spec.maxAttempts, now, now])
                return EnqueueOutcome(jobID: db.lastInsertedRowID, recording: spec.recording, action: .added, state: .pending)
            }
        }
    }

    public func claim(worker: String, lease: TimeInterval, at time: Date) async throws -> ClaimedJob? {
        let now = JobRecord.text(time)
        let expiry = JobRecord.text(time.addingTimeInterval(lease))
        return try await write { db in
            while let row = try Row.fetchOne(db, sql: """
                SELECT * FROM jobs j WHERE (j.state = 'pending' OR (j.state = 'running' AND j.lease_expires_at < ?))
                    AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.recording = j.recording AND r.output = j.output AND r.id <> j.id
                                    AND r.state = 'running' AND r.lease_expires_at >= ?)
                ORDER BY j.id LIMIT 1
                """, arguments: [now, now]) {
                var job = try Self.job(row)
                if job.state == .running {
                    job.error = JobRecord.expiredLease(worker: job.worker, expiry: job.leaseExpiresAt)
                }
                guard job.attempts < job.maxAttempts else {
                    try db.execute(sql: """
                        UPDATE jobs SET state = 'failed', lease_token = NULL, lease_expires_at = NULL, error = ?, updated_at = ?, finished_at = ?
                        WHERE id = ?
                        """, arguments: [job.error ?? "no attempts left", now, now, job.id])
                    continue
                }
                let token = UUID().uuidString
                try db.execute(sql: """
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?, lease_token = ?, lease_expires_at = ?,
                        heartbeat_at = ?, error = ?, updated_at = ?, started_at = ?
                    WHERE id = ?
                    """, arguments: [worker, token, expiry, now, job.error, now, now, job.id])
                guard let claimed = try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [job.id]) else { return nil }
                return ClaimedJob(job: try Self.job(claimed), lease: JobLease(jobID: job.id, token: token))
            }
            return nil
        }
    }

    public func heartbeat(_ lease: JobLease, extendBy seconds: TimeInterval, at time: Date) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE jobs SET lease_expires_at = ?, heartbeat_at = ? WHERE id = ? AND lease_token = ? AND state = 'running'",
                           arguments: [JobRecord.text(time.addingTimeInterval(seconds)), JobRecord.text(time), lease.jobID, lease.token])
            guard db.changesCount == 1 else { throw LeaseLostError(jobID: lease.jobID) }
        }
    }

    public func complete(_ lease: JobLease, result: JobResult, at time: Date) async throws {
        let now = JobRecord.text(time)
        let resultJSON = try JobRecord.json(result)
        try await write { db in
            try db.execute(sql: """
                UPDATE jobs SET state = 'done', result = ?, error = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = ?, finished_at = ?
                WHERE id = ? AND lease_token = ? AND state = 'running'
                """, arguments: [resultJSON, now, now, lease.jobID, lease.token])
            guard db.changesCount == 1 else { throw LeaseLostError(jobID: lease.jobID) }
        }
    }

    public func fail(_ lease: JobLease, error: String, at time: Date) async throws -> JobState {
        let now = JobRecord.text(time)
        return try await write { db in
            try db.execute(sql: """
                UPDATE jobs SET state = CASE WHEN attempts < max_attempts THEN 'pending' ELSE 'failed' END,
                    finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE ? END,
                    error = ?, lease_token = NULL, lease_expires_at = NULL, updated_at = ?
                WHERE id = ? AND lease_token = ? AND state = 'running'
                """, arguments: [now, error, now, lease.jobID, lease.token])
            guard db.changesCount == 1 else { throw LeaseLostError(jobID: lease.jobID) }
            let state = try String.fetchOne(db, sql: "SELECT state FROM jobs WHERE id = ?", arguments: [lease.jobID])
            return state.flatMap(JobState.init(rawValue:)) ?? .failed
        }
    }

    public func counts() async throws -> JobCounts {
        try await queue.read { db in
            var counts = JobCounts()
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM jobs GROUP BY state") {
                counts.add(row[1], state: row[0])
            }
            return counts
        }
    }

    public func jobs(state: JobState?) async throws -> [Job] {
        try await queue.read { db in
            let filter = state == nil ? "" : "WHERE state = ?"
            return try Row.fetchAll(db, sql: "SELECT * FROM jobs \(filter) ORDER BY id", arguments: StatementArguments([state?.rawValue].compactMap { $0 }))
                .map(Self.job)
        }
    }

    public func retry(ids: [Int64]?, at time: Date) async throws -> Int {
        if ids?.isEmpty == true { return 0 }
        return try await write { db in
            var sql = """
                UPDATE jobs SET state = 'pending', attempts = 0, worker = NULL, lease_token = NULL, lease_expires_at = NULL, heartbeat_at = NULL,
                    updated_at = ?, started_at = NULL, finished_at = NULL
                WHERE state = 'failed'
                """
            var arguments: StatementArguments = [JobRecord.text(time)]
            if let ids {
                sql += " AND id IN (\(databaseQuestionMarks(count: ids.count)))"
                arguments += StatementArguments(ids)
            }
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
    }

    static func job(_ row: Row) throws -> Job {
        let id: Int64 = row["id"]
        return Job(id: id, recording: row["recording"], output: row["output"],
                   options: try JobRecord.decode(ExtractOptions.self, row["options"], job: id), force: row["force"],
                   state: JobState(rawValue: row["state"]) ?? .pending, attempts: row["attempts"], maxAttempts: row["max_attempts"],
                   worker: row["worker"], leaseExpiresAt: JobRecord.date(row["lease_expires_at"]), heartbeatAt: JobRecord.date(row["heartbeat_at"]),
                   error: row["error"], result: try (row["result"] as String?).map { try JobRecord.decode(JobResult.self, $0, job: id) },
                   createdAt: JobRecord.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
                   startedAt: JobRecord.date(row["started_at"]), finishedAt: JobRecord.date(row["finished_at"]))
    }
}
