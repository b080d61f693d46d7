import Foundation

/// Test helpers: temporary folders, running programs (ffmpeg, ffprobe, the built clipkit), and
/// the shared evaluation media.
public enum Fixtures {
    /// The repository root (…/Tests/TestSupport/Fixtures.swift → …).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/evaldata` beside the repository, or `$CLIPKIT_EVALDATA`.
    public static var evaldata: URL {
        if let custom = ProcessInfo.processInfo.environment["CLIPKIT_EVALDATA"] { return URL(fileURLWithPath: custom) }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/evaldata")
    }

    /// A path inside evaldata.
    public static func evalFile(_ relative: String) -> String {
        evaldata.appendingPathComponent(relative).path
    }

    /// A new empty folder under the system temporary directory, removed when the test process exits (kept when
    /// `CLIPKIT_KEEP_TEST_FILES` is set, to look at what a failing test left).
    public static func temporaryDirectory(_ label: String = "clipkit-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.shared.remember(url)
        return url
    }

    /// The built `clipkit` binary: `$CLIPKIT_BIN`, or the one beside the test bundle.
    public static var clipkitBinary: String {
        if let custom = ProcessInfo.processInfo.environment["CLIPKIT_BIN"] { return custom }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("clipkit").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/clipkit").path
    }

    /// Runs `clipkit` with arguments, as a user would.
    @discardableResult
    public static func clipkit(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws -> ProcessResult {
        try run(clipkitBinary, arguments, environment: environment, input: input)
    }

    /// Runs ffmpeg quietly; throws with its stderr when it fails.
    public static func ffmpeg(_ arguments: [String]) throws {
        let result = try run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y"] + arguments)
        guard result.status == 0 else { throw FixtureError("ffmpeg \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
    }

    /// ffprobe's JSON for a file (format + streams + the given extra sections).
    public static func ffprobe(_ path: String, extra: [String] = []) throws -> [String: Any] {
        let result = try run("/usr/bin/env", ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"] + extra + [path])
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else {
            throw FixtureError("ffprobe failed on \(path): \(result.stderr)")
        }
        return object
    }

    /// Runs `work`, which blocks (waits for a program), on a thread of its own and awaits it, so that it never holds
    /// one of the few threads async tests share. Needed where the program may wait for this test process itself: a
    /// `DROP DATABASE` waits for every server backend, including one reading a `COPY` this process has yet to send.
    public static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Runs a program to completion and captures its output (see `RunningProgram`).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           input: Data? = nil, timeout: TimeInterval = 600) throws -> ProcessResult {
        let program = try RunningProgram(executable, arguments, environment: environment, input: input)
        let ended = try program.wait(timeout: timeout)
        return ProcessResult(status: ended.status, stdout: program.stdout, stderr: program.stderr, signaled: ended.signaled)
    }
}

/// What a finished program left behind.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// True when a signal ended it (a crash, or a kill).
    public let signaled: Bool

    public init(status: Int32, stdout: String, stderr: String, signaled: Bool) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.signaled = signaled
    }
}

/// A fixture could not be made or read.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
