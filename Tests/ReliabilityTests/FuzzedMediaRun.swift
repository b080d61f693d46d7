import Foundation
import TestSupport

/// One clipkit command of the damaged-media check, run on one or several recordings at once, and what it may answer.
struct FuzzCommand: Sendable, CustomStringConvertible {
    let description: String
    /// clipkit's arguments for these recordings; `folder` is a new empty folder (extract's --out).
    let arguments: @Sendable (_ files: [String], _ folder: String) -> [String]
    /// Exit statuses allowed when no file failed (1 is the status when some did).
    let success: Set<Int32>
    /// The names of the files that stdout reports as done (each readable file must be there).
    let completed: @Sendable (_ stdout: String, _ files: [String]) -> [String]

    static let all = [probe, analyze, hook, extract("copy"), extract("exact")]

    static let probe = FuzzCommand(description: "probe", arguments: { files, _ in ["probe", "--json"] + files },
                                   success: [0], completed: { stdout, _ in jsonArray(stdout).compactMap { $0["path"] as? String } })
    /// Text output (with --json a failed file withholds every report): each report starts with the file's line.
    static let analyze = FuzzCommand(description: "analyze", arguments: { files, _ in ["analyze"] + files }, success: [0],
                                     completed: { stdout, files in files.filter { file in stdout.contains("\n\(file)  (") || stdout.hasPrefix("\(file)  (") } })
    static let hook = FuzzCommand(description: "hook", arguments: { files, _ in ["hook", "--json", "--jobs", "1"] + files },
                                  success: [0, 3], completed: { stdout, _ in jsonArray(stdout).compactMap { $0["file"] as? String } })

    static func extract(_ mode: String) -> FuzzCommand {
        FuzzCommand(description: "extract --mode \(mode)",
                    arguments: { files, folder in ["extract", "--json", "--out", folder, "--mode", mode, "--count", "2",
                                                   "--min-duration", "1", "--max-duration", "3", "--no-hook"] + files },
                    success: [0, 3], completed: { stdout, _ in
                        let manifest = (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
                        return ((manifest?["recordings"] as? [[String: Any]]) ?? []).compactMap { $0["source"] as? String }
                    })
    }

    private static func jsonArray(_ text: String) -> [[String: Any]] {
        ((try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]]) ?? []
    }

    /// Runs this command once on `files` under `timeout` seconds per file; returns what broke the reliability
    /// promise (empty: kept).
    func check(_ files: [String], timeout: TimeInterval) -> [String] {
        let folder: URL
        do { folder = try Fixtures.temporaryDirectory("fuzz-out") } catch { return ["\(self): no output folder: \(error)"] }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result: ProcessResult
        do {
            result = try Fixtures.run(Fixtures.clipkitBinary, arguments(files, folder.path), timeout: timeout * Double(files.count))
        } catch {
            return ["\(self): hung (\(error))"]
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return problems(result, files: files, left: left)
    }

    /// The promise, for one run on `files` that ended with `result` and left `left` in its output folder: no signal
    /// death; every failed file exactly one `clipkit: error:` line naming it, exit 1, and nothing of it in the folder;
    /// every other file done; no other stderr lines; no temporary files.
    func problems(_ result: ProcessResult, files: [String], left: [String]) -> [String] {
        let label = "\(self) on \(files.count) file(s)"
        let tail = "\n" + result.stderr.suffix(1500)
        if result.signaled { return ["\(label): killed by signal \(result.status)" + tail] }
        var problems: [String] = []
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("clipkit: error:") }
        var failed: [String] = []
        for line in errors {
            let named = files.filter { line.contains($0) }
            if named.count == 1 { failed += named } else { problems.append("\(label): an error line names \(named.count) of the files: \(line)") }
        }
        if Set(failed).count < failed.count { problems.append("\(label): several error lines for one file" + tail) }
        let expected: Set<Int32> = failed.isEmpty && errors.isEmpty ? success : [1]
        if !expected.contains(result.status) { problems.append("\(label): exit \(result.status), expected \(expected.sorted())" + tail) }
        let stray = lines.filter { !$0.hasPrefix("clipkit: ") && !$0.hasPrefix("\u{1B}") }
        if !stray.isEmpty { problems.append("\(label): stray stderr lines \(stray.prefix(5))") }
        let name = { (path: String) in URL(fileURLWithPath: path).lastPathComponent }
        let done = Set(completed(result.stdout, files).map(name))
        for file in files where !failed.contains(file) && !done.contains(name(file)) {
            problems.append("\(label): \(file) neither failed nor was reported done")
        }
        for file in failed {
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let kept = left.filter { $0.hasPrefix(stem + "-") || $0.hasPrefix(stem + ".") }
            if !kept.isEmpty { problems.append("\(label): \(file) failed but left \(kept)") }
        }
        let temporary = left.filter { $0.hasPrefix(".") || $0.contains(".tmp") || $0.contains(".partial") }
        if !temporary.isEmpty { problems.append("\(label): temporary files left \(temporary)") }
        return problems
    }
}
