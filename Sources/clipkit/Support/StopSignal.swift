import Dispatch
import Foundation

/// SIGTERM and SIGINT as a request to stop: once installed they no longer end the process; a long-running command
/// checks `requested` between units of work and finishes the one in hand first.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []

    /// Catches SIGTERM and SIGINT; `notice` is called (once per signal) with the signal's name.
    static func install(notice: @escaping @Sendable (String) -> Void) -> StopSignal {
        let stop = StopSignal()
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                stop.lock.withLock { stop.stopped = true }
                notice(name)
            }
            source.resume()
            stop.sources.append(source)
        }
        return stop
    }

    var requested: Bool { lock.withLock { stopped } }

    /// Sleeps up to `seconds`, waking early when a stop is requested.
    func sleep(_ seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while !requested, Date() < end {
            try? await Task.sleep(nanoseconds: UInt64(min(0.2, max(0, end.timeIntervalSinceNow)) * 1e9))
        }
    }
}
