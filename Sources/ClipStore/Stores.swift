import Foundation

/// Opens the store a location names: a `postgres://` URL (see `PostgresLocation`) or a SQLite file path.
public enum Stores {
    public static func open(_ location: String, environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> any RotationStore {
        if PostgresLocation.isURL(location) {
            return try await PostgresStore.connect(try PostgresLocation(url: location, environment: environment))
        }
        return try SQLiteStore(path: location)
    }
}
