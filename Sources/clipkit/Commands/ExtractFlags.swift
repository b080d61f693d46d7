import ArgumentParser
import ClipAnalysis
import ClipHighlights
import ClipStore
import Foundation

/// The extract options shared by `clipkit extract` and `clipkit queue add`: what to find, how to cut it.
struct ExtractFlags: ParsableArguments {
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

    func validate() throws {
        guard ["copy", "exact", "encode"].contains(mode) else { throw ValidationError("--mode must be copy, exact or encode") }
        guard AnalysisMode(rawValue: analysis) != nil else { throw ValidationError("--analysis must be fast or exhaustive") }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let recordingStart, EventTime.wallClock(recordingStart) == nil { throw ValidationError("--recording-start '\(recordingStart)' is not a date-time like 2026-11-20 20:00:00") }
        if let timezone, TimeZone(identifier: timezone) == nil { throw ValidationError("--timezone '\(timezone)' is not a time zone name like Asia/Shanghai") }
        for name in exports where TimelineFormat(rawValue: name) == nil {
            throw ValidationError("--export takes edl, fcpxml and otio, not '\(name)'")
        }
    }

    /// Checks that --events and --transcript give one file per recording.
    func validate(recordings: Int) throws {
        if !events.isEmpty && events.count != recordings { throw ValidationError("give one --events file per recording (\(recordings)), in the same order") }
        if !transcript.isEmpty && transcript.count != recordings { throw ValidationError("give one --transcript per recording (\(recordings)), in the same order") }
    }

    /// The options for the recording at `index` (its own --events and --transcript), as given on the command line.
    func options(recording index: Int) -> ExtractOptions {
        ExtractOptions(count: count, minDuration: minDuration, maxDuration: maxDuration,
                       events: events.isEmpty ? nil : events[index], recordingStart: recordingStart, timezone: timezone,
                       transcript: transcript.isEmpty ? nil : transcript[index], keywords: keywords, mode: mode, preset: preset,
                       highlights: highlights, analysis: analysis, exports: exports, contactSheet: contactSheet, hook: !noHook)
    }

    private var exports: [String] {
        export.map { $0.split(separator: ",").map(String.init) } ?? []
    }
}

extension ExtractOptions {
    /// The same options with every file made absolute and the time zone spelled out, so that a worker in another
    /// folder or time zone does the same work (preset and keyword names stay names).
    func portable() -> ExtractOptions {
        var options = self
        options.events = events.map(Self.absolute)
        options.transcript = transcript.map(Self.absolute)
        options.preset = preset.map(Self.absoluteIfPath)
        options.highlights = Self.absoluteIfPath(highlights)
        options.keywords = keywords.map(Self.absoluteIfPath)
        options.timezone = timezone ?? TimeZone.current.identifier
        return options
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A preset given as a path (as PresetLocator tells names from paths) made absolute; a name as is.
    private static func absoluteIfPath(_ nameOrPath: String) -> String {
        let isPath = nameOrPath.contains("/") || [".yaml", ".yml", ".txt"].contains { nameOrPath.hasSuffix($0) }
        return isPath ? absolute(nameOrPath) : nameOrPath
    }
}
