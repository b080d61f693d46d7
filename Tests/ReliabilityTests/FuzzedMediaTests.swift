import Foundation
import Testing
import TestSupport

/// `probe`, `analyze`, `hook` and `extract --mode copy|exact` on damaged recordings, each run under a timeout:
/// no signal deaths, no hangs, and every failure is exit 1 with one error line naming the file and no output left.
/// `make test` runs a slice; `make stress` (CLIPKIT_STRESS=1) runs the full corpus through every command.
@Suite struct FuzzedMediaTests {
    static let stress = ProcessInfo.processInfo.environment["CLIPKIT_STRESS"] != nil
    /// Variants run by `probe`: 4 formats × 8 damages × 4 seeds, or 520 under stress.
    static let corpus = Array(0..<(stress ? 520 : 128))
    /// Also run by `analyze`: every third (strides prime to 4 reach every format and damage), or all under stress.
    static let analysisSample = corpus.filter { stress || $0 % 3 == 0 }
    /// Also run by `hook` and both `extract` modes: every seventh, or all under stress; plus the variants that once
    /// failed mid-extract (#30: a TS with empty PES payloads; #90: a TS whose timestamps jump back 10 s).
    static let cuttingSample = corpus.filter { stress || $0 % 7 == 0 || [30, 90].contains($0) }
    /// Seconds one command may take on one 6 s file before it counts as hung (debug build, shared cores).
    static let timeout: TimeInterval = 45

    @Test(arguments: corpus)
    func probeAndAnalyze(index: Int) throws {
        let variant = try FuzzedMediaCorpus.variant(index)
        try Self.check(variant, ["probe", variant.path])
        if Self.analysisSample.contains(index) { try Self.check(variant, ["analyze", "--json", variant.path]) }
    }

    @Test(arguments: cuttingSample)
    func hookAndExtract(index: Int) throws {
        let variant = try FuzzedMediaCorpus.variant(index)
        try Self.check(variant, ["hook", "--jobs", "1", variant.path], allowed: [0, 1, 3])
        for mode in ["copy", "exact"] {
            let folder = try Fixtures.temporaryDirectory("fuzz-extract")
            defer { try? FileManager.default.removeItem(at: folder) }
            let status = try Self.check(variant, ["extract", variant.path, "--out", folder.path, "--mode", mode, "--count", "2",
                                                  "--min-duration", "1", "--max-duration", "3", "--no-hook"], allowed: [0, 1, 3])
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if status == 1 { #expect(left.isEmpty, "\(variant) extract --mode \(mode) failed but left \(left)") }
            #expect(!left.contains { $0.hasPrefix(".") || $0.contains(".tmp") }, "\(variant) left temporary files \(left)")
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

    /// Runs clipkit once and checks the reliability promise; returns the exit status.
    @discardableResult
    static func check(_ variant: FuzzedMediaCorpus.Variant, _ arguments: [String], allowed: Set<Int32> = [0, 1]) throws -> Int32 {
        let label = "\(variant) \(arguments[0])"
        let result: ProcessResult
        do {
            result = try Fixtures.run(Fixtures.clipkitBinary, arguments, timeout: timeout)
        } catch {
            Issue.record("\(label): hung (\(error))")
            return -1
        }
        #expect(!result.signaled, "\(label): killed by signal \(result.status)\n\(result.stderr.suffix(1500))")
        #expect(allowed.contains(result.status), "\(label): exit \(result.status)\n\(result.stderr.suffix(1500))")
        if result.status == 1 {
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("clipkit: error:") }
            #expect(errors.count == 1 && errors[0].contains(variant.path), "\(label): \(result.stderr.suffix(1500))")
            let other = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("clipkit: ") && !$0.hasPrefix("\u{1B}") }
            #expect(other.isEmpty, "\(label): stray stderr lines \(other.prefix(5))")
        }
        return result.status
    }
}
