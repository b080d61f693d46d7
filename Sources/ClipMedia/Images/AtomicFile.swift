import Foundation

/// Writes whole files through a temporary name in the same folder, so readers never see half a file.
public enum AtomicFile {
    /// Writes `data` to `path`. A target that exists but is not a regular file (`/dev/null`, `/dev/stdout`, a pipe)
    /// is written in place: renaming over it would replace a device with a file.
    public static func write(_ data: Data, to path: String) throws {
        if isSpecialFile(path) {
            do {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } catch {
                throw MediaError(file: path, operation: "writing", message: (error as NSError).localizedDescription)
            }
            return
        }
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

    /// Whether `path` exists and is a device, pipe or socket rather than a regular file or a folder.
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }
}
