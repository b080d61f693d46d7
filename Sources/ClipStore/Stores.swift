import Foundation

/// Opens the store a location names: a `postgres://` URL (see `PostgresLocation`) or a SQLite file path. The
/// rotation store and the work queue live in the same database.
public enum Stores {
    public static func open(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any RotationStore {
        try await openBoth(location, environment: environment)
    }

    public static func openQueue(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any JobQueue {
        try await openBoth(location, environment: environment)
    }

    /// The location as it may be shown to people: a PostgreSQL URL without its password, a path as it is.
    public static func displayName(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard PostgresLocation.isURL(location) else { return location }
        return (try? PostgresLocation(url: location, environment: environment).description) ?? "postgres://…"
    }

    private static func openBoth(_ location: String, environment: [String: String]) async throws -> any RotationStore & JobQueue {
        if PostgresLocation.isURL(location) {
            var postgres = try PostgresLocation(url: location, environment: environment)
            postgres.readPasswordFile(environment: environment) { FileHandle.standardError.write(Data("clipkit: warning: \($0)\n".utf8)) }
            return try await PostgresStore.connect(postgres)
        }
        return try SQLiteStore(path: location)
    }
}
