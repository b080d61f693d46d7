/// Whether a file name read from a manifest may be joined to the output folder: one plain path component,
/// never `..`, an absolute path, a NUL or longer than a file name can be; anything else stays outside clipkit's reach.
enum OutputName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0") && name.utf8.count <= 255
    }
}
