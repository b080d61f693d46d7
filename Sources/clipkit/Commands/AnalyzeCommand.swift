import ArgumentParser
import ClipAnalysis
import ClipAnalyzer
import ClipMedia
import ClipPresets
import Foundation

/// `clipkit analyze`: loudness, silence, speech, motion, cuts, fades, black and freeze of recordings.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure loudness, silence, speech, motion, shot cuts, fades, black and frozen video.",
        discussion: """
        One pass per file. --mode fast (default) decodes the audio, the keyframes and the packet sizes, and
        every frame only in the GOPs around candidate changes; --mode exhaustive decodes every frame.
        Prints a summary and the event lists; --json prints the whole report (per-second timeline included;
        fields in docs/analysis.md). Thresholds come from Presets/analysis/default.yaml or --preset.

        Examples:
          clipkit analyze live-2024-06-18.flv
          clipkit analyze --mode exhaustive --from 60 --to 120 --json show.mp4 | jq '.cuts[].time'
          clipkit analyze --out report.json --preset my-analysis.yaml show.mp4
        """
    )

    @Argument(help: "Recordings to analyse.")
    var files: [String]

    @Flag(name: .long, help: "Print the report as JSON (one object; an array for several files).")
    var json = false

    @Option(name: .long, help: "Write the JSON report to this file (written whole or not at all).")
    var out: String?

    @Option(name: .long, help: "Start of the range, seconds from the container start.")
    var from: Double?

    @Option(name: .long, help: "End of the range, seconds from the container start.")
    var to: Double?

    @Option(name: .long, help: "fast (default) or exhaustive.")
    var mode: AnalysisMode = .fast

    @Flag(name: .long, help: "Add the per-frame measures and the 100 ms loudness series to the JSON (short ranges).")
    var series = false

    @Option(name: .long, help: "Analysis preset: a name in Presets/analysis or a YAML path.")
    var preset = "default"

    func validate() throws {
        if let from, from < 0 { throw ValidationError("--from must be 0 or more") }
        if let from, let to, to <= from { throw ValidationError("--to must be after --from") }
    }

    func run() throws {
        let settings = try PresetLocator.load(AnalysisSettings.self, kind: "analysis", preset)
        let options = AnalysisOptions(mode: mode, from: from, to: to, settings: settings, keepSeries: series)
        var reports: [AnalysisReport] = []
        var failed = false
        for path in files {
            let bar = ProgressBar(label: URL(fileURLWithPath: path).lastPathComponent, total: 1)
            do {
                let report = try MediaAnalyzer.analyze(path: path, options: options) { done, total in
                    bar.update(total > 0 ? done / total : 0)
                }
                bar.finish()
                reports.append(report)
                if !json { Terminal.write(AnalyzeReport.text(report)) }
                for problem in report.decode.problems { Terminal.writeError("clipkit: warning: \(path): skipped \(problem)") }
            } catch {
                bar.finish()
                failed = true
                Terminal.writeError("clipkit: error: \(error)")
            }
        }
        if failed { throw ExitCode(ExitStatus.failure) }
        let document: AnyEncodable = reports.count == 1 ? AnyEncodable(reports[0]) : AnyEncodable(reports)
        if let out { try AtomicFile.write(try JSONOutput.encoder().encode(document) + Data("\n".utf8), to: out) }
        if json { try JSONOutput.print(document) }
    }
}

extension AnalysisMode: ExpressibleByArgument {}

/// Lets one code path encode a single report or an array of them.
struct AnyEncodable: Encodable {
    private let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
