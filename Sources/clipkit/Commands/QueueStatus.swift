import ClipStore
import Foundation

/// What `clipkit queue status` prints: jobs per state, then one row per job.
struct QueueStatus: Encodable {
    let counts: JobCounts
    let jobs: [Job]

    func text() -> String {
        var out = JobState.allCases.map { state in
            let count: Int
            switch state {
            case .pending: count = counts.pending
            case .running: count = counts.running
            case .done: count = counts.done
            case .failed: count = counts.failed
            }
            return "\(state.rawValue) \(count)"
        }.joined(separator: "  ") + "\n"
        guard !jobs.isEmpty else { return out }
        var table = Table(["id", "state", "tries", "worker", "recording", "clips", "error"],
                          alignments: [.right, .left, .right, .left, .left, .right, .left])
        for job in jobs {
            table.add(["\(job.id)", job.state.rawValue, "\(job.attempts)/\(job.maxAttempts)", job.worker ?? "-",
                       URL(fileURLWithPath: job.recording).lastPathComponent, job.result.map { "\($0.clips.count)" } ?? "-",
                       job.error ?? ""])
        }
        out += "\n" + table.render()
        return out
    }
}
