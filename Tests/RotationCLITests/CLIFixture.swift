import Foundation
import Testing
import TestSupport

/// A scratch folder with its own database (a SQLite file in it, or the given location), and `clipkit` run against it.
struct CLIFixture {
    let folder: URL
    let db: String

    init(db: String? = nil) throws {
        folder = try Fixtures.temporaryDirectory("clipkit-rotation")
        self.db = db ?? folder.appendingPathComponent("clipkit.sqlite").path
    }

    @discardableResult
    func run(_ arguments: [String], expect status: Int32? = 0, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessResult {
        let result = try Fixtures.clipkit(arguments, environment: ["CLIPKIT_DB": db, "NO_COLOR": "1"])
        if let status {
            #expect(result.status == status, "clipkit \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        }
        return result
    }

    func json(_ arguments: [String], expect status: Int32? = 0) throws -> Any {
        let result = try run(arguments + ["--json"], expect: status)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func sample(_ name: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent("Examples/data/\(name)").path
    }
}
