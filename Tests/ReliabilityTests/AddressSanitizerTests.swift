import Foundation
import Testing
import TestSupport

/// The sanitized `clipkit-media-check` that `make asan` built, or nil (then the suite is skipped).
private let asanChecker = ProcessInfo.processInfo.environment["CLIPKIT_ASAN_CHECK"]

/// The media layer built with AddressSanitizer (`make asan` builds `clipkit-media-check` so and names it in
/// CLIPKIT_ASAN_CHECK) on a sample of the damaged corpus and the time stamp jump recordings: probe, decode,
/// analysis, copy and exact cuts and a thumbnail of each, with no sanitizer report and no crash.
@Suite(.enabled(if: asanChecker != nil, "run by make asan"))
struct AddressSanitizerTests {
    /// 32 variants: every fifth of `make test`'s corpus (5 is prime to the 4 formats, so all formats and damages).
    static let sample = (0..<32).map { $0 * 5 }

    @Test(arguments: sample)
    func damagedRecording(index: Int) throws {
        try Self.check(try FuzzedMediaCorpus.variant(index).path)
    }

    @Test(arguments: TimestampJumpFixture.Jump.allCases)
    func recordingWithATimeStampJump(jump: TimestampJumpFixture.Jump) throws {
        try Self.check(try TimestampJumpFixture.make(jump, format: "ts").path)
    }

    static func check(_ path: String) throws {
        let checker = try #require(asanChecker)
        let folder = try Fixtures.temporaryDirectory("asan")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Leaks are not memory errors, and the Swift runtime keeps some memory to the end on purpose.
        let result = try Fixtures.run(checker, [folder.path, path], environment: ["ASAN_OPTIONS": "detect_leaks=0"], timeout: 300)
        #expect(!result.stderr.contains("AddressSanitizer"), "\(path):\n\(result.stderr.suffix(3000))")
        #expect(result.status == 0 && !result.signaled, "\(path): exit \(result.status)\n\(result.stderr.suffix(3000))")
    }
}
