import ArgumentParser
import ClipHighlights
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

    @OptionGroup var flags: ExtractFlags

    @Flag(name: .customLong("dry-run"), help: "Print the ranked plan; cut nothing, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print the manifest of this run as JSON on stdout.")
    var json = false

    @Flag(name: .long, help: "Extract again even when the folder already has this recording with the same parameters.")
    var force = false

    func validate() throws {
        try flags.validate(recordings: recordings.count)
    }

    func run() throws {
        let extractions = try recordings.indices.map { index in
            try RecordingExtraction(options: flags.options(recording: index), output: out, dryRun: dryRun, force: force)
        }
        var ran: [RecordingEntry] = []
        var failed = false
        for (recording, extraction) in zip(recordings, extractions) {
            let bar = ProgressBar(label: URL(fileURLWithPath: recording).lastPathComponent, total: 1)
            do {
                let outcome = try extraction.run(recording: recording) { stage, fraction in
                    bar.update(stage == .analysing ? fraction * 0.6 : 0.6 + fraction * 0.4)
                }
                bar.finish()
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
}
