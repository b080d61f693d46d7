import ClipStore
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
}
