import ClipHighlights
import ClipHook
import ClipMedia
import ClipReport
import ClipRotation
import ClipStore
import Foundation

/// `report --html`: gathers each plan's data from the store and each extract folder's clips (with thumbnails made
/// from the clip files), renders the page and writes it atomically.
enum ReportHTML {
    /// Width of the clip thumbnails, pixels.
    static let thumbnailWidth = 144

    /// Everything the page shows of `plan`: `days` days ending at `asOf` (default: its latest stats day). The full
    /// history up to that day is loaded so the fatigue replay sees what rotation would have seen.
    static func planInput(_ plan: Plan, policy: RotationPolicy, store: RotationStore, days: Int, asOf: Day?) async throws -> PlanInput {
        let creatives = try await store.creatives(planID: plan.id, status: nil)
        let series = try await store.series(planID: plan.id, since: nil, through: asOf)
        let through = asOf ?? series.values.compactMap(\.lastDay).max() ?? Clock.today
        let changesThrough = asOf ?? Clock.today
        let changes = try await store.decisions(planID: plan.id, creativeID: nil)
            .filter { $0.applied && $0.action != RotationAction.keep.rawValue && $0.asOf <= changesThrough }
            .sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }
            .compactMap { record -> StatusChange? in
                guard let to = record.to.flatMap(CreativeStatus.init(rawValue:)) else { return nil }
                return StatusChange(day: record.asOf, creativeID: record.creativeID, action: record.action,
                                    from: record.from.flatMap(CreativeStatus.init(rawValue:)), to: to, reasons: record.reasons, origin: record.origin)
            }
        return PlanInput(plan: plan, policy: policy, creatives: creatives, series: series, changes: changes,
                         first: through.adding(days: -(days - 1)), through: through)
    }

    /// The recordings of an extract output folder (`DIR/manifest.json`), one thumbnail per clip file; hook findings
    /// get their fix hint from `hints` (finding id → text).
    static func recordings(folder: String, hints: [String: String]) throws -> [RecordingInput] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportInputError("\(folder): no such folder (--clips takes an extract output folder)")
        }
        guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("manifest.json")) else {
            throw ReportInputError("\(folder): no manifest.json: not a clipkit extract output folder")
        }
        let manifest = try ExtractionManifest.load(directory: folder)
        return manifest.recordings.map { entry in
            RecordingInput(source: entry.source, folder: folder, duration: entry.probe.duration ?? entry.analysis.duration,
                           clips: entry.clips.map { card($0, folder: folder, hints: hints) })
        }
    }

    /// The fix hint of every hook finding in the shipped messages, in the locale's language.
    static func hookHints() throws -> [String: String] {
        let language = HookLanguage.fromLocale(ProcessInfo.processInfo.environment).rawValue
        return try HookMessages.load().findings.compactMapValues { $0[language]?.fix }
    }

    private static func card(_ clip: ClipEntry, folder: String, hints: [String: String]) -> ClipCard {
        var png: [UInt8]?
        var problem: String?
        // Clip names come from the manifest: only a plain file name inside the folder is opened.
        if let file = clip.file, !file.contains("/"), file != "..", !file.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: path) {
                do {
                    let middle = (clip.actualDuration ?? clip.duration) / 2
                    png = try PNGWriter.encode(try Thumbnailer(path: path).frame(at: max(0, middle), width: thumbnailWidth), file: path)
                } catch {
                    problem = "\(error)"
                }
            } else {
                problem = "\(file) is missing"
            }
        } else {
            problem = clip.file.map { "'\($0)' is not a file name in the folder" } ?? "dry run: no clip file"
        }
        return ClipCard(index: clip.index, file: clip.file, start: clip.start, end: clip.end, score: clip.score, reasons: clip.reasons,
                        hookScore: clip.hookScore, hookFindings: clip.hookFindings?.map { HookFinding(id: $0, fix: hints[$0]) }, thumbnailPNG: png, thumbnailProblem: problem)
    }

    /// Renders and writes the page (temporary name, then renamed); returns its size in bytes.
    static func write(plans: [PlanInput], recordings: [RecordingInput], database: String, to path: String) throws -> Int {
        let subtitle = "Made \(Clock.timestamp) from \(database)"
        let bytes = Data(HTMLReport(plans: plans, recordings: recordings, subtitle: subtitle).render().utf8)
        try AtomicFile.write(bytes, to: path)
        return bytes.count
    }
}

/// An `--clips` folder that is not an extract output folder: one line, exit 1.
struct ReportInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
