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

    public var description: String {
        row.map { "\(file): row \($0): \(message)" } ?? "\(file): \(message)"
    }
}
