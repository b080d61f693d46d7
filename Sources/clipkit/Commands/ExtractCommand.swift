import ArgumentParser
import ClipAnalysis
import ClipHighlights
import ClipHook
import ClipMedia
import ClipPresets
import Foundation

/// `clipkit extract`: the top highlight clips of live recordings, cut, explained, ready for the platform.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find the moments that sell in live recordings and cut ready-to-post clips.",
        discussion: """
        Ranks every second of a recording from its own signals (loudness while the host speaks, speech,
        motion, shot cuts; black, frozen and silent stretches count against), the live room's metrics
        (--events: orders, GMV, comments, likes, entries, viewers — a spike credits the pitch before it)
        and cue phrases in a transcript (--transcript, --keywords). Picks the top non-overlapping windows,
        snaps their edges to shot cuts and pauses, cuts them, and writes DIR/manifest.json with every clip's
        score and reasons. A recording already extracted with the same parameters is skipped (--force redoes it).

        Modes: copy (lossless, starts at the keyframe before the in point), exact (frame-accurate smart cut),
        encode (re-encode to --preset, e.g. douyin-9x16 1080x1920, audio normalised to its loudness target).

        Examples:
          clipkit extract live-1118.flv --out clips/ --events room-1118.csv --transcript live-1118.srt
          clipkit extract *.mp4 --out clips/ --count 10 --mode encode --preset douyin-9x16 --export edl,otio
          clipkit extract live.ts --out clips/ --dry-run --json | jq '.recordings[0].clips[].reasons'
        """
    )

    @Argument(help: "Recordings (MP4/MOV, FLV, MPEG-TS, MKV).")
    var recordings: [String]

    @Option(name: .long, help: "Output folder (created if missing).")
    var out: String

    @Option(name: .long, help: "Number of clips per recording (default: the highlights preset's, 5).")
    var count: Int?

    @Option(name: .customLong("min-duration"), help: "Shortest clip in seconds (default: the platform preset's, else 15).")
    var minDuration: Double?

    @Option(name: .customLong("max-duration"), help: "Longest clip in seconds (default: the platform preset's, else 60).")
    var maxDuration: Double?

    @Option(name: .long, help: "Live-room metrics CSV (one per recording, in the same order).")
    var events: [String] = []

    @Option(name: .customLong("recording-start"), help: "Wall-clock start of the recording on the export's clock, e.g. '2026-11-20 20:00:00' (default: the recording's creation_time).")
    var recordingStart: String?

    @Option(name: .long, help: "Time zone of the export's wall clock, to read the recording's creation_time (default: this machine's).")
    var timezone: String?

    @Option(name: .long, help: "Transcript, SRT or WebVTT (one per recording, in the same order).")
    var transcript: [String] = []

    @Option(name: .long, help: "Cue-phrase list (default: keywords/zh-ecommerce and keywords/en-ecommerce). Repeatable.")
    var keywords: [String] = []

    @Option(name: .long, help: "copy | exact | encode.")
    var mode: String = "copy"

    @Option(name: .long, help: "Platform preset for encode mode and default durations (name or path).")
    var preset: String?

    @Option(name: .long, help: "Ranking preset: weights, lags, aliases (name or path).")
    var highlights: String = "default"

    @Option(name: .long, help: "Analysis mode: fast (default) or exhaustive.")
    var analysis: String = "fast"

    @Option(name: .long, help: "Timelines to write: edl,fcpxml,otio.")
    var export: String?

    @Flag(name: .customLong("contact-sheet"), help: "Write one PNG with a thumbnail, time and score per clip.")
    var contactSheet = false

    @Flag(name: .customLong("no-hook"), help: "Do not run the three-second hook check on each clip.")
    var noHook = false

    @Flag(name: .customLong("dry-run"), help: "Print the ranked plan; cut nothing, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print the manifest of this run as JSON on stdout.")
    var json = false

    @Flag(name: .long, help: "Extract again even when the folder already has this recording with the same parameters.")
    var force = false

    func validate() throws {
        guard ["copy", "exact", "encode"].contains(mode) else { throw ValidationError("--mode must be copy, exact or encode") }
        guard AnalysisMode(rawValue: analysis) != nil else { throw ValidationError("--analysis must be fast or exhaustive") }
        if !events.isEmpty && events.count != recordings.count { throw ValidationError("give one --events file per recording (\(recordings.count)), in the same order") }
        if !transcript.isEmpty && transcript.count != recordings.count { throw ValidationError("give one --transcript per recording (\(recordings.count)), in the same order") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let recordingStart, EventTime.wallClock(recordingStart) == nil { throw ValidationError("--recording-start '\(recordingStart)' is not a date-time like 2026-11-20 20:00:00") }
        if let timezone, TimeZone(identifier: timezone) == nil { throw ValidationError("--timezone '\(timezone)' is not a time zone name like Asia/Shanghai") }
        if let export {
            for name in export.split(separator: ",") where TimelineFormat(rawValue: String(name)) == nil {
                throw ValidationError("--export takes edl, fcpxml and otio, not '\(name)'")
            }
        }
    }

    func run() throws {
        let request = try ExtractionSetup(command: self).request()
        var manifest = dryRun ? ExtractionManifest() : try ExtractionManifest.load(directory: out)
        if !dryRun { PartialFile.removeStale(in: out) }
        var ran: [RecordingEntry] = []
        var failed = false
        for (index, recording) in recordings.enumerated() {
            var perRecording = request
            perRecording.eventsPath = events.isEmpty ? nil : events[index]
            perRecording.transcriptPath = transcript.isEmpty ? nil : transcript[index]
            let bar = ProgressBar(label: URL(fileURLWithPath: recording).lastPathComponent, total: 1)
            do {
                let source = URL(fileURLWithPath: recording).standardizedFileURL.path
                let extractor = HighlightExtractor(request: perRecording, hookScorer: noHook ? nil : hookScorer())
                let outcome = try extractor.extract(recording: recording, previous: manifest.recordings.first { $0.source == source }) { stage, fraction in
                    bar.update(stage == .analysing ? fraction * 0.6 : 0.6 + fraction * 0.4)
                }
                bar.finish()
                if !dryRun {
                    manifest.upsert(outcome.entry)
                    try manifest.save(directory: out)
                }
                ran.append(outcome.entry)
                if !json { Terminal.write(ExtractReport.text(outcome, directory: out, dryRun: dryRun)) }
            } catch {
                bar.finish()
                failed = true
                Terminal.writeError("clipkit: error: \(error)")
            }
        }
        if json {
            var printed = ExtractionManifest()
            printed.recordings = ran
            try JSONOutput.print(printed)
        }
        if failed { throw ExitCode(ExitStatus.failure) }
    }

    /// Scores each cut clip's opening with the platform preset (douyin-9x16 unless --preset names another).
    private func hookScorer() -> HighlightExtractor.HookScorer? {
        guard let checker = try? HookChecker(preset: preset ?? "douyin-9x16") else { return nil }
        return { file in
            let report = try checker.check(file: file)
            return (report.score, report.findings.map(\.id))
        }
    }
}
