import ClipStore
import Foundation
import Testing
import TestSupport

/// The queue contract: enqueue all or none without duplicates, claims oldest first and never twice, leases that
/// heartbeats keep and expiry hands to another worker, attempts, and only the current lease finishing a job.
@Suite struct JobQueueTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    func spec(_ name: String, maxAttempts: Int = 3, mode: String = "copy") -> JobSpec {
        JobSpec(recording: "/rec/\(name).mp4", output: "/out", options: ExtractOptions(count: 2, mode: mode), maxAttempts: maxAttempts)
    }

    func result(_ name: String) -> JobResult {
        JobResult(manifest: "/out/manifest.json", clips: ["\(name)-01.mp4"], exports: [], skipped: false, seconds: 1.5)
    }

    /// Runs `body` with a new, empty queue on `backend` and a way to open further connections to it (other workers).
    func withQueue(_ backend: StoreBackend, _ body: (JobQueue, @escaping @Sendable () async throws -> JobQueue) async throws -> Void) async throws {
        try await TestDatabase.with(backend) { location in
            try await body(try await Stores.openQueue(location), { try await Stores.openQueue(location) })
        }
    }

    @Test(arguments: StoreBackend.testable)
    func enqueueIsAllOrNoneAndNeverDuplicates(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            let bad = JobSpec(recording: "relative.mp4", output: "/out", options: ExtractOptions())
            await #expect(throws: StoreError.self) { try await queue.enqueue([spec("a"), bad], force: false, at: start) }
            #expect(try await queue.jobs(state: nil).isEmpty, "nothing of a refused batch is queued")

            let first = try await queue.enqueue([spec("a"), spec("b")], force: false, at: start)
            #expect(first.map(\.action) == [.added, .added])
            let again = try await queue.enqueue([spec("a"), spec("a", mode: "exact")], force: false, at: start)
            #expect(again.map(\.action) == [.existing, .added], "other options are other work")
            #expect(again[0].jobID == first[0].jobID)
            #expect(try await queue.counts() == JobCounts(pending: 3))
        }
    }

    @Test(arguments: StoreBackend.testable)
    func claimsTakeTheOldestJobOnce(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            let ids = try await queue.enqueue([spec("a"), spec("b")], force: false, at: start).map(\.jobID)
            let one = try #require(try await queue.claim(worker: "w1", lease: 30, at: start))
            let two = try #require(try await queue.claim(worker: "w2", lease: 30, at: start))
            #expect([one.job.id, two.job.id] == ids)
            #expect(one.job.state == .running && one.job.attempts == 1 && one.job.worker == "w1")
            #expect(one.job.leaseExpiresAt == start.addingTimeInterval(30))
            #expect(try await queue.claim(worker: "w3", lease: 30, at: start.addingTimeInterval(29)) == nil, "both leases are live")

            try await queue.complete(one.lease, result: result("a"), at: start.addingTimeInterval(5))
            let done = try await queue.jobs(state: .done)
            #expect(done.map(\.id) == [one.job.id])
            #expect(done.first?.result == result("a"))
            #expect(done.first?.finishedAt == start.addingTimeInterval(5))
            await #expect(throws: LeaseLostError.self, "a done job is never completed twice") {
                try await queue.complete(one.lease, result: result("a"), at: start.addingTimeInterval(6))
            }
        }
    }

    @Test(arguments: StoreBackend.testable)
    func anExpiredLeaseGoesToAnotherWorkerAndTheOldHolderCannotFinish(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("a")], force: false, at: start)
            let first = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            // Heartbeats keep the lease: at 15 s the job is still w1's.
            try await queue.heartbeat(first.lease, extendBy: 10, at: start.addingTimeInterval(8))
            #expect(try await queue.claim(worker: "w2", lease: 10, at: start.addingTimeInterval(15)) == nil)
            // No heartbeat after 8 s: the lease ends at 18 s and w2 takes the job over.
            let second = try #require(try await queue.claim(worker: "w2", lease: 10, at: start.addingTimeInterval(18.5)))
            #expect(second.job.id == first.job.id && second.job.attempts == 2 && second.job.worker == "w2")
            #expect(second.lease != first.lease)
            #expect(second.job.error?.contains("worker w1 stopped heartbeating") == true, "\(second.job.error ?? "nil")")

            let late = start.addingTimeInterval(19)
            await #expect(throws: LeaseLostError.self) { try await queue.heartbeat(first.lease, extendBy: 10, at: late) }
            await #expect(throws: LeaseLostError.self) { try await queue.complete(first.lease, result: self.result("a"), at: late) }
            await #expect(throws: LeaseLostError.self) { _ = try await queue.fail(first.lease, error: "x", at: late) }
            #expect(try await queue.jobs(state: .running).map(\.worker) == ["w2"])

            try await queue.complete(second.lease, result: result("a"), at: late)
            let job = try #require(try await queue.jobs(state: nil).first)
            #expect(job.state == .done && job.attempts == 2 && job.error == nil)
        }
    }

    @Test(arguments: StoreBackend.testable)
    func aLateHeartbeatKeepsALeaseNobodyTook(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("a")], force: false, at: start)
            let claim = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            try await queue.heartbeat(claim.lease, extendBy: 10, at: start.addingTimeInterval(12))
            #expect(try await queue.claim(worker: "w2", lease: 10, at: start.addingTimeInterval(21)) == nil)
            try await queue.complete(claim.lease, result: result("a"), at: start.addingTimeInterval(21))
            #expect(try await queue.counts() == JobCounts(done: 1))
        }
    }

    @Test(arguments: StoreBackend.testable)
    func failuresRetryUntilTheAttemptsAreUsed(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("bad", maxAttempts: 2)], force: false, at: start)
            let first = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            #expect(try await queue.fail(first.lease, error: "/rec/bad.mp4: no video stream", at: start) == .pending)
            let second = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            #expect(second.job.attempts == 2 && second.job.error == "/rec/bad.mp4: no video stream")
            #expect(try await queue.fail(second.lease, error: "/rec/bad.mp4: still broken", at: start) == .failed)
            #expect(try await queue.claim(worker: "w1", lease: 10, at: start) == nil)
            let failed = try await queue.jobs(state: .failed)
            #expect(failed.map(\.error) == ["/rec/bad.mp4: still broken"])

            #expect(try await queue.retry(ids: nil, at: start) == 1)
            let again = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            #expect(again.job.attempts == 1, "a retried job has fresh attempts")
        }
    }

    @Test(arguments: StoreBackend.testable)
    func aJobWhoseWorkersKeepDyingFailsWithTheLastError(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("crash", maxAttempts: 2), spec("next")], force: false, at: start)
            _ = try #require(try await queue.claim(worker: "w1", lease: 5, at: start))
            _ = try #require(try await queue.claim(worker: "w2", lease: 5, at: start))  // "next"
            let retaken = try #require(try await queue.claim(worker: "w3", lease: 5, at: start.addingTimeInterval(6)))
            #expect(retaken.job.recording == "/rec/crash.mp4" && retaken.job.attempts == 2)
            // w3 dies too: the crash job has used its attempts, is failed, and the claim moves on to "next" (also expired).
            let moved = try #require(try await queue.claim(worker: "w4", lease: 5, at: start.addingTimeInterval(12)))
            #expect(moved.job.recording == "/rec/next.mp4")
            let failed = try await queue.jobs(state: .failed)
            #expect(failed.map(\.recording) == ["/rec/crash.mp4"])
            #expect(failed.first?.error?.contains("worker w3 stopped heartbeating") == true)
            #expect(failed.first?.attempts == 2)
        }
    }

    @Test(arguments: StoreBackend.testable)
    func aForcedEnqueueRequeuesFinishedWorkButNotRunningWork(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("a"), spec("b")], force: false, at: start)
            let a = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            try await queue.complete(a.lease, result: result("a"), at: start)
            _ = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))  // b runs
            let outcomes = try await queue.enqueue([spec("a"), spec("b")], force: true, at: start)
            #expect(outcomes.map(\.action) == [.requeued, .existing])
            #expect(outcomes.map(\.state) == [.pending, .running])
            let requeued = try #require(try await queue.jobs(state: .pending).first)
            #expect(requeued.recording == "/rec/a.mp4" && requeued.force && requeued.attempts == 0 && requeued.result == nil)
            #expect(try await queue.jobs(state: nil).count == 2)
        }
    }

    @Test(arguments: StoreBackend.testable)
    func retryTakesOnlyTheNamedFailedJobs(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            let ids = try await queue.enqueue([spec("a", maxAttempts: 1), spec("b", maxAttempts: 1), spec("c")], force: false, at: start).map(\.jobID)
            for _ in 0..<2 {
                let claim = try #require(try await queue.claim(worker: "w", lease: 10, at: start))
                _ = try await queue.fail(claim.lease, error: "broken", at: start)
            }
            #expect(try await queue.counts() == JobCounts(pending: 1, failed: 2))
            #expect(try await queue.retry(ids: [ids[1], ids[2]], at: start) == 1, "c is pending, not failed")
            #expect(try await queue.jobs(state: .failed).map(\.id) == [ids[0]])
            #expect(try await queue.retry(ids: [], at: start) == 0)
        }
    }

    @Test(arguments: StoreBackend.testable)
    func jobsOfOneRecordingAndFolderNeverRunAtOnce(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, _ in
            _ = try await queue.enqueue([spec("a"), spec("a", mode: "exact"), spec("b")], force: false, at: start)
            let first = try #require(try await queue.claim(worker: "w1", lease: 10, at: start))
            let second = try #require(try await queue.claim(worker: "w2", lease: 10, at: start))
            #expect(second.job.recording == "/rec/b.mp4", "the exact-mode job of a.mp4 waits: it writes the same clip names")
            #expect(try await queue.claim(worker: "w3", lease: 10, at: start) == nil)
            try await queue.complete(first.lease, result: result("a"), at: start)
            let third = try #require(try await queue.claim(worker: "w3", lease: 10, at: start))
            #expect(third.job.recording == "/rec/a.mp4" && third.job.options.mode == "exact")
        }
    }

    @Test(arguments: StoreBackend.testable)
    func concurrentWorkersNeverShareAJob(backend: StoreBackend) async throws {
        try await withQueue(backend) { queue, connect in
            let count = 60
            _ = try await queue.enqueue((0..<count).map { spec("r\($0)") }, force: false, at: start)
            var workers: [JobQueue] = []
            for _ in 0..<4 { workers.append(try await connect()) }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (index, worker) in workers.enumerated() {
                    group.addTask {
                        var mine: [Int64] = []
                        while let claim = try await worker.claim(worker: "w\(index)", lease: 60, at: self.start) {
                            mine.append(claim.job.id)
                            try await worker.complete(claim.lease, result: self.result("r"), at: self.start)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == count)
            #expect(Set(claimed).count == count)
            #expect(try await queue.counts() == JobCounts(done: count))
        }
    }
}
