import PostgresNIO

/// The advisory locks that make hosts take turns: transaction-scoped (`pg_advisory_xact_lock`), so a crashed
/// process never leaves one behind. Keys are (namespace, hashtext(name)); a hash collision only makes two plans
/// wait for each other.
enum PostgresLocks {
    static let migrationNamespace: Int32 = 7_231_000
    static let planNamespace: Int32 = 7_231_001
    static let importNamespace: Int32 = 7_231_002
    static let workNamespace: Int32 = 7_231_003

    /// Held while migrating, so processes starting at once migrate once.
    static func migrations(_ db: PostgresConnection, _ logger: Logger) async throws {
        try await db.run("SELECT pg_advisory_xact_lock(\(migrationNamespace), 0)", logger)
    }

    /// Held by a whole `stats import` file: imports take turns, as on SQLite, so their counts are exact.
    static func imports(_ db: PostgresConnection, _ logger: Logger) async throws {
        try await db.run("SELECT pg_advisory_xact_lock(\(importNamespace), 0)", logger)
    }

    /// The plans' locks, taken in one ascending key order by every caller so two rotations never deadlock.
    static func plans(_ db: PostgresConnection, _ ids: [String], _ logger: Logger) async throws {
        try await db.run("""
            SELECT pg_advisory_xact_lock(\(planNamespace), key)
            FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest(\(ids)::text[]) AS id ORDER BY key) AS keys
            """, logger)
    }

    /// Held by a claim while it checks that no live job writes the same recording into the same folder.
    static func work(_ db: PostgresConnection, recording: String, output: String, _ logger: Logger) async throws {
        try await db.run("SELECT pg_advisory_xact_lock(\(workNamespace), hashtext(\(recording + "\n" + output)))", logger)
    }
}
