import Foundation
import Testing
import TestSupport

/// `probe`, `analyze`, `hook` and `extract --mode copy|exact` on every damaged recording of the corpus, under a
/// timeout: no signal deaths, no hangs, and every failure is exit 1 with one error line naming the file and no output
/// left. Each command runs once per batch of recordings (the CLI takes many; one bad file must not stop the others);
/// a batch that breaks the promise is run again file by file, to name the culprit.
@Suite struct FuzzedMediaTests {
    /// 4 formats × 8 damages × 16 seeds, and 8 more.
    static let corpus = 0..<520
    /// 13 variants per clipkit call (every format, four damages): 40 calls per command, enough to keep both cores busy.
    static let batches = stride(from: 0, to: corpus.count, by: 13).map { $0..<min($0 + 13, corpus.count) }
    /// Seconds one command may take per 2 s file before it counts as hung (debug build, shared cores).
    static let timeout: TimeInterval = 45

    @Test(arguments: batches)
    func everyCommand(batch: Range<Int>) throws {
        let files = try batch.map { try FuzzedMediaCorpus.variant($0).path }
        for command in FuzzCommand.all {
            let problems = command.check(files, timeout: Self.timeout)
            guard !problems.isEmpty else { continue }
            Issue.record("variants \(batch): \(problems.joined(separator: "\n"))")
            for file in files {
                for problem in command.check([file], timeout: Self.timeout) { Issue.record("\(file): \(problem)") }
            }
        }
    }

    /// The check itself catches each way of breaking the promise.
    @Test func theCheckCatchesBrokenPromises() {
        let files = ["/f/fuzz-1-a.mp4", "/f/fuzz-2-b.flv"]
        let extract = FuzzCommand.extract("copy")
        let done = #"{"recordings": [{"source": "/f/fuzz-1-a.mp4"}, {"source": "/f/fuzz-2-b.flv"}]}"#
        let oneDone = #"{"recordings": [{"source": "/f/fuzz-1-a.mp4"}]}"#
        func result(_ status: Int32, _ stdout: String, _ stderr: String = "", signaled: Bool = false) -> ProcessResult {
            ProcessResult(status: status, stdout: stdout, stderr: stderr, signaled: signaled)
        }
        let kept = extract.problems(result(0, done), files: files, left: ["manifest.json", "fuzz-1-a-01.mp4"])
        #expect(kept.isEmpty, "\(kept)")
        let failedCleanly = extract.problems(result(1, oneDone, "clipkit: error: /f/fuzz-2-b.flv: bad\n"), files: files,
                                             left: ["manifest.json", "fuzz-1-a-01.mp4"])
        #expect(failedCleanly.isEmpty, "\(failedCleanly)")
        let broken: [(ProcessResult, [String])] = [
            (result(11, "", signaled: true), []),                                                   // crash
            (result(0, oneDone), []),                                                               // a file silently dropped
            (result(1, done, "clipkit: error: bad input\n"), []),                                  // error naming no file
            (result(1, oneDone, "clipkit: error: /f/fuzz-2-b.flv: a\nclipkit: error: /f/fuzz-2-b.flv: b\n"), []), // two lines
            (result(0, oneDone, "clipkit: error: /f/fuzz-2-b.flv: bad\n"), []),                    // failure, exit 0
            (result(1, oneDone, "clipkit: error: /f/fuzz-2-b.flv: bad\n"), ["fuzz-2-b-01.mp4"]),   // failed, left a clip
            (result(0, done, "Segmentation fault in decoder\n"), []),                              // stray stderr
            (result(0, done), [".fuzz-1-a-01.partial-7.mp4"]),                                      // temporary left
        ]
        for (run, left) in broken {
            #expect(!extract.problems(run, files: files, left: left).isEmpty, "missed: \(run) \(left)")
        }
    }

    /// A recording cut off at 70 % still yields clips from its intact part.
    @Test(arguments: FuzzedMediaCorpus.formats.filter { $0 != "mp4" })
    func truncatedRecordingStillYieldsClips(format: String) throws {
        let source = try Data(contentsOf: URL(fileURLWithPath: FuzzedMediaCorpus.source(format)))
        let path = try MediaFixtures.write("cut-off-70.\(format)", source.prefix(source.count * 7 / 10))
        for mode in ["copy", "exact"] {
            let folder = try Fixtures.temporaryDirectory("fuzz-truncated")
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try Fixtures.clipkit(["extract", path, "--out", folder.path, "--mode", mode, "--count", "1",
                                               "--min-duration", "1", "--max-duration", "3", "--no-hook"])
            #expect(result.status == 0, "\(format) \(mode): \(result.stderr)")
            let clips = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mp4") || $0.hasSuffix(".\(format)") }
            #expect(clips.count == 1, "\(format) \(mode): \(clips)")
        }
    }
}
