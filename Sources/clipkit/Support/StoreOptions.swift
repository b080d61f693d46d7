import ArgumentParser
import ClipRotation
import ClipStore
import Foundation

/// `--db PATH|URL` (or `CLIPKIT_DB`, default `./clipkit.sqlite`): where plans, creatives, stats, decisions and the
/// extraction work queue live.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Database: a SQLite file path or postgres://user@host[:port]/db (default $CLIPKIT_DB, else ./clipkit.sqlite).",
                                            valueName: "path|url"))
    var db: String?

    var location: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["CLIPKIT_DB"], !env.isEmpty { return env }
        return "clipkit.sqlite"
    }

    /// The location for output: never a password.
    var displayLocation: String { Stores.displayName(location) }

    /// Opens the store (running migrations); a PostgreSQL URL's missing parts come from the `PG*` variables.
    func open() async throws -> RotationStore {
        try await Stores.open(location)
    }

    /// Opens the extraction work queue, which lives in the same database as the store.
    func openQueue() async throws -> JobQueue {
        try await Stores.openQueue(location)
    }
}

/// Wall-clock time and today's date (UTC) for timestamps and default decision days.
enum Clock {
    static var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    static var today: Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}

/// Lets `--as-of 2026-11-20` parse straight into a `Day`.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
