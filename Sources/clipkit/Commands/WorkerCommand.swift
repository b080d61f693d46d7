import ArgumentParser
import ClipStore
import Foundation

/// `clipkit worker`: takes extraction jobs from the queue and runs them until stopped.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Claim queued extraction jobs and run them (see `clipkit queue`).",
        discussion: """
        Each job runs exactly as `clipkit extract RECORDING --out DIR [options]` would. A claimed job is leased for
        --lease seconds and the lease is renewed every third of that while the job runs; a worker that dies stops
        renewing, and after the lease expires another worker takes the job over (temporary files of the dead one are
        removed; finished clips were written under temporary names and renamed, so none is half written).
        SIGTERM or SIGINT: finish the jobs in hand, then exit 0.

        Exit codes: 0 stopped or (--once) the queue is empty, 1 the store failed, 3 an attempt failed or lost its
        lease (see `clipkit queue status`).

        Examples:
          clipkit worker --concurrency 2
          clipkit worker --once --lease 120
        """
    )

    @Option(name: .long, help: "Jobs worked on at once.")
    var concurrency = 1

    @Flag(name: .long, help: "Exit once no job is pending or running (a dead worker's job is taken over when its lease expires) instead of waiting for more.")
    var once = false

    @Option(name: .long, help: "Lease length in seconds: a job whose worker stops heartbeating is taken over after it.")
    var lease: Double = 60

    @Option(name: .long, help: "Seconds between looks at an empty queue.")
    var poll: Double = 5

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard lease >= 1 else { throw ValidationError("--lease must be at least 1 second") }
        guard poll > 0 else { throw ValidationError("--poll must be positive") }
    }

    func run() async throws {
        let queue = try await store.openQueue()
        let stop = StopSignal.install { signal in
            Terminal.writeError("clipkit worker: \(signal): finishing the jobs in hand, then stopping")
        }
        let host = Self.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let problems = try await withThrowingTaskGroup(of: Int.self) { group in
            for slot in 1...concurrency {
                let name = concurrency == 1 ? "\(host):\(pid)" : "\(host):\(pid)/\(slot)"
                let worker = QueueWorker(queue: queue, name: name, lease: lease, once: once, poll: poll, stop: stop)
                group.addTask { try await worker.run() }
            }
            return try await group.reduce(0, +)
        }
        if problems > 0 { throw ExitCode(ExitStatus.needsAttention) }
    }

    private static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(cString: buffer)
    }
}
