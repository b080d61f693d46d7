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

    /// Runs a program to completion and captures its output. Started with `posix_spawn` rather than Foundation's
    /// `Process`, whose child-exit monitoring crashes now and then when a test run starts many programs
    /// (swift-corelibs-foundation on Linux). The child gets no descriptor of this process but its three standard ones;
    /// `input` reaches it through a temporary file.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           input: Data? = nil, timeout: TimeInterval = 600) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory
        let outFile = folder.appendingPathComponent("out-\(UUID().uuidString)").path
        let errFile = folder.appendingPathComponent("err-\(UUID().uuidString)").path
        let inFile = folder.appendingPathComponent("in-\(UUID().uuidString)").path
        defer { unlink(outFile); unlink(errFile); unlink(inFile) }
        let command = "\(executable) \(arguments.joined(separator: " "))"
        if let input { try input.write(to: URL(fileURLWithPath: inFile)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : inFile, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = closeFromAction { _ = closeFrom(&actions, 3) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw FixtureError("\(command): cannot start (error \(spawned))") }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw FixtureError("\(command) did not finish in \(Int(timeout)) s")
            }
            usleep(5_000)
        }
        let signal = status & 0x7f
        return ProcessResult(status: signal == 0 ? (status >> 8) & 0xff : signal,
                             stdout: (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "",
                             stderr: (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? "",
                             signaled: signal != 0)
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not declare it).
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
    dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }

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
