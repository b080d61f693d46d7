import Foundation
import PostgresNIO

/// One connection to the server, used by one transaction at a time (callers queue in order). Transactions that lose
/// a race the server detects (serialization failure, deadlock, a unique key taken meanwhile) are re-run a few times.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger
    private let gate = SerialGate()
    static let attempts = 5

    private init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    /// Connects within the location's connect timeout; any failure is one line naming the URL without its password.
    static func connect(_ location: PostgresLocation) async throws -> PostgresSession {
        // Quiet: PostgresNIO logs nothing at `critical`; its lines are not for users and must not carry connection details.
        var logger = Logger(label: "clipkit.postgres")
        logger.logLevel = .critical
        do {
            let configuration = try location.configuration
            // The driver's timeout covers the TCP connect only; a server that accepts and never answers must not hang us.
            let connection = try await withThrowingTaskGroup(of: PostgresConnection?.self) { group in
                group.addTask { try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(location.connectTimeout) * 1_000_000_000)
                    return nil
                }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            guard let connection else { throw ChannelError.connectTimeout(.seconds(Int64(location.connectTimeout))) }
            return PostgresSession(location: location, connection: connection, logger: logger)
        } catch {
            throw StoreError("\(location): cannot connect: \(describe(error, location: location))")
        }
    }

    /// Closes the connection; the completion handler keeps it alive until it is closed (PostgresNIO requires that).
    deinit {
        let connection = self.connection
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` in a transaction (`BEGIN` + `mode`), committing when it returns and rolling back when it throws.
    func transaction<T>(_ mode: String = "READ WRITE", _ body: (PostgresConnection) async throws -> T) async throws -> T {
        await gate.enter()
        defer { Task { await gate.leave() } }
        var attempt = 1
        while true {
            do {
                try await connection.run("BEGIN \(unescaped: mode)", logger)
                do {
                    let result = try await body(connection)
                    try await connection.run("COMMIT", logger)
                    return result
                } catch {
                    try? await connection.run("ROLLBACK", logger)
                    throw error
                }
            } catch let error as PSQLError where attempt < Self.attempts && Self.isRetryable(error) {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64.random(in: 10_000_000...(50_000_000 * UInt64(attempt))))
            } catch let error as PSQLError {
                // The driver's errors become one line naming the database; the body's own errors pass unchanged.
                throw StoreError("\(location): \(Self.describe(error, location: location))")
            }
        }
    }

    /// Serialization failure, deadlock detected, or a unique key another transaction took first (re-running finds it).
    static func isRetryable(_ error: PSQLError) -> Bool {
        ["40001", "40P01", "23505"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// One line for a driver error: the server's message, or what went wrong with the socket; never the password.
    static func describe(_ error: Error, location: PostgresLocation) -> String {
        var text: String
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                text = message
                if let detail = error.serverInfo?[.detail] { text += " (\(detail))" }
            } else if let underlying = error.underlying {
                text = describe(underlying, location: location)
            } else {
                text = "\(error.code)"
            }
        } else if let error = error as? NIOConnectionError {
            text = error.connectionErrors.first.map { describe($0.error, location: location) } ?? "cannot resolve host '\(location.host)'"
        } else if let error = error as? IOError {
            text = String(cString: strerror(error.errnoCode)).lowercased()
        } else if case ChannelError.connectTimeout = error {
            text = "no answer within \(location.connectTimeout) s"
        } else {
            text = "\(error)"
        }
        if let password = location.password, !password.isEmpty {
            text = text.replacingOccurrences(of: password, with: "***")
        }
        return text
    }
}

/// A first-come, first-served lock for async code.
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension PostgresConnection {
    /// Runs a statement to completion: its rows, if any, are read and dropped, so its errors surface here.
    func run(_ query: PostgresQuery, _ logger: Logger) async throws {
        for try await _ in try await self.query(query, logger: logger) {}
    }
}
