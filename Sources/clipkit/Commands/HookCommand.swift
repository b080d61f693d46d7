import ArgumentParser
import ClipHook
import ClipPresets
import Foundation

/// `clipkit hook`: the hook check (`clipkit hook FILE...`, the default) and its calibration (`clipkit hook calibrate`).
struct HookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Check the opening seconds of ad creatives (default), or calibrate the check on the account's hook rates.",
        discussion: """
        clipkit hook FILE... is clipkit hook check FILE...; see clipkit hook check --help and clipkit hook calibrate --help.
        """,
        subcommands: [HookCheckCommand.self, HookCalibrateCommand.self],
        defaultSubcommand: HookCheckCommand.self
    )
}

/// `clipkit hook [check]`: scores the first seconds of ad creatives against a platform preset.
struct HookCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the opening seconds of ad creatives: findings with fixes, and a score 0–100.",
        discussion: """
        Measures the opening window (default 3 s): black or fade-in, frozen picture, time to the first cut,
        motion, time to the first sound, loudness, clipping, black bars, sharpness, exposure, colourfulness;
        and for the whole file: duration, resolution, aspect, audio. Thresholds and points come from the
        platform preset (Presets/platforms/*.yaml). Each finding has a stable id (black_open, silent_open, …),
        a severity, the value, the threshold, the time span and a fix hint. Findings and the score are
        documented in docs/hook.md. A file that cannot be read prints one error line; the others are still
        checked and the exit code is 1. With --min-score, a file scoring below it makes the exit code 3.

        Examples:
          clipkit hook creatives/
          clipkit hook --preset tiktok-9x16 --lang zh a.mp4 b.mp4
          clipkit hook --json --min-score 70 creatives/ | jq '.[] | select(.score < 70) | .file'
          clipkit hook --csv creatives/ > hook.csv
          clipkit hook calibrate --out douyin-mine.yaml    # learn this account's hook rate (see: clipkit hook calibrate --help)
          clipkit hook new.mp4 --preset douyin-mine.yaml   # the predicted hook rate beside the score
        """
    )

    @Argument(help: "Creatives: media files, or folders searched recursively for video files.")
    var paths: [String]

    @Option(help: "Platform preset name (\(PlatformPreset.names.joined(separator: ", "))) or path to a YAML file.")
    var preset = "douyin-9x16"

    @Option(help: "Seconds of the opening to check (default: the preset's hook.window, 3).")
    var window: Double?

    @Option(name: .customLong("min-score"), help: "Exit with code 3 when any file scores below this.")
    var minScore: Double?

    @Flag(help: "Print one JSON array of {file, preset, score, findings[], metrics{}}.")
    var json = false

    @Flag(help: "Print CSV (one row per file) for spreadsheets.")
    var csv = false

    @Option(help: "Language of messages and fixes: en or zh (default: from LANG).")
    var lang: HookLanguage?

    @Flag(name: .customLong("every-frame"), help: "Analyse every frame (default: I- and P-frames, B-frames skipped: twice as fast).")
    var everyFrame = false

    @Option(help: "Files checked at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be combined.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let window, !(window > 0) { throw ValidationError("--window must be a positive number of seconds.") }
    }

    func run() throws {
        let language = lang ?? HookLanguage.fromLocale(ProcessInfo.processInfo.environment)
        var checker = try HookChecker(preset: preset, language: language, decoderThreads: jobs > 1 ? 1 : 0)
        checker.everyFrame = everyFrame
        let files = MediaFileList.expand(paths)
        guard !files.isEmpty else { throw ValidationError("no video files found in \(paths.joined(separator: ", ")).") }
        let progress = ProgressBar(label: "hook", total: Double(files.count))
        let outcomes = ParallelWork.map(files, jobs: jobs, done: { progress.update(Double($0)) }) { path in
            Result { try checker.check(file: path, window: window) }
        }
        progress.finish()
        var reports: [HookReport] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let report): reports.append(report)
            case .failure(let error): Terminal.writeError("clipkit: error: \(error)")
            }
        }
        if json {
            try JSONOutput.print(reports)
        } else if csv {
            Terminal.write(HookOutput.csv(reports))
        } else if !reports.isEmpty {
            Terminal.write(HookOutput.table(reports) + HookOutput.fixes(reports))
        }
        if reports.count < files.count { throw ExitCode(ExitStatus.failure) }
        if let minScore, reports.contains(where: { $0.score < minScore }) { throw ExitCode(ExitStatus.needsAttention) }
    }
}

extension HookLanguage: ExpressibleByArgument {}
