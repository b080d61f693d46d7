import Foundation
import GRDB

/// The schema, as named migrations that are only ever appended; both stores run the same list under the same
/// identifiers. Written in SQLite's dialect; `postgres(_:)` translates the few words PostgreSQL reads differently.
enum Migrations {
    static let steps: [(identifier: String, sql: String)] = [
        ("v1-rotation", """
            CREATE TABLE plans (
                id TEXT PRIMARY KEY,
                name TEXT,
                policy TEXT NOT NULL,
                budget REAL,
                break_even_roi REAL,
                target_cpa REAL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE creatives (
                id TEXT PRIMARY KEY,
                plan_id TEXT NOT NULL REFERENCES plans(id),
                external_id TEXT,
                media_path TEXT,
                sha256 TEXT,
                duration_seconds REAL,
                width INTEGER,
                height INTEGER,
                size_bytes INTEGER,
                hook_score REAL,
                source_recording TEXT,
                source_start REAL,
                source_end REAL,
                status TEXT NOT NULL CHECK (status IN ('candidate', 'active', 'resting', 'retired')),
                resting_until TEXT,
                activated_on TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX creatives_by_plan ON creatives(plan_id, status);
            CREATE UNIQUE INDEX creatives_by_external_id ON creatives(external_id) WHERE external_id IS NOT NULL;
            CREATE TABLE import_batches (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                file_sha256 TEXT NOT NULL,
                format TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                rows_read INTEGER NOT NULL,
                inserted INTEGER NOT NULL,
                updated INTEGER NOT NULL,
                skipped INTEGER NOT NULL
            );
            CREATE TABLE stats (
                creative_id TEXT NOT NULL REFERENCES creatives(id),
                date TEXT NOT NULL,
                hour INTEGER NOT NULL,
                source TEXT NOT NULL,
                impressions INTEGER,
                clicks INTEGER,
                views_3s INTEGER,
                spend REAL,
                orders INTEGER,
                revenue REAL,
                reach INTEGER,
                frequency REAL,
                completions INTEGER,
                batch_id INTEGER REFERENCES import_batches(id),
                PRIMARY KEY (creative_id, date, hour, source)
            ) WITHOUT ROWID;
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                decided_at TEXT NOT NULL,
                as_of TEXT NOT NULL,
                plan_id TEXT NOT NULL REFERENCES plans(id),
                creative_id TEXT NOT NULL,
                action TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT,
                reasons TEXT NOT NULL,
                snapshot TEXT,
                policy TEXT NOT NULL,
                policy_version INTEGER NOT NULL,
                applied INTEGER NOT NULL,
                origin TEXT NOT NULL
            );
            CREATE INDEX decisions_by_plan ON decisions(plan_id, as_of);
            CREATE INDEX decisions_by_creative ON decisions(creative_id);
            """),
        ("v2-predicted-hook-rate", "ALTER TABLE creatives ADD COLUMN predicted_hook_rate REAL"),
        // The extraction work queue (JobQueue). Times are ISO 8601 UTC text with milliseconds (they sort as text);
        // options and result are JSON; one job per recording, output folder and options.
        ("v3-jobs", """
            CREATE TABLE jobs (
                id INTEGER PRIMARY KEY,
                recording TEXT NOT NULL,
                output TEXT NOT NULL,
                options TEXT NOT NULL,
                force INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed')),
                attempts INTEGER NOT NULL,
                max_attempts INTEGER NOT NULL,
                worker TEXT,
                lease_token TEXT,
                lease_expires_at TEXT,
                heartbeat_at TEXT,
                error TEXT,
                result TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT
            );
            CREATE UNIQUE INDEX jobs_by_work ON jobs(recording, output, options);
            CREATE INDEX jobs_by_state ON jobs(state, id);
            """),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in steps {
            migrator.registerMigration(step.identifier) { db in try db.execute(sql: step.sql) }
        }
        return migrator
    }

    /// A step in PostgreSQL's words: `INTEGER PRIMARY KEY` row ids become identity columns, `INTEGER` 64-bit,
    /// `REAL` double precision (SQLite's are 8 bytes), and `WITHOUT ROWID` (SQLite keeps those rows in the
    /// primary-key B-tree: one insert per row instead of two) is dropped.
    static func postgres(_ sql: String) -> String {
        sql.replacingOccurrences(of: "INTEGER PRIMARY KEY", with: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
            .replacingOccurrences(of: #"\bINTEGER\b"#, with: "BIGINT", options: .regularExpression)
            .replacingOccurrences(of: #"\bREAL\b"#, with: "DOUBLE PRECISION", options: .regularExpression)
            .replacingOccurrences(of: " WITHOUT ROWID", with: "")
    }
}
