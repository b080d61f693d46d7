import ClipHighlights
import ClipHook
import ClipStore
import Foundation

/// One recording extracted into a folder, the way `clipkit extract` does it and `clipkit worker` does it for a
/// queued job: presets loaded (on creation, so a bad preset fails before any work), the recording analysed, ranked
/// and cut — or skipped when the folder already has it with the same parameters — and the folder's manifest
/// updated under its lock, so runs writing into one folder at once keep each other's entries.
struct RecordingExtraction {
    let options: ExtractOptions
    let output: String
    let dryRun: Bool
    private let extractor: HighlightExtractor

    init(options: ExtractOptions, output: String, dryRun: Bool = false, force: Bool = false) throws {
        self.options = options
        self.output = output
        self.dryRun = dryRun
        let request = try ExtractionSetup(options: options, output: output, dryRun: dryRun, force: force).request()
        extractor = HighlightExtractor(request: request, hookScorer: options.hook ? Self.hookScorer(preset: options.preset) : nil)
    }

    func run(recording: String, progress: @escaping (ExtractionStage, Double) -> Void = { _, _ in }) throws -> ExtractionOutcome {
        let source = URL(fileURLWithPath: recording).standardizedFileURL.path
        let previous = dryRun ? nil : try ExtractionManifest.load(directory: output).recordings.first { $0.source == source }
        let outcome = try extractor.extract(recording: recording, previous: previous, progress: progress)
        if !dryRun {
            try ExtractionManifest.update(directory: output) { $0.upsert(outcome.entry) }
        }
        return outcome
    }

    /// Deletes the temporary files a killed run left for this recording's outputs in the folder.
    func removeLeftovers(recording: String) {
        extractor.removeLeftovers(recording: recording)
    }

    /// Scores each cut clip's opening with the platform preset (douyin-9x16 unless --preset names another).
    private static func hookScorer(preset: String?) -> HighlightExtractor.HookScorer? {
        guard let checker = try? HookChecker(preset: preset ?? "douyin-9x16") else { return nil }
        return { file in
            let report = try checker.check(file: file)
            return (report.score, report.findings.map(\.id))
        }
    }
}
