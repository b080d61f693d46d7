import Foundation
import TestSupport

/// The world of one queue test: a fresh store, a temporary folder for recordings and worker output, and the clip
/// folder `out` the queued jobs cut into. Runs `clipkit` against that store.
struct QueueScenario {
    let folder: URL
    let out: URL
    /// `CLIPKIT_DB` naming the scenario's store.
    let environment: [String: String]

    /// One clip per recording (clips keep 10 s apart by default), 1-2 s long, stream-copied.
    static let extractOptions = ["--count", "1", "--min-duration", "1", "--max-duration", "2", "--mode", "copy", "--no-hook"]

    /// Runs `body` in a new scenario on `backend`: a fresh database and a new temporary folder named after `label`.
    static func run(_ label: String, on backend: StoreBackend, _ body: (QueueScenario) throws -> Void) async throws {
        try await TestDatabase.with(backend) { db in
            let folder = try Fixtures.temporaryDirectory(label)
            try body(QueueScenario(folder: folder, out: folder.appendingPathComponent("clips"), environment: ["CLIPKIT_DB": db]))
        }
    }

    /// `clipkit` with `arguments`, on the scenario's store.
    func clipkit(_ arguments: [String]) throws -> ProcessResult {
        try Fixtures.clipkit(arguments, environment: environment)
    }

    /// `clipkit queue add` of `recordings` into `out`, with `options` and the short-clip extract options.
    func queue(_ recordings: [String], _ options: [String] = []) throws -> ProcessResult {
        try clipkit(["queue", "add"] + recordings + ["--out", out.path] + options + Self.extractOptions)
    }

    /// A `clipkit` process with `arguments` started in the background on the scenario's store.
    func worker(_ arguments: [String]) throws -> RunningProgram {
        try RunningProgram(Fixtures.clipkitBinary, arguments, environment: environment)
    }

    /// `count` copies of a 3-second recording under their own names (room-01.mp4, …) in the folder.
    func recordings(_ count: Int) throws -> [String] {
        let source = try Self.recording()
        return try (1...count).map { index in
            let path = folder.appendingPathComponent(String(format: "room-%02d.mp4", index)).path
            try FileManager.default.copyItem(atPath: source, toPath: path)
            return path
        }
    }

    /// A 3-second H.264/AAC recording, keyframe every second.
    private static func recording() throws -> String {
        try MediaFixtures.make("queue-3s.mp4", MediaFixtures.videoSource(seconds: 3, size: "320x180", rate: "15") + MediaFixtures.toneSource(seconds: 3) +
                               ["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest"])
    }

    /// `clipkit queue status --json`: the counts and the jobs.
    func status() throws -> (counts: [String: Int], jobs: [[String: Any]]) {
        let result = try clipkit(["queue", "status", "--json"])
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let counts = object["counts"] as? [String: Int], let jobs = object["jobs"] as? [[String: Any]] else {
            throw FixtureError("queue status --json failed: \(result.stderr)")
        }
        return (counts, jobs)
    }
}
