import Foundation
import PostgresNIO

/// The work queue in the shared PostgreSQL database, for workers on many machines. A claim locks its job row with
/// `FOR UPDATE SKIP LOCKED` (claimers never wait for each other's rows) and holds the lock of the job's recording and
/// output folder while it checks that no live job writes there. Leases, heartbeats and expiry behave as on SQLite.
extension PostgresStore: JobQueue {
    public func enqueue(_ specs: [JobSpec], force: Bool, at time: Date) async throws -> [EnqueueOutcome] {
        for spec in specs { try spec.validate() }
        let now = JobRecord.text(time)
        let encoded = try specs.map { (spec: $0, options: try JobRecord.json($0.options)) }
        // A unique-key race with another enqueue re-runs the transaction, which then finds the job as existing.
        return try await session.transaction { db in
            var outcomes: [EnqueueOutcome] = []
            for (spec, options) in encoded {
                if let row = try await self.rows(db, "SELECT id, state FROM jobs WHERE recording = \(spec.recording) AND output = \(spec.output) AND options = \(options)").first {
                    let id = Int64(try row["id"].decode(Int.self))
                    let state = JobState(rawValue: try row["state"].decode(String.self)) ?? .pending
                    guard force, state != .running else {
                        outcomes.append(EnqueueOutcome(jobID: id, recording: spec.recording, action: .existing, state: state))
                        continue
                    }
                    try await db.run("""
                        UPDATE jobs SET state = 'pending', force = 1, attempts = 0, max_attempts = \(spec.maxAttempts), worker = NULL, lease_token = NULL,
                            lease_expires_at = NULL, heartbeat_at = NULL, error = NULL, result = NULL, updated_at = \(now), started_at = NULL,
                            finished_at = NULL
                        WHERE id = \(Int(id))
                        """, self.session.logger)
                    outcomes.append(EnqueueOutcome(jobID: id, recording: spec.recording, action: .requeued, state: .pending))
                    continue
                }
                let id = try await self.rows(db, """
                    INSERT INTO jobs (recording, output, options, force, state, attempts, max_attempts, created_at, updated_at)
                    VALUES (\(spec.recording), \(spec.output), \(options), \(force ? 1 : 0), 'pending', 0, \(spec.maxAttempts), \(now), \(now)) RETURNING id
                    """)[0][0].decode(Int.self)
                outcomes.append(EnqueueOutcome(jobID: Int64(id), recording: spec.recording, action: .added, state: .pending))
            }
            return outcomes
        }
    }

    public func claim(worker: String, lease: TimeInterval, at time: Date) async throws -> ClaimedJob? {
        let now = JobRecord.text(time)
        let expiry = JobRecord.text(time.addingTimeInterval(lease))
        return try await session.transaction { db in
            var passed: [Int] = []
            while let row = try await self.rows(db, """
                SELECT * FROM jobs j WHERE (j.state = 'pending' OR (j.state = 'running' AND j.lease_expires_at < \(now)))
                    AND j.id <> ALL(\(passed)::bigint[])
                    AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.recording = j.recording AND r.output = j.output AND r.id <> j.id
                                    AND r.state = 'running' AND r.lease_expires_at >= \(now))
                ORDER BY j.id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).first {
                var job = try Self.job(row)
                // Another claimer may have taken a job of the same recording and folder since the check: look again
                // under that work's lock, which such a claimer holds until it commits.
                try await PostgresLocks.work(db, recording: job.recording, output: job.output, self.session.logger)
                let busy = try await self.rows(db, """
                    SELECT 1 FROM jobs WHERE recording = \(job.recording) AND output = \(job.output) AND id <> \(Int(job.id))
                        AND state = 'running' AND lease_expires_at >= \(now)
                    """)
                if !busy.isEmpty {
                    passed.append(Int(job.id))
                    continue
                }
                if job.state == .running {
                    job.error = JobRecord.expiredLease(worker: job.worker, expiry: job.leaseExpiresAt)
                }
                guard job.attempts < job.maxAttempts else {
                    try await db.run("""
                        UPDATE jobs SET state = 'failed', lease_token = NULL, lease_expires_at = NULL, error = \(job.error ?? "no attempts left"),
                            updated_at = \(now), finished_at = \(now)
                        WHERE id = \(Int(job.id))
                        """, self.session.logger)
                    continue
                }
                let token = UUID().uuidString
                let claimed = try await self.rows(db, """
                    UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = \(worker), lease_token = \(token), lease_expires_at = \(expiry),
                        heartbeat_at = \(now), error = \(job.error), updated_at = \(now), started_at = \(now)
                    WHERE id = \(Int(job.id)) RETURNING *
                    """)
                return ClaimedJob(job: try Self.job(claimed[0]), lease: JobLease(jobID: job.id, token: token))
            }
            return nil
        }
    }

    public func heartbeat(_ lease: JobLease, extendBy seconds: TimeInterval, at time: Date) async throws {
        try await changeLeased(lease, """
            UPDATE jobs SET lease_expires_at = \(JobRecord.text(time.addingTimeInterval(seconds))), heartbeat_at = \(JobRecord.text(time))
            WHERE id = \(Int(lease.jobID)) AND lease_token = \(lease.token) AND state = 'running' RETURNING state
            """)
    }

    public func complete(_ lease: JobLease, result: JobResult, at time: Date) async throws {
        let now = JobRecord.text(time)
        try await changeLeased(lease, """
            UPDATE jobs SET state = 'done', result = \(try JobRecord.json(result)), error = NULL, lease_token = NULL, lease_expires_at = NULL,
                updated_at = \(now), finished_at = \(now)
            WHERE id = \(Int(lease.jobID)) AND lease_token = \(lease.token) AND state = 'running' RETURNING state
            """)
    }

    public func fail(_ lease: JobLease, error: String, at time: Date) async throws -> JobState {
        let now = JobRecord.text(time)
        return try await changeLeased(lease, """
            UPDATE jobs SET state = CASE WHEN attempts < max_attempts THEN 'pending' ELSE 'failed' END,
                finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE \(now) END,
                error = \(error), lease_token = NULL, lease_expires_at = NULL, updated_at = \(now)
            WHERE id = \(Int(lease.jobID)) AND lease_token = \(lease.token) AND state = 'running' RETURNING state
            """)
    }

    public func counts() async throws -> JobCounts {
        try await session.transaction("READ ONLY") { db in
            var counts = JobCounts()
            for row in try await self.rows(db, "SELECT state, COUNT(*) FROM jobs GROUP BY state") {
                counts.add(try row[1].decode(Int.self), state: try row[0].decode(String.self))
            }
            return counts
        }
    }

    public func jobs(state: JobState?) async throws -> [Job] {
        try await session.transaction("READ ONLY") { db in
            try await self.rows(db, "SELECT * FROM jobs WHERE (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)) ORDER BY id").map(Self.job)
        }
    }

    public func retry(ids: [Int64]?, at time: Date) async throws -> Int {
        if ids?.isEmpty == true { return 0 }
        let idList = ids?.map { Int($0) }
        return try await session.transaction { db in
            try await self.rows(db, """
                UPDATE jobs SET state = 'pending', attempts = 0, worker = NULL, lease_token = NULL, lease_expires_at = NULL, heartbeat_at = NULL,
                    updated_at = \(JobRecord.text(time)), started_at = NULL, finished_at = NULL
                WHERE state = 'failed' AND (\(idList)::bigint[] IS NULL OR id = ANY(\(idList)::bigint[])) RETURNING id
                """).count
        }
    }

    /// Runs an `UPDATE … RETURNING state` guarded by the lease; no row means the lease is lost.
    @discardableResult
    private func changeLeased(_ lease: JobLease, _ query: PostgresQuery) async throws -> JobState {
        try await session.transaction { db in
            guard let row = try await self.rows(db, query).first else { throw LeaseLostError(jobID: lease.jobID) }
            return JobState(rawValue: try row[0].decode(String.self)) ?? .failed
        }
    }

    static func job(_ row: PostgresRandomAccessRow) throws -> Job {
        let id = Int64(try row["id"].decode(Int.self))
        func text(_ name: String) throws -> String? { try row[name].decode(String?.self) }
        return Job(id: id, recording: try row["recording"].decode(String.self), output: try row["output"].decode(String.self),
                   options: try JobRecord.decode(ExtractOptions.self, try row["options"].decode(String.self), job: id),
                   force: try row["force"].decode(Int.self) != 0, state: JobState(rawValue: try row["state"].decode(String.self)) ?? .pending,
                   attempts: try row["attempts"].decode(Int.self), maxAttempts: try row["max_attempts"].decode(Int.self),
                   worker: try text("worker"), leaseExpiresAt: JobRecord.date(try text("lease_expires_at")), heartbeatAt: JobRecord.date(try text("heartbeat_at")),
                   error: try text("error"), result: try text("result").map { try JobRecord.decode(JobResult.self, $0, job: id) },
                   createdAt: JobRecord.date(try text("created_at")) ?? Date(timeIntervalSince1970: 0),
                   startedAt: JobRecord.date(try text("started_at")), finishedAt: JobRecord.date(try text("finished_at")))
    }
}
