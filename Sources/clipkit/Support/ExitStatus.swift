import ArgumentParser
import Foundation

/// clipkit's exit codes and how errors map onto them.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let needsAttention: Int32 = 3

    /// Prints what the user needs to know about `error` and returns the exit code for it.
    static func report(_ error: Error) -> Int32 {
        if let code = error as? ExitCode { return code.rawValue }
        let parserCode = ClipKit.exitCode(for: error)
        if parserCode == .success {
            // --help, --version: ArgumentParser prints them and exits 0.
            ClipKit.exit(withError: error)
        }
        if parserCode == .validationFailure {
            Terminal.writeError(ClipKit.fullMessage(for: error))
            return usage
        }
        Terminal.writeError("clipkit: error: \(error)")
        return failure
    }
}
