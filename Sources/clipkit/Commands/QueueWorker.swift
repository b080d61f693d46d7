import ClipHighlights
import ClipStore
import Foundation

/// One worker slot: claims a job, extracts it through the same flow as `clipkit extract` on its own thread while
/// heartbeats keep the lease, and records the result or the error — until the queue has nothing pending or running
/// (`once`) or a stop is requested. Prints one line per job.
struct QueueWorker: Sendable {
    let queue: JobQueue
    let name: String
    /// Lease length in seconds; heartbeats every third of it.
    let lease: TimeInterval
    let once: Bool
    /// Seconds between looks at an empty queue.
    let poll: TimeInterval
    let stop: StopSignal

    /// Runs until done; returns how many jobs ended in an error (or a lost lease).
    func run() async throws -> Int {
        var problems = 0
        while !stop.requested {
            guard let claim = try await queue.claim(worker: name, lease: lease, at: Date()) else {
                // --once stops when nothing is pending or running: a running job may still be left by a dead worker.
                if once, try await queue.counts().isDrained { break }
                await stop.sleep(poll)
                continue
            }
            if try await !process(claim) { problems += 1 }
        }
        return problems
    }

    /// Works on one claimed job; true when it ended done.
    private func process(_ claim: ClaimedJob) async throws -> Bool {
        let job = claim.job
        let heartbeat = Task { [queue, lease] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(lease / 3 * 1e9))
                if Task.isCancelled { return }
                do {
                    try await queue.heartbeat(claim.lease, extendBy: lease, at: Date())
                } catch let lost as LeaseLostError {
                    Terminal.writeError("clipkit worker: \(lost)")
                    return
                } catch {
                    Terminal.writeError("clipkit worker: job \(job.id): heartbeat failed, retrying: \(error)")
                }
            }
        }
        let started = Date()
        let outcome = await Self.onThread { try Self.extract(job) }
        heartbeat.cancel()
        do {
            switch outcome {
            case let .success(outcome):
                let entry = outcome.entry
                let result = JobResult(manifest: (job.output as NSString).appendingPathComponent("manifest.json"),
                                       clips: entry.clips.compactMap(\.file), exports: entry.exports + [entry.contactSheet].compactMap { $0 },
                                       skipped: outcome.skipped, seconds: Date().timeIntervalSince(started))
                try await queue.complete(claim.lease, result: result, at: Date())
                let what = outcome.skipped ? "already extracted" : "\(result.clips.count) clip\(result.clips.count == 1 ? "" : "s")"
                Terminal.write("job \(job.id) done  \(job.recording)  \(what) in \(job.output) (\(String(format: "%.1f", result.seconds)) s)\n")
                return true
            case let .failure(error):
                let state = try await queue.fail(claim.lease, error: "\(error)", at: Date())
                let next = state == .failed ? "given up" : "will retry"
                Terminal.writeError("clipkit worker: job \(job.id) attempt \(job.attempts)/\(job.maxAttempts) failed (\(next)): \(error)")
                return false
            }
        } catch let lost as LeaseLostError {
            Terminal.writeError("clipkit worker: \(lost)")
            return false
        }
    }

    /// The job's extraction, as `clipkit extract RECORDING --out OUTPUT [options]` runs it. Temporary files a killed
    /// worker left for this recording go first: this worker holds the lease, so nobody else writes them.
    private static func extract(_ job: Job) throws -> ExtractionOutcome {
        let extraction = try RecordingExtraction(options: job.options, output: job.output, force: job.force)
        extraction.removeLeftovers(recording: job.recording)
        return try extraction.run(recording: job.recording)
    }

    /// Runs blocking work on its own thread, so that heartbeats and other slots keep running meanwhile.
    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result { try work() }) }
            thread.stackSize = 1 << 23
            thread.start()
        }
    }
}

private extension JobCounts {
    var isDrained: Bool { pending == 0 && running == 0 }
}
