import Foundation

/// A store backend that a test runs against. PostgreSQL runs when `CLIPKIT_TEST_POSTGRES` names a server
/// (`scripts/with-postgres.sh` sets it); without it the PostgreSQL variants are skipped locally, but under `CI`
/// they run and fail, so CI can never skip them silently.
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// The backends to test here.
    public static var testable: [StoreBackend] {
        let environment = ProcessInfo.processInfo.environment
        return environment["CLIPKIT_TEST_POSTGRES"] != nil || environment["CI"] != nil ? [.sqlite, .postgres] : [.sqlite]
    }
}

/// A fresh, empty database for one test: a SQLite file in a new folder, or a new PostgreSQL database created on the
/// test server (`CREATE DATABASE`) and dropped afterwards.
public enum TestDatabase {
    /// Runs `body` with the new database's location (a path or a `postgres://` URL), then removes the database.
    public static func with<T>(_ backend: StoreBackend, _ body: (String) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite:
            return try await body(try Fixtures.temporaryDirectory("clipkit-store").appendingPathComponent("db.sqlite").path)
        case .postgres:
            guard let server = ProcessInfo.processInfo.environment["CLIPKIT_TEST_POSTGRES"], !server.isEmpty else {
                throw FixtureError("CLIPKIT_TEST_POSTGRES is not set: the PostgreSQL variants must run under CI (make test starts a server with scripts/with-postgres.sh)")
            }
            let name = "clipkit_test_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
            try await psql(server, "CREATE DATABASE \(name)")
            do {
                let result = try await body(try url(server, database: name))
                try await psql(server, "DROP DATABASE \(name) WITH (FORCE)")
                return result
            } catch {
                try? await psql(server, "DROP DATABASE \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    /// The server URL with its database replaced.
    static func url(_ server: String, database: String) throws -> String {
        guard var parts = URLComponents(string: server) else { throw FixtureError("CLIPKIT_TEST_POSTGRES is not a URL") }
        parts.path = "/" + database
        guard let url = parts.string else { throw FixtureError("CLIPKIT_TEST_POSTGRES is not a URL") }
        return url
    }

    /// Runs one statement with psql, off the shared test threads (see `Fixtures.offThePool`).
    public static func psql(_ server: String, _ sql: String) async throws {
        let result = try await Fixtures.offThePool { try Fixtures.run("/usr/bin/env", ["psql", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-q", "-d", server, "-c", sql], timeout: 120) }
        guard result.status == 0 else { throw FixtureError("psql \(sql): \(result.stderr)") }
    }
}
