import Foundation

/// A file that cannot be imported: one line naming the file, the row when there is one, and what to do.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let row: Int?
    public let message: String

    public init(file: String, row: Int? = nil, _ message: String) {
        self.file = file
        self.row = row
        self.message = message
    }

    /// The error for a path that cannot be opened: missing, a folder, or not readable.
    static func unreadable(_ path: String) -> ImportError {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return ImportError(file: path, exists ? (isDirectory.boolValue ? "is a folder, not a file" : "cannot be read (permissions?)") : "no such file")
    }

    public var description: String {
        row.map { "\(file): row \($0): \(message)" } ?? "\(file): \(message)"
    }
}
