import Foundation

/// A program started with `posix_spawn`, running in the background, its output going to files. Foundation's
/// `Process` is not used: its child-exit monitoring crashes now and then when a test run starts many programs
/// (swift-corelibs-foundation on Linux). The child gets no descriptor of this process but its three standard ones;
/// `input` reaches it through a temporary file. A program still running when this object goes away is killed.
public final class RunningProgram: @unchecked Sendable {
    public let pid: pid_t
    /// The command line, for messages.
    public let command: String
    private let files: (input: String, output: String, error: String)
    private let lock = NSLock()
    private var waitStatus: Int32?

    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: Data? = nil) throws {
        let folder = FileManager.default.temporaryDirectory.path
        let id = UUID().uuidString
        files = ("\(folder)/in-\(id)", "\(folder)/out-\(id)", "\(folder)/err-\(id)")
        command = ([executable] + arguments).joined(separator: " ")
        if let input { try input.write(to: URL(fileURLWithPath: files.input)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : files.input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files.output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, files.error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = closeFromAction { _ = closeFrom(&actions, 3) }
        let env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            unlink(files.input)
            throw FixtureError("\(command): cannot start (error \(spawned))")
        }
        self.pid = pid
    }

    public var stdout: String { (try? String(contentsOfFile: files.output, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOfFile: files.error, encoding: .utf8)) ?? "" }

    /// True until the program has exited (it is reaped on the first look after that).
    public var isRunning: Bool { reap(blocking: false) == nil }

    /// Sends a signal (while the program has not been reaped).
    public func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for the program to end: its exit status, or the number of the signal that ended it. Past the timeout the
    /// program is killed and this throws, with what it wrote to stderr.
    @discardableResult
    public func wait(timeout: TimeInterval = 600) throws -> (status: Int32, signaled: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                _ = reap(blocking: true)
                throw FixtureError("\(command) did not finish in \(Int(timeout)) s: \(stderr)")
            }
            usleep(5_000)
        }
        let status = reap(blocking: false)!
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, false) : (signal, true)
    }

    /// The raw wait status once the program has exited, reaping it the first time.
    private func reap(blocking: Bool) -> Int32? {
        lock.withLock {
            if waitStatus == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, blocking ? 0 : WNOHANG) == pid { waitStatus = status }
            }
            return waitStatus
        }
    }

    deinit {
        if reap(blocking: false) == nil {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
        for file in [files.input, files.output, files.error] { unlink(file) }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not declare it).
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
    dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }
