import Foundation
import Yams

/// A preset that could not be found or read, with the file and what is wrong.
public struct PresetError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Finds YAML presets by name (`douyin-9x16` → `Presets/platforms/douyin-9x16.yaml`) or by path,
/// and decodes them. Searched in order: `$CLIPKIT_PRESETS`, `<prefix>/share/clipkit/Presets` next to
/// the installed binary, `./Presets`, and the source tree clipkit was built from.
public enum PresetLocator {
    /// Folders searched for named presets, most specific first; only the ones that exist.
    public static var roots: [URL] {
        var candidates: [URL] = []
        if let custom = ProcessInfo.processInfo.environment["CLIPKIT_PRESETS"], !custom.isEmpty {
            candidates.append(URL(fileURLWithPath: custom))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let binDirectory = executable.deletingLastPathComponent()
        candidates.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/clipkit/Presets"))
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Presets"))
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Presets"))
        var seen = Set<String>()
        return candidates.filter { url in
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.path
            guard seen.insert(path).inserted else { return false }
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The file for a preset given by path (anything with a `/` or a `.yaml`/`.yml`/`.txt` ending) or by name
    /// within a kind folder (`platforms`, `policies`, `imports`, `highlights`, `keywords`).
    public static func url(kind: String, _ nameOrPath: String, fileExtension: String = "yaml") throws -> URL {
        let looksLikePath = nameOrPath.contains("/") || [".yaml", ".yml", ".txt"].contains { nameOrPath.hasSuffix($0) }
        if looksLikePath {
            guard FileManager.default.fileExists(atPath: nameOrPath) else {
                throw PresetError("\(nameOrPath): preset file not found")
            }
            return URL(fileURLWithPath: nameOrPath)
        }
        for root in roots {
            let file = root.appendingPathComponent(kind).appendingPathComponent("\(nameOrPath).\(fileExtension)")
            if FileManager.default.fileExists(atPath: file.path) { return file }
        }
        let known = names(kind: kind, fileExtension: fileExtension)
        let hint = known.isEmpty ? "no \(kind) presets found (set CLIPKIT_PRESETS to the Presets folder)"
                                 : "known: \(known.joined(separator: ", "))"
        throw PresetError("no \(kind) preset named '\(nameOrPath)'; \(hint)")
    }

    /// Names of the presets of a kind, from every root, sorted.
    public static func names(kind: String, fileExtension: String = "yaml") -> [String] {
        var names = Set<String>()
        for root in roots {
            let folder = root.appendingPathComponent(kind)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".\(fileExtension)") {
                names.insert(String(file.dropLast(fileExtension.count + 1)))
            }
        }
        return names.sorted()
    }

    /// Decodes a YAML preset into `T`; a bad file is an error naming the file and the problem.
    public static func load<T: Decodable>(_ type: T.Type, kind: String, _ nameOrPath: String) throws -> T {
        let file = try url(kind: kind, nameOrPath)
        return try decode(type, from: file)
    }

    /// Decodes a YAML file into `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from file: URL) throws -> T {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw PresetError("\(file.path): cannot read the preset as UTF-8 text")
        }
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            throw PresetError("\(file.path): missing key '\(path(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw PresetError("\(file.path): wrong value at '\(path(context.codingPath))': \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw PresetError("\(file.path): bad value at '\(path(context.codingPath))': \(context.debugDescription)")
        } catch {
            throw PresetError("\(file.path): not valid YAML: \(error)")
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
