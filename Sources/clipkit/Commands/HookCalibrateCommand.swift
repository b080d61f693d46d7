import ArgumentParser
import ClipAnalysis
import ClipHook
import ClipMedia
import ClipPresets
import ClipRotation
import ClipStore
import Foundation

/// `clipkit hook calibrate`: fits the account's hook rate (3-second views ÷ impressions) on the hook metrics of
/// the creatives in the store and writes a calibrated platform preset.
struct HookCalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn what hooks work on this account: fit hook rate on the hook metrics, write a calibrated preset.",
        discussion: """
        Creatives in the store that have a media file and at least --min-impressions impressions qualify; the target is
        their hook rate (views_3s ÷ impressions, summed over the imported days since --since), weighted by impressions.
        Each creative's opening is measured from its file; the fit is a ridge regression on standardised metrics
        (Presets/hook/calibration.yaml). Prints each metric's effect with its standard error and the cross-validated
        Spearman ρ of predicted vs actual hook rate beside that of the uncalibrated score; writes --out (the base
        preset plus a calibration: section) only when the fit succeeds. See docs/hook.md, "Calibration".

        Examples:
          clipkit hook calibrate --out douyin-mine.yaml
          clipkit hook calibrate --plan spring-sale --since 2026-10-01 --min-impressions 5000 --out spring.yaml --json
          clipkit hook new.mp4 --preset douyin-mine.yaml
        """
    )

    @Option(help: "Only the creatives of this plan (default: every plan).") var plan: String?
    @Option(help: "Only stats from this day on (YYYY-MM-DD).") var since: Day?
    @Option(name: .customLong("min-impressions"), help: "Impressions a creative needs to count (default: the settings' minImpressions, 1000).")
    var minImpressions: Int?
    @Option(help: "Base platform preset, name or path.") var preset = "douyin-9x16"
    @Option(help: "Calibration settings, name in Presets/hook or path.") var settings = "calibration"
    @Option(help: "Where to write the calibrated preset (YAML).") var out: String
    @Flag(help: "Print one JSON document {qualified, excluded, out, calibration}.") var json = false
    @Option(help: "Files measured at once (default: the number of cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let minImpressions, minImpressions < 1 { throw ValidationError("--min-impressions must be at least 1.") }
    }

    func run() async throws {
        let settings = try CalibrationSettings.load(self.settings)
        var base = try PlatformPreset.load(preset)
        base.calibration = nil  // a calibrated preset as the base: its old calibration is replaced
        let checker = HookChecker(preset: base, messages: try HookMessages.load(),
                                  analysis: try PresetLocator.load(AnalysisSettings.self, kind: "analysis", "default"),
                                  decoderThreads: jobs > 1 ? 1 : 0)
        let data = try await CalibrationData.gather(store: try await store.open(), plan: plan, since: since,
                                                    minImpressions: minImpressions ?? settings.minImpressions)
        guard data.qualified.count >= settings.minCreatives else {
            throw CalibrationRefusal("\(CalibrationError.tooFew(qualified: data.qualified.count, needed: settings.minCreatives)); \(data.exclusionSummary)")
        }
        if let constant = HookCalibrator.constantTarget(data.qualified.map { Double($0.views3s) / Double($0.impressions) }) {
            throw CalibrationRefusal("\(constant), nothing written")
        }
        let missing = data.qualified.filter { !FileManager.default.fileExists(atPath: $0.path) }
        if !missing.isEmpty {
            for creative in missing { Terminal.writeError("clipkit: error: creative \(creative.id): media file \(creative.path) not found") }
            throw CalibrationRefusal("\(missing.count) media file\(missing.count == 1 ? "" : "s") missing; restore them or retire those creatives, nothing written")
        }
        let progress = ProgressBar(label: "calibrate", total: Double(data.qualified.count))
        let measured = ParallelWork.map(data.qualified, jobs: jobs, done: { progress.update(Double($0)) }) { creative in
            Result { try checker.check(file: creative.path) }
        }
        progress.finish()
        var samples: [CalibrationSample] = []
        var failed = 0
        for (creative, outcome) in zip(data.qualified, measured) {
            switch outcome {
            case .success(let report):
                samples.append(CalibrationSample(id: creative.id, features: HookFeature.values(report.metrics), score: report.score,
                                                 impressions: creative.impressions, views3s: creative.views3s))
            case .failure(let error):
                Terminal.writeError("clipkit: error: creative \(creative.id): \(error)")
                failed += 1
            }
        }
        if failed > 0 { throw CalibrationRefusal("\(failed) media file\(failed == 1 ? "" : "s") could not be measured, nothing written") }
        let calibration: HookCalibration
        do {
            calibration = try HookCalibrator(settings: settings).fit(samples, fittedAt: Clock.timestamp)
        } catch let error as CalibrationError {
            throw CalibrationRefusal("\(error), nothing written")
        }
        let baseText = try String(contentsOf: try PresetLocator.url(kind: "platforms", preset), encoding: .utf8)
        let text = try PlatformPreset.calibratedText(base: baseText, calibration: calibration, header: [
            "clipkit hook calibrate: calibrated on \(calibration.creatives) creatives (\(calibration.impressions) impressions), \(calibration.fittedAt).",
            "Predicted hook rate = intercept + Σ weight × (value − mean) ÷ scale, clamped to 0…1. See docs/hook.md, \"Calibration\".",
        ])
        try AtomicFile.write(Data(text.utf8), to: out)
        let summary = CalibrationSummary(qualified: samples.count, excluded: data.excluded, out: out, calibration: calibration)
        if json { try JSONOutput.print(summary) } else { Terminal.write(CalibrationSummary.render(summary)) }
    }
}

/// A calibration that was refused (too few creatives, constant target, missing media): exit 1, no preset written.
struct CalibrationRefusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
