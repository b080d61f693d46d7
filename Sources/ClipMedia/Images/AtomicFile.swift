import Foundation

/// Writes whole files through a temporary name in the same folder, so readers never see half a file.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let temporary = URL(fileURLWithPath: PartialFile.path(for: path, keepsExtension: false))
        do {
            try data.write(to: temporary)
        } catch {
            throw MediaError(file: path, operation: "writing", message: (error as NSError).localizedDescription)
        }
        if rename(temporary.path, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw MediaError(file: path, operation: "moving the finished file into place", message: message)
        }
    }
}
