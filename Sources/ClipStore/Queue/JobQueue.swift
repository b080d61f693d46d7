import Foundation

/// The extraction work queue: jobs (one recording into one output folder with its options) that workers on one or
/// many machines claim under a lease, keep alive with heartbeats, and finish with a result or an error.
/// Every method is one transaction. Implementations: SQLite (`SQLiteStore`, same file as the rotation store) and
/// PostgreSQL (claims with `FOR UPDATE SKIP LOCKED`); both must pass the queue test suite.
///
/// Exactly once: only the holder of a job's current lease token may heartbeat, complete or fail it. A worker whose
/// lease expired and was claimed by another worker gets `LeaseLostError` and must drop its work.
public protocol JobQueue: Sendable {
    /// Adds jobs all or none. A spec whose recording, output folder and options match a job already in the queue
    /// (any state) is not added again but reported as `existing`; with `force`, such a job that is not running is
    /// reset to pending with fresh attempts and extracts again even where the folder already has it (`requeued`).
    func enqueue(_ specs: [JobSpec], force: Bool, at time: Date) async throws -> [EnqueueOutcome]

    /// Atomically takes the oldest job that is pending, or running with a lease that expired before `time`: it becomes
    /// running for `worker` with a new lease token valid for `lease` seconds, attempts + 1. A candidate that has
    /// used all its attempts is marked failed instead (keeping its last error) and the next one is tried.
    /// A job is not handed out while another job of the same recording and output folder runs under a live lease
    /// (they write the same clip names). Nil when no job is claimable.
    func claim(worker: String, lease: TimeInterval, at time: Date) async throws -> ClaimedJob?

    /// Extends the lease to `time + seconds` and records the heartbeat. Throws `LeaseLostError` when `lease` is no
    /// longer the job's current lease (another worker claimed it, or it was finished).
    func heartbeat(_ lease: JobLease, extendBy seconds: TimeInterval, at time: Date) async throws

    /// Marks the job done with its result. Throws `LeaseLostError` unless `lease` is the job's current lease.
    func complete(_ lease: JobLease, result: JobResult, at time: Date) async throws

    /// Records `error` (one line naming the file); the job goes back to pending while it has attempts left, else it
    /// is failed. Returns the new state. Throws `LeaseLostError` unless `lease` is the job's current lease.
    func fail(_ lease: JobLease, error: String, at time: Date) async throws -> JobState

    /// How many jobs are in each state.
    func counts() async throws -> JobCounts

    /// Jobs in id order (oldest first), all or those in `state`.
    func jobs(state: JobState?) async throws -> [Job]

    /// Failed jobs (all of them, or those of `ids` that are failed) back to pending with fresh attempts. Returns how many.
    func retry(ids: [Int64]?, at time: Date) async throws -> Int
}

/// Where a job is: waiting, claimed by a worker, finished, or given up after its attempts.
public enum JobState: String, Codable, Sendable, CaseIterable {
    case pending, running, done, failed
}

/// What to enqueue: one recording, the folder its clips go to, and the extract options.
public struct JobSpec: Sendable, Hashable {
    /// Absolute path of the recording.
    public var recording: String
    /// Absolute path of the output folder.
    public var output: String
    public var options: ExtractOptions
    /// Claims after which a job that keeps failing (or whose workers keep dying) is marked failed.
    public var maxAttempts: Int

    public init(recording: String, output: String, options: ExtractOptions, maxAttempts: Int = 3) {
        self.recording = recording
        self.output = output
        self.options = options
        self.maxAttempts = maxAttempts
    }

    /// Checks what every store needs of a job before it is queued: absolute paths (workers may run elsewhere) and
    /// at least one attempt.
    func validate() throws {
        for (name, path) in [("recording", recording), ("output folder", output)] where !path.hasPrefix("/") {
            throw StoreError("\(path): the \(name) of a job must be an absolute path (workers may run elsewhere)")
        }
        guard maxAttempts >= 1 else { throw StoreError("\(recording): a job needs at least one attempt") }
    }
}

/// What `enqueue` did with one spec.
public struct EnqueueOutcome: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable {
        /// A new pending job.
        case added
        /// The same work is already queued, running, done or failed; nothing changed.
        case existing
        /// Forced: the existing job was reset to pending and will extract again.
        case requeued
    }

    public var jobID: Int64
    public var recording: String
    public var action: Action
    /// The job's state after the call.
    public var state: JobState

    public init(jobID: Int64, recording: String, action: Action, state: JobState) {
        self.jobID = jobID
        self.recording = recording
        self.action = action
        self.state = state
    }
}

/// One job as stored.
public struct Job: Sendable, Hashable, Codable {
    public var id: Int64
    public var recording: String
    public var output: String
    public var options: ExtractOptions
    /// Extract again even where the folder already has this recording with these options (set by a forced enqueue).
    public var force: Bool
    public var state: JobState
    public var attempts: Int
    public var maxAttempts: Int
    /// The worker of the last claim.
    public var worker: String?
    public var leaseExpiresAt: Date?
    public var heartbeatAt: Date?
    /// The last error (an extraction error, or a worker that stopped heartbeating); cleared when the job completes.
    public var error: String?
    public var result: JobResult?
    public var createdAt: Date
    /// When the last claim started.
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(id: Int64, recording: String, output: String, options: ExtractOptions, force: Bool, state: JobState,
                attempts: Int, maxAttempts: Int, worker: String?, leaseExpiresAt: Date?, heartbeatAt: Date?, error: String?,
                result: JobResult?, createdAt: Date, startedAt: Date?, finishedAt: Date?) {
        self.id = id
        self.recording = recording
        self.output = output
        self.options = options
        self.force = force
        self.state = state
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.worker = worker
        self.leaseExpiresAt = leaseExpiresAt
        self.heartbeatAt = heartbeatAt
        self.error = error
        self.result = result
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// The right to work on a claimed job: valid while `token` is the job's current lease token.
public struct JobLease: Sendable, Hashable, Codable {
    public var jobID: Int64
    public var token: String

    public init(jobID: Int64, token: String) {
        self.jobID = jobID
        self.token = token
    }
}

/// A job a worker claimed, with its lease.
public struct ClaimedJob: Sendable, Hashable {
    public var job: Job
    public var lease: JobLease

    public init(job: Job, lease: JobLease) {
        self.job = job
        self.lease = lease
    }
}

/// What a finished job produced.
public struct JobResult: Sendable, Hashable, Codable {
    /// Path of the folder's manifest.json.
    public var manifest: String
    /// Clip files written (names in the output folder), best first.
    public var clips: [String]
    /// Timelines and contact sheet written (names in the output folder).
    public var exports: [String]
    /// True when the folder already had this recording with these options (nothing was cut again).
    public var skipped: Bool
    /// Wall-clock seconds the extraction took.
    public var seconds: Double

    public init(manifest: String, clips: [String], exports: [String], skipped: Bool, seconds: Double) {
        self.manifest = manifest
        self.clips = clips
        self.exports = exports
        self.skipped = skipped
        self.seconds = seconds
    }
}

/// Jobs per state.
public struct JobCounts: Sendable, Hashable, Codable {
    public var pending = 0
    public var running = 0
    public var done = 0
    public var failed = 0

    public init(pending: Int = 0, running: Int = 0, done: Int = 0, failed: Int = 0) {
        self.pending = pending
        self.running = running
        self.done = done
        self.failed = failed
    }

    public var total: Int { pending + running + done + failed }

    /// Adds the count of one state, as a `SELECT state, COUNT(*) … GROUP BY state` row gives it; an unknown state
    /// (a newer clipkit's) is left out.
    mutating func add(_ count: Int, state: String) {
        switch JobState(rawValue: state) {
        case .pending: pending += count
        case .running: running += count
        case .done: done += count
        case .failed: failed += count
        case nil: break
        }
    }
}

/// The lease a worker holds is no longer the job's current one: another worker claimed the job after the lease
/// expired, or the job was finished or reset. The holder must drop its work without recording anything.
public struct LeaseLostError: Error, CustomStringConvertible, Sendable {
    public let jobID: Int64
    public init(jobID: Int64) { self.jobID = jobID }
    public var description: String { "job \(jobID): lease lost (the job was claimed by another worker or changed); result not recorded" }
}
