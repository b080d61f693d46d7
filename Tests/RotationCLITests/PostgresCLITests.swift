import Foundation
import Testing
import TestSupport

/// `--db postgres://…` from the command line: a server that cannot be reached is one error line and exit 1, quickly,
/// and the password is never printed, whether it came from the URL, from PGPASSWORD or from the password file.
@Suite struct PostgresCLITests {
    /// A loopback port with nothing listening.
    func closedPort() throws -> Int {
        let result = try Fixtures.run("/usr/bin/env", ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    @Test func anUnreachableServerIsOneLineWithoutThePassword() throws {
        let port = try closedPort()
        for (arguments, environment) in [
            (["plan", "list", "--db", "postgres://ana:Sup3rSecret@127.0.0.1:\(port)/ads?sslmode=disable"], [String: String]()),
            (["rotate", "--all"], ["CLIPKIT_DB": "postgres://ana@127.0.0.1:\(port)/ads", "PGPASSWORD": "Sup3rSecret"]),
            (["stats", "import", "x.csv"], ["CLIPKIT_DB": "postgres:///ads", "PGHOST": "127.0.0.1", "PGPORT": "\(port)", "PGUSER": "ana", "PGPASSWORD": "Sup3rSecret"]),
        ] {
            let result = try Fixtures.clipkit(arguments, environment: environment.merging(["NO_COLOR": "1"]) { _, new in new })
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("clipkit: error: postgres://ana@127.0.0.1:\(port)/ads: cannot connect: "), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("Sup3rSecret"))
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        // A listening socket that never accepts: the connect succeeds at TCP level only if the backlog has room, and
        // the startup message is never answered; clipkit must give up after connect_timeout, not hang.
        let started = Date()
        let script = """
            import socket, subprocess, sys
            s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(0)
            port = s.getsockname()[1]
            r = subprocess.run([sys.argv[1], 'plan', 'list', '--db', f'postgres://ana:Sup3rSecret@127.0.0.1:{port}/ads?sslmode=disable&connect_timeout=2'],
                               capture_output=True, text=True, timeout=60)
            print(r.returncode); print(r.stderr, end='')
            """
        let result = try Fixtures.run("/usr/bin/env", ["python3", "-c", script, Fixtures.clipkitBinary])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "1", "\(result.stdout) \(result.stderr)")
        #expect(lines.count == 2 && lines[1].hasPrefix("clipkit: error: postgres://ana@127.0.0.1:") && !result.stdout.contains("Sup3rSecret"), "\(result.stdout)")
        #expect(Date().timeIntervalSince(started) < 30, "gave up within a few connect timeouts")
    }

    /// A report names its database; on PostgreSQL the page shows the URL without the password given in it.
    @Test(arguments: StoreBackend.testable.filter { $0 == .postgres })
    func theHTMLReportNamesTheDatabaseWithoutThePassword(_ backend: StoreBackend) async throws {
        try await TestDatabase.with(backend) { url in
            guard var parts = URLComponents(string: url) else { throw FixtureError("not a URL: \(url)") }
            parts.password = "Sup3rSecret"
            let withPassword = parts.string!
            #expect(try Fixtures.clipkit(["plan", "add", "p1", "--db", withPassword]).status == 0)
            let page = try Fixtures.temporaryDirectory("clipkit-report-pg").appendingPathComponent("report.html").path
            let result = try Fixtures.clipkit(["report", "--html", page, "--db", withPassword])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains("postgres://") && !html.contains("Sup3rSecret"))
            #expect(!(result.stdout + result.stderr).contains("Sup3rSecret"))
        }
    }

    /// libpq's password file: a role that must give its password (`scripts/with-postgres.sh` makes the server ask
    /// `clipkit_password` for one) logs in with the file's line and without any password in the URL; a file others may
    /// read is refused with a warning, as libpq does; the password never shows.
    @Test(arguments: StoreBackend.testable.filter { $0 == .postgres })
    func aPasswordFileLogsInARoleThatNeedsAPassword(_ backend: StoreBackend) async throws {
        guard let role = ProcessInfo.processInfo.environment["CLIPKIT_TEST_POSTGRES_PASSWORD_USER"] else {
            throw FixtureError("CLIPKIT_TEST_POSTGRES_PASSWORD_USER is not set: run under scripts/with-postgres.sh")
        }
        let server = try #require(ProcessInfo.processInfo.environment["CLIPKIT_TEST_POSTGRES"])
        let secret = "Pw-\(UUID().uuidString.prefix(8))"
        try await TestDatabase.psql(server, "DROP ROLE IF EXISTS \(role)")
        try await TestDatabase.psql(server, "CREATE ROLE \(role) LOGIN PASSWORD '\(secret)'")
        try await TestDatabase.with(backend) { url in
            var parts = try #require(URLComponents(string: url))
            try await TestDatabase.psql(server, "ALTER DATABASE \(parts.path.dropFirst()) OWNER TO \(role)")
            parts.user = role
            let asRole = parts.string!
            let home = try Fixtures.temporaryDirectory("clipkit-pgpass")
            let file = home.appendingPathComponent("pgpass").path
            // A comment, a line for another role, then ours for any port and database.
            try "# clipkit test\n127.0.0.1:*:*:somebody:wrong\n127.0.0.1:*:*:\(role):\(secret)\n".write(toFile: file, atomically: true, encoding: .utf8)
            func plans(_ environment: [String: String]) throws -> ProcessResult {
                try Fixtures.clipkit(["plan", "list", "--json", "--db", asRole], environment: environment.merging(["HOME": home.path, "NO_COLOR": "1"]) { _, new in new })
            }

            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            let loggedIn = try plans(["PGPASSFILE": file])
            #expect(loggedIn.status == 0, "\(loggedIn.stderr)")
            #expect(!(loggedIn.stdout + loggedIn.stderr).contains(secret))

            try FileManager.default.copyItem(atPath: file, toPath: home.appendingPathComponent(".pgpass").path)
            let fromHome = try plans([:])
            #expect(fromHome.status == 0, "~/.pgpass when PGPASSFILE is not set: \(fromHome.stderr)")

            let noFile = try plans(["PGPASSFILE": home.appendingPathComponent("missing").path])
            #expect(noFile.status == 1 && noFile.stderr.hasPrefix("clipkit: error: postgres://\(role)@"), "\(noFile.stderr)")
            #expect(noFile.stderr.split(separator: "\n").count == 1, "\(noFile.stderr)")

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            let readable = try plans(["PGPASSFILE": file])
            #expect(readable.status == 1, "\(readable.stderr)")
            #expect(readable.stderr.hasPrefix("clipkit: warning: password file \(file) has group or world access"), "\(readable.stderr)")
            #expect(!(readable.stdout + readable.stderr).contains(secret))
        }
    }
}
