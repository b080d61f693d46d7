import Foundation
import Testing
import TestSupport

/// Names from manifests and inputs never reach outside the output folder; a database URL's password never shows.
@Suite struct PathsAndSecretsTests {
    func extract(_ recording: String, _ folder: URL, count: Int) throws -> ProcessResult {
        try Fixtures.clipkit(["extract", recording, "--out", folder.path, "--mode", "copy", "--count", "\(count)",
                              "--min-duration", "1", "--max-duration", "3", "--no-hook"])
    }

    /// A manifest edited to list `../victim.mp4` and an absolute path as clips: a re-run deletes neither.
    @Test func manifestNamesStayInsideTheOutputFolder() throws {
        let recording = try FuzzedMediaCorpus.source("mp4")
        let root = try Fixtures.temporaryDirectory("paths")
        let out = root.appendingPathComponent("clips")
        #expect(try extract(recording, out, count: 2).status == 0)
        let outside = root.appendingPathComponent("victim.mp4"), absolute = root.appendingPathComponent("absolute.mp4")
        for victim in [outside, absolute] { try Data("keep me".utf8).write(to: victim) }
        let manifestURL = out.appendingPathComponent("manifest.json")
        var manifest = try String(contentsOf: manifestURL, encoding: .utf8)
        for (index, hostile) in ["../victim.mp4", absolute.path].enumerated() {
            manifest = manifest.replacingOccurrences(of: "fuzz-source-0\(index + 1).mp4", with: hostile)
        }
        try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
        let rerun = try extract(recording, out, count: 1)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        for victim in [outside, absolute] {
            #expect(FileManager.default.fileExists(atPath: victim.path), "\(victim.lastPathComponent) was deleted through the manifest")
        }
    }

    /// Recordings with hostile names: clips land inside the output folder, or one clear error line; nothing outside.
    @Test(arguments: [String(repeating: "长", count: 80) + ".mp4", "..mp4", "-rf .mp4", "a\nb.mp4", String(repeating: "x", count: 250) + ".mp4"])
    func hostileRecordingNames(name: String) throws {
        let root = try Fixtures.temporaryDirectory("paths")
        let recording = root.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: try FuzzedMediaCorpus.source("mp4"), toPath: recording.path)
        let out = root.appendingPathComponent("clips")
        let result = try extract(recording.path, out, count: 1)
        #expect(!result.signaled && [0, 1].contains(result.status), "\(result.stderr)")
        if result.status == 1 { #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["clips", name].sorted())
    }

    /// A PostgreSQL URL's password appears in no output or error, whether given by --db or CLIPKIT_DB.
    @Test func databasePasswordNeverShows() throws {
        let url = "postgres://clip:s3cr3t-pa55@db.example:5432/clipkit"
        let runs = [
            try Fixtures.clipkit(["plan", "list", "--db", url]),
            try Fixtures.clipkit(["stats", "import", Fixtures.repositoryRoot.appendingPathComponent("Examples/data/generic-daily.csv").path],
                                 environment: ["CLIPKIT_DB": url]),
            try Fixtures.clipkit(["rotate", "--all", "--json"], environment: ["CLIPKIT_DB": url.replacingOccurrences(of: "postgres:", with: "postgresql:")]),
        ]
        for result in runs {
            #expect(result.status != 0)
            #expect(!(result.stdout + result.stderr).contains("s3cr3t-pa55"), "\(result.stderr)")
        }
    }
}
