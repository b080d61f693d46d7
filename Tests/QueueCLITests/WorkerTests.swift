import Foundation
import Testing
import TestSupport

/// `clipkit queue` and `clipkit worker` as an operator runs them: real processes on one store, short generated
/// recordings cut in copy mode. Several workers, one SIGKILLed in the middle of a job; a stop signal; failing jobs.
/// The queue is read only through `clipkit queue status --json`, so each test runs on every `StoreBackend` (SQLite,
/// and a fresh PostgreSQL database when the test server is configured).
@Suite(.serialized) struct WorkerTests {
    @Test(arguments: StoreBackend.testable)
    func threeWorkersOneKilledMidJobEveryJobDoneExactlyOnce(backend: StoreBackend) async throws {
        try await QueueScenario.run("queue-workers", on: backend) { scenario in
            let recordings = try scenario.recordings(20)
            let added = try scenario.queue(recordings)
            #expect(added.status == 0, "\(added.stderr)")
            let again = try scenario.queue([recordings[0]])
            #expect(again.status == 0 && again.stdout.contains("already pending"), "\(again.stdout)")

            let lease = 3.0
            let workers = try (0..<3).map { _ in try scenario.worker(["worker", "--once", "--lease", "\(lease)", "--poll", "0.3"]) }
            let victim = workers[0]
            let killed = try Self.killMidJob(victim, in: scenario)
            for worker in workers.dropFirst() {
                let status = try worker.wait(timeout: 300).status
                #expect(status == 0, "\(worker.stderr)")
            }

            // Every job done, once: one "done" line per job over all workers, the killed worker's job by another
            // worker after its lease expired.
            let status = try scenario.status()
            #expect(status.counts == ["pending": 0, "running": 0, "done": 20, "failed": 0])
            let doneLines = workers.flatMap { $0.stdout.split(separator: "\n") }.filter { $0.hasPrefix("job ") && $0.contains(" done ") }
            let doneIDs = doneLines.map { $0.split(separator: " ")[1] }
            #expect(doneIDs.count == 20 && Set(doneIDs).count == 20, "\(doneLines)")
            let retaken = try #require(status.jobs.first { $0["id"] as? Int == killed.job })
            #expect(retaken["attempts"] as? Int == 2 && retaken["worker"] as? String != killed.worker, "\(retaken)")
            let takenOver = retaken["startedAt"] as? String ?? ""
            #expect(takenOver >= killed.leaseExpiry, "job \(killed.job) was taken over at \(takenOver), before its lease ended at \(killed.leaseExpiry)")

            // The folder: a clip per recording, named per job, each whole; no duplicate, no temporary file.
            let out = scenario.out
            let manifest = try Self.manifest(out)
            #expect(manifest.count == 20)
            let listed = manifest.values.flatMap { $0 }.sorted()
            let expected = (1...20).map { String(format: "room-%02d-01.mp4", $0) }
            #expect(listed == expected.sorted())
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
            #expect(files.filter { $0.contains(".partial") }.isEmpty, "\(files)")
            #expect(files.filter { $0.hasSuffix(".mp4") }.sorted() == expected.sorted(), "\(files)")
            for file in expected {
                let decode = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-i", out.appendingPathComponent(file).path, "-f", "null", "-"])
                #expect(decode.status == 0 && decode.stderr.isEmpty, "\(file): \(decode.stderr)")
            }

            for job in status.jobs {
                let result = job["result"] as? [String: Any]
                let recording = URL(fileURLWithPath: job["recording"] as? String ?? "").standardizedFileURL.path
                #expect((result?["clips"] as? [String])?.sorted() == manifest[recording]?.sorted(), "\(job)")
            }
        }
    }

    @Test(arguments: StoreBackend.testable)
    func aStoppedWorkerFinishesItsJobAndClaimsNoMore(backend: StoreBackend) async throws {
        try await QueueScenario.run("queue-stop", on: backend) { scenario in
            let recordings = try scenario.recordings(3)
            #expect(try scenario.queue(recordings).status == 0)
            let worker = try scenario.worker(["worker", "--poll", "0.3"])
            let job = try Self.stopMidJob(worker, in: scenario)
            worker.signal(SIGTERM)
            worker.signal(SIGCONT)
            #expect(try worker.wait(timeout: 120).status == 0, "\(worker.stderr)")
            #expect(worker.stderr.contains("SIGTERM"))
            let states = try scenario.status().jobs.map { "\($0["id"] as? Int ?? 0)=\($0["state"] as? String ?? "")" }
            #expect(states.contains("\(job.job)=done"), "\(states)")
            #expect(states.filter { $0.hasSuffix("=pending") }.count == 3 - states.filter { $0.hasSuffix("=done") }.count, "\(states)")
            #expect(!states.contains { $0.hasSuffix("=running") }, "\(states)")
        }
    }

    @Test(arguments: StoreBackend.testable)
    func aTakenOverJobLosesTheDeadWorkersTemporaryFiles(backend: StoreBackend) async throws {
        try await QueueScenario.run("queue-leftovers", on: backend) { scenario in
            let out = scenario.out
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let recordings = try scenario.recordings(1)
            // What a worker killed while cutting and while saving the manifest leaves behind; another recording's file stays.
            let leftovers = [".room-01-02.partial-4242.mp4", ".manifest.json.partial-4242"]
            for name in leftovers + [".room-011-01.partial-4242.mp4"] {
                try Data("half".utf8).write(to: out.appendingPathComponent(name))
            }
            #expect(try scenario.queue(recordings).status == 0)
            let run = try scenario.clipkit(["worker", "--once"])
            #expect(run.status == 0, "\(run.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
            for name in leftovers { #expect(!files.contains(name), "\(files)") }
            #expect(files.contains(".room-011-01.partial-4242.mp4"), "another recording's file is not this job's to remove")
            #expect(files.contains("room-01-01.mp4"))
        }
    }

    @Test(arguments: StoreBackend.testable)
    func failingJobsAreRetriedThenGivenUpWithTheirError(backend: StoreBackend) async throws {
        try await QueueScenario.run("queue-fail", on: backend) { scenario in
            let broken = scenario.folder.appendingPathComponent("broken.mp4")
            try Data("not a recording".utf8).write(to: broken)
            let add = try scenario.queue([broken.path], ["--max-attempts", "2"])
            #expect(add.status == 0, "\(add.stderr)")
            let missing = try scenario.clipkit(["queue", "add", scenario.folder.appendingPathComponent("nope.mp4").path, "--out", "clips"])
            #expect(missing.status == 1 && missing.stderr.contains("nope.mp4: no such file"), "\(missing.stderr)")

            let run = try scenario.clipkit(["worker", "--once"])
            #expect(run.status == 3, "\(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains("attempt 1/2 failed (will retry)") && run.stderr.contains("attempt 2/2 failed (given up)"), "\(run.stderr)")
            let status = try scenario.clipkit(["queue", "status"])
            #expect(status.stdout.hasPrefix("pending 0  running 0  done 0  failed 1"), "\(status.stdout)")
            #expect(status.stdout.contains("broken.mp4"))
            let error = try scenario.status().jobs.first?["error"] as? String ?? ""
            #expect(error.contains(broken.path) && !error.contains("\n"), "one line naming the file: \(error)")

            #expect(try scenario.clipkit(["queue", "retry"]).status == 2)
            let retry = try scenario.clipkit(["queue", "retry", "--failed"])
            #expect(retry.stdout.hasPrefix("1 failed job back to pending"), "\(retry.stdout)")
            let retried = try scenario.status().jobs.map { "\($0["state"] as? String ?? "") \($0["attempts"] as? Int ?? -1)" }
            #expect(retried == ["pending 0"])
        }
    }

    // MARK: - Helpers

    /// What was known about the job a worker was killed in.
    struct Killed {
        let job: Int
        let worker: String
        let leaseExpiry: String
    }

    /// Freezes the worker (SIGSTOP) at a moment it holds a job; returns that job, the worker's name and its lease end.
    static func stopMidJob(_ worker: RunningProgram, in scenario: QueueScenario) throws -> Killed {
        let pid = worker.pid
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            usleep(useconds_t(50_000 + Int.random(in: 0..<150_000)))
            worker.signal(SIGSTOP)
            // Frozen in the middle of a database write, the worker can make a reader fail (SQLite: SQLITE_PROTOCOL): try again later.
            let held = (try? scenario.status())?.jobs.first { job in
                job["state"] as? String == "running" && (job["worker"] as? String)?.hasSuffix(":\(pid)") == true
            }
            if let held, let id = held["id"] as? Int, let name = held["worker"] as? String, let expiry = held["leaseExpiresAt"] as? String {
                return Killed(job: id, worker: name, leaseExpiry: expiry)
            }
            worker.signal(SIGCONT)
            guard worker.isRunning else { break }
        }
        throw FixtureError("worker \(pid) was never seen holding a job: \(worker.stderr)")
    }

    /// SIGKILLs the worker while it holds a job.
    static func killMidJob(_ worker: RunningProgram, in scenario: QueueScenario) throws -> Killed {
        let killed = try stopMidJob(worker, in: scenario)
        worker.signal(SIGKILL)
        _ = try worker.wait(timeout: 30)
        return killed
    }

    /// Recording path → clip files, from the folder's manifest.
    static func manifest(_ folder: URL) throws -> [String: [String]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let recordings = try #require(object["recordings"] as? [[String: Any]])
        var clips: [String: [String]] = [:]
        for recording in recordings {
            clips[recording["source"] as? String ?? ""] = (recording["clips"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        }
        return clips
    }
}
