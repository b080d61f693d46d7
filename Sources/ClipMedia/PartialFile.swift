import Foundation

/// The temporary names outputs are written under before being renamed into place (`.clip.partial-PID.mp4`,
/// `.manifest.json.partial-PID`), and the clean-up of the ones a killed process left behind.
public enum PartialFile {
    /// The temporary path, in the same folder, under which this process writes `path`. `keepsExtension`
    /// keeps the final extension last (muxers choose the container by it).
    static func path(for path: String, keepsExtension: Bool) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard keepsExtension else {
            return folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        }
        let ext = url.pathExtension.isEmpty ? "mp4" : url.pathExtension.lowercased()
        return folder.appendingPathComponent(".\(url.deletingPathExtension().lastPathComponent).partial-\(getpid()).\(ext)").path
    }

    /// Deletes the partial files in `folder` whose writing process is no longer alive (a job killed with
    /// `kill -9` cannot clean up after itself); a running process's files are never touched. Returns the names removed.
    @discardableResult
    public static func removeStale(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            guard let pid = writer(of: name), !isAlive(pid) else { return false }
            return unlink(URL(fileURLWithPath: folder).appendingPathComponent(name).path) == 0
        }
    }

    /// The process id in a partial file's name, or nil when `name` is not one.
    static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards) else { return nil }
        let rest = name[marker.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let tail = rest.dropFirst(digits.count)
        guard !digits.isEmpty, tail.isEmpty || (tail.hasPrefix(".") && !tail.dropFirst().isEmpty && !tail.dropFirst().contains(".")),
              let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// Whether a process with this id exists (one we may not signal exists too).
    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
