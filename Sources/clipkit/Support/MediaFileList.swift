import Foundation

/// Expands command-line paths into media files: files as given, folders searched recursively for
/// video files (by extension, sorted by path). A path that does not exist is kept so that checking it
/// reports the error for that file.
enum MediaFileList {
    static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "mkv", "webm", "flv", "ts", "mts", "m2ts", "avi", "3gp"]

    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            return videos(in: path)
        }
    }

    /// The video files under `folder`, as paths starting with `folder`, sorted.
    private static func videos(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let ext = (relative as NSString).pathExtension.lowercased()
            guard !name.hasPrefix("."), videoExtensions.contains(ext) else { continue }
            found.append(prefix + relative)
        }
        return found.sorted()
    }
}
