import ArgumentParser
import Foundation

/// Parses the command line, runs the command, and maps every outcome to clipkit's exit codes:
/// 0 success, 1 error, 2 usage, 3 completed but needs attention.
func runClipKit() async -> Never {
    do {
        var command = try ClipKit.parseAsRoot()
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        exit(ExitStatus.success)
    } catch {
        exit(ExitStatus.report(error))
    }
}

await runClipKit()
