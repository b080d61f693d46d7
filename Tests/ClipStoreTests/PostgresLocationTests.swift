@testable import ClipStore
import Foundation
import TestSupport
import Testing

/// Reading `postgres://` URLs and the `PG*` variables, and keeping the password out of every description.
@Suite struct PostgresLocationTests {
    @Test func urlPartsWinOverTheEnvironment() throws {
        let location = try PostgresLocation(url: "postgres://ana:s3cr%40t@db.example:6543/ads?sslmode=disable",
                                            environment: ["PGHOST": "other", "PGPORT": "1", "PGUSER": "bob", "PGPASSWORD": "nope", "PGDATABASE": "x"])
        #expect((location.host, location.port, location.user, location.database, location.sslMode) == ("db.example", 6543, "ana", "ads", "disable"))
        #expect(location.description == "postgres://ana@db.example:6543/ads")
        #expect(!"\(location)".contains("s3cr") && !String(reflecting: location).contains("s3cr"))
    }

    @Test func missingPartsComeFromThePGVariables() throws {
        let location = try PostgresLocation(url: "postgres://", environment: ["PGHOST": "h", "PGPORT": "5433", "PGUSER": "u", "PGPASSWORD": "pw",
                                                                             "PGDATABASE": "d", "PGSSLMODE": "require", "PGCONNECT_TIMEOUT": "3"])
        #expect((location.host, location.port, location.user, location.database, location.sslMode, location.connectTimeout) == ("h", 5433, "u", "d", "require", 3))
        let bare = try PostgresLocation(url: "postgresql://u@h", environment: [:])
        #expect((bare.port, bare.database, bare.sslMode, bare.connectTimeout) == (5432, "u", "prefer", 10))
    }

    @Test func aBadURLNamesNoPassword() {
        #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://u:pw@h/d?sslmode=bogus", environment: [:]) }
        do {
            _ = try PostgresLocation(url: "postgres://u:pw@h/d?sslmode=bogus", environment: [:])
        } catch {
            #expect("\(error)" == "postgres://u@h:5432/d: unknown sslmode 'bogus' (disable, prefer, require or verify-full)")
        }
    }

    @Test func thePasswordFileMatchesLikeLibpq() {
        let file = PasswordFile(text: """
            # host:port:database:user:password
            db.example:5432:ads:ana:first
            db.example:5432:ads:ana:second
            *:6543:*:ana:any\\:host
            localhost:*:*:bob:pa\\ss:with:colons
            h\\:x:1:d:u:escaped host
            short:line

            """)
        #expect(file.entries.count == 5)
        #expect(file.password(host: "db.example", port: 5432, database: "ads", user: "ana") == "first")
        #expect(file.password(host: "elsewhere", port: 6543, database: "x", user: "ana") == "any:host")
        #expect(file.password(host: "/run/postgresql", port: 5432, database: "x", user: "bob") == "pass:with:colons")
        #expect(file.password(host: "h:x", port: 1, database: "d", user: "u") == "escaped host")
        #expect(file.password(host: "db.example", port: 5432, database: "ads", user: "carl") == nil)
    }

    @Test func aPasswordInTheURLOrEnvironmentWinsOverTheFile() throws {
        let folder = try Fixtures.temporaryDirectory("clipkit-pgpass")
        let path = folder.appendingPathComponent(".pgpass").path
        try "*:*:*:*:from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        var warnings: [String] = []
        for (url, environment, expected) in [("postgres://u@h/d", ["HOME": folder.path], "from-file"),
                                             ("postgres://u:in-url@h/d", ["HOME": folder.path], "in-url"),
                                             ("postgres://u@h/d", ["PGPASSFILE": path, "PGPASSWORD": "from-env"], "from-env")] {
            var location = try PostgresLocation(url: url, environment: environment)
            location.readPasswordFile(environment: environment) { warnings.append($0) }
            #expect(location.password == expected, "\(url) \(environment)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        var location = try PostgresLocation(url: "postgres://u@h/d", environment: [:])
        location.readPasswordFile(environment: ["PGPASSFILE": path]) { warnings.append($0) }
        #expect(location.password == nil && warnings == ["password file \(path) has group or world access; permissions should be u=rw (0600) or less: not used"])
    }
}
