import Foundation
import PostgresNIO

/// Where a PostgreSQL store lives: `postgres://user[:password]@host[:port]/db[?sslmode=…&connect_timeout=…]`, with
/// what the URL leaves out taken from `PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE PGCONNECT_TIMEOUT` as
/// libpq does, and the password, when neither the URL nor `PGPASSWORD` gives one, from the password file
/// (`PGPASSFILE` or `~/.pgpass`, see `PasswordFile`). `description` never contains the password.
public struct PostgresLocation: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var host: String
    public var port: Int
    public var user: String
    var password: String?
    public var database: String
    /// `disable`, `prefer` (the default: TLS when the server offers it) or `require` (TLS without certificate
    /// checks, as libpq's `require`); `verify-full` checks the certificate and host name.
    public var sslMode: String
    public var connectTimeout: Int

    /// True for `postgres://` and `postgresql://` URLs.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        // A URL that does not parse may carry a password: name only its scheme.
        guard Self.isURL(url), let parts = URLComponents(string: url) else {
            throw StoreError("postgres://…: not a valid database URL (expected postgres://user[:password]@host[:port]/db)")
        }
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? env("PGHOST") ?? "localhost"
        port = parts.port ?? env("PGPORT").flatMap(Int.init) ?? 5432
        user = parts.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? env("PGUSER") ?? env("USER") ?? "postgres"
        password = parts.password.flatMap { $0.removingPercentEncoding } ?? env("PGPASSWORD")
        let path = String(parts.path.drop { $0 == "/" })
        database = (path.isEmpty ? nil : path.removingPercentEncoding) ?? env("PGDATABASE") ?? user
        sslMode = query["sslmode"] ?? env("PGSSLMODE") ?? "prefer"
        connectTimeout = (query["connect_timeout"] ?? env("PGCONNECT_TIMEOUT")).flatMap(Int.init) ?? 10
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw StoreError("\(self): unknown sslmode '\(sslMode)' (disable, prefer, require or verify-full)")
        }
    }

    /// Takes the password from libpq's password file when the URL and `PGPASSWORD` gave none.
    mutating func readPasswordFile(environment: [String: String], warn: (String) -> Void) {
        guard password == nil, let file = PasswordFile.load(environment: environment, warn: warn) else { return }
        password = file.password(host: host, port: port, database: database, user: user)
    }

    /// The URL without its password.
    public var description: String {
        let userPart = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(userPart)@\(hostPart):\(port)/\(database)"
    }

    public var debugDescription: String { description }
    /// `dump` and debuggers see the redacted URL only.
    public var customMirror: Mirror { Mirror(self, children: ["url": description]) }

    var configuration: PostgresConnection.Configuration {
        get throws {
            let tls: PostgresConnection.Configuration.TLS
            switch sslMode {
            case "disable":
                tls = .disable
            case "allow", "prefer", "require":
                var config = TLSConfiguration.makeClientConfiguration()
                config.certificateVerification = .none
                let context = try NIOSSLContext(configuration: config)
                tls = sslMode == "require" ? .require(context) : .prefer(context)
            default:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var configuration: PostgresConnection.Configuration
            if host.hasPrefix("/") {
                let socket = host.hasSuffix(".s.PGSQL.\(port)") ? host : "\(host)/.s.PGSQL.\(port)"
                configuration = .init(unixSocketPath: socket, username: user, password: password, database: database)
            } else {
                configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
            }
            configuration.options.connectTimeout = .seconds(Int64(connectTimeout))
            return configuration
        }
    }
}
