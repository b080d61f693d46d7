import ArgumentParser
import ClipStore
import Foundation

/// `clipkit queue`: extraction jobs for `clipkit worker` processes on one or many machines.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Queue recordings for extraction by workers, and see how the work goes.",
        discussion: """
        Jobs live in the store (--db / CLIPKIT_DB); `clipkit worker` processes claim them. A recording already queued
        with the same output folder and options is not queued twice (--force queues it again and extracts it anew).

        Examples:
          clipkit queue add /srv/live/*.flv --out /srv/clips --count 5 --mode copy
          clipkit queue status
          clipkit queue retry --failed
        """,
        subcommands: [Add.self, Status.self, Retry.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue recordings for extraction (all or none).",
            discussion: "Example: clipkit queue add live-1118.flv --out clips/ --events room-1118.csv --mode encode --preset douyin-9x16"
        )

        @Argument(help: "Recordings (MP4/MOV, FLV, MPEG-TS, MKV).")
        var recordings: [String]

        @Option(name: .long, help: "Output folder (created by the worker if missing).")
        var out: String

        @OptionGroup var flags: ExtractFlags

        @Option(name: .customLong("max-attempts"), help: "Claims before a job that keeps failing is given up.")
        var maxAttempts = 3

        @Flag(name: .long, help: "Queue again work that is already queued, done or failed, and extract it anew.")
        var force = false

        @Flag(name: .long, help: "Print what was queued as JSON.")
        var json = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            try flags.validate(recordings: recordings.count)
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        }

        func run() async throws {
            let output = ExtractOptions.absolute(out)
            let specs = try recordings.indices.map { index -> JobSpec in
                let recording = ExtractOptions.absolute(recordings[index])
                let options = flags.options(recording: index).portable()
                for file in [recording, options.events, options.transcript].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: file) {
                    throw MissingFile(path: file)
                }
                // Presets and keyword lists are read now, so that a typo fails here rather than in every worker.
                _ = try ExtractionSetup(options: options, output: output, dryRun: true, force: force).request()
                return JobSpec(recording: recording, output: output, options: options, maxAttempts: maxAttempts)
            }
            let outcomes = try await store.openQueue().enqueue(specs, force: force, at: Date())
            if json { try JSONOutput.print(outcomes); return }
            for outcome in outcomes {
                switch outcome.action {
                case .added: Terminal.write("queued     job \(outcome.jobID)  \(outcome.recording)\n")
                case .requeued: Terminal.write("requeued   job \(outcome.jobID)  \(outcome.recording)\n")
                case .existing: Terminal.write("already \(outcome.state.rawValue) job \(outcome.jobID)  \(outcome.recording) (--force queues it again)\n")
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Jobs per state, and each job with its attempts, worker and error.",
            discussion: "Example: clipkit queue status --state failed"
        )

        @Option(name: .long, help: "Only jobs in this state: pending, running, done, failed.")
        var state: JobState?

        @Flag(name: .long, help: "Print {counts, jobs} as JSON.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let queue = try await store.openQueue()
            let status = QueueStatus(counts: try await queue.counts(), jobs: try await queue.jobs(state: state))
            if json { try JSONOutput.print(status); return }
            Terminal.write(status.text())
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put failed jobs back in the queue with fresh attempts.",
            discussion: "Examples: clipkit queue retry --failed; clipkit queue retry 12 15"
        )

        @Argument(help: "Failed jobs to retry, by id.")
        var ids: [Int64] = []

        @Flag(name: .long, help: "Retry every failed job.")
        var failed = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard failed != !ids.isEmpty else { throw ValidationError("name failed jobs by id, or give --failed for all of them") }
        }

        func run() async throws {
            let count = try await store.openQueue().retry(ids: failed ? nil : ids, at: Date())
            Terminal.write("\(count) failed job\(count == 1 ? "" : "s") back to pending\n")
        }
    }
}

extension JobState: ExpressibleByArgument {}

/// A recording, events or transcript file `queue add` cannot find: nothing is queued.
struct MissingFile: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path): no such file; nothing queued" }
}
