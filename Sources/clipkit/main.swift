import ArgumentParser
import Dispatch
import Foundation

/// Parses the command line, runs the command, and maps every outcome to clipkit's exit codes:
/// 0 success, 1 error, 2 usage, 3 completed but needs attention.
/// Synchronous commands run on the main thread; async ones (database work) on the concurrency pool
/// while the main thread waits, so the process only starts the async runtime when it needs it.
func runClipKit() -> Never {
    do {
        var command = try ClipKit.parseAsRoot()
        if let asyncCommand = command as? AsyncParsableCommand {
            try AsyncBridge.run(asyncCommand)
        } else {
            try command.run()
        }
        exit(ExitStatus.success)
    } catch {
        exit(ExitStatus.report(error))
    }
}

/// Runs an async operation to completion from synchronous code.
enum AsyncBridge {
    /// The command and its outcome, handed between the main thread and the task that runs it.
    private final class Job: @unchecked Sendable {
        var command: AsyncParsableCommand
        var error: Error?
        init(_ command: AsyncParsableCommand) { self.command = command }
    }

    static func run(_ command: AsyncParsableCommand) throws {
        let job = Job(command)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { try await job.command.run() } catch { job.error = error }
            done.signal()
        }
        done.wait()
        if let error = job.error { throw error }
    }
}

runClipKit()
