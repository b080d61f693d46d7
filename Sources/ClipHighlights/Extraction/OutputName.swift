import Foundation

/// Whether a file name read from a manifest may be joined to the output folder: one plain path component,
/// never `..`, an absolute path, a NUL or longer than a file name can be; anything else stays outside clipkit's reach.
enum OutputName {
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0") && name.utf8.count <= 255
    }

    /// Whether `name` is a temporary file of one of the outputs of a recording with this stem: a clip
    /// (`.<stem>-NN.partial-<pid>.<ext>`), a timeline (`.<stem>.edl.partial-<pid>`) or the contact sheet.
    static func isLeftover(_ name: String, stem: String) -> Bool {
        guard name.hasPrefix(".\(stem)") else { return false }
        let rest = String(name.dropFirst(stem.count + 1))
        return rest.range(of: #"^(-[0-9]+|\.(edl|fcpxml|otio)|-contact-sheet\.png)\.partial-[0-9]+"#, options: .regularExpression) != nil
    }
}
