import Foundation

/// Runs a throwing job on a thread of its own; `wait()` joins it and rethrows the job's error.
final class BackgroundJob: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written by the job's thread before it signals `finished`, read after `wait()` has joined it.
    private var error: Error?

    init(_ job: @escaping () throws -> Void) {
        let thread = Thread { [self] in
            do { try job() } catch { self.error = error }
            finished.signal()
        }
        thread.start()
    }

    func wait() throws {
        finished.wait()
        if let error { throw error }
    }
}
