import ClipAnalysis
import ClipAnalyzer
import ClipImport
import ClipMedia
import Foundation

/// What `extract` is doing now, for progress display.
public enum ExtractionStage: String, Sendable {
    case analysing, cutting
}

/// The outcome for one recording.
public struct ExtractionOutcome: Sendable {
    public var entry: RecordingEntry
    /// True when the same recording was already extracted with the same parameters (nothing was done).
    public var skipped: Bool
}

/// Extracts the top clips of one recording: analysis pass, ranking (signals, live-room metrics, cue phrases),
/// cutting, and the manifest entry. The folder's manifest is updated by the caller (`ExtractionManifest`).
public struct HighlightExtractor {
    /// Scores a cut clip's opening (the hook check): score and finding ids. Injected by the caller so that
    /// ranking does not depend on the hook module.
    public typealias HookScorer = (String) throws -> (score: Double, findings: [String])

    public let request: ExtractionRequest
    public let hookScorer: HookScorer?

    public init(request: ExtractionRequest, hookScorer: HookScorer? = nil) {
        self.request = request
        self.hookScorer = hookScorer
    }

    public func extract(recording: String, previous: RecordingEntry?,
                        progress: @escaping (ExtractionStage, Double) -> Void = { _, _ in }) throws -> ExtractionOutcome {
        let source = URL(fileURLWithPath: recording).standardizedFileURL.path
        let probe = try MediaFile(path: source).probe()
        let parameters = parameters()
        let digest = try fingerprint(source: source, parameters: parameters)
        if !request.force, !request.dryRun, let previous, previous.digest == digest, previous.clips.allSatisfy({ clip in
            clip.file.map { OutputName.isPlain($0) && FileManager.default.fileExists(atPath: path(in: $0)) } ?? false
        }) {
            return ExtractionOutcome(entry: previous, skipped: true)
        }

        let analysisStarted = Date()
        let report = try MediaAnalyzer.analyze(path: source, options: AnalysisOptions(mode: request.analysisMode)) { done, total in
            progress(.analysing, total > 0 ? done / total : 0)
        }
        let signals = HighlightSignals(report: report)
        let events = try request.eventsPath.map { try readEvents($0, probe: probe, duration: signals.duration) }
        let hits = try request.transcriptPath.map { path -> [KeywordHit] in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw HighlightInputError(path, FileManager.default.fileExists(atPath: path) ? "is not UTF-8 text" : "no such file")
            }
            return request.keywords.hits(in: try Transcript(text: text, file: path))
        } ?? []
        let scores = HighlightScorer(config: request.config).score(signals, events: events, keywords: hits)
        let plans = WindowSelector(selection: request.config.selection).select(scores)

        let cuttingStarted = Date()
        var clips: [ClipEntry] = []
        var written: [String] = []
        let outputs: (exports: [String], sheet: String?)
        do {
            if !request.dryRun {
                try FileManager.default.createDirectory(atPath: request.outputDirectory, withIntermediateDirectories: true)
            }
            let cutter = request.dryRun ? nil : try ClipCutter(source: source)
            let stem = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            for plan in plans {
                var clip = ClipEntry(index: plan.rank, start: plan.start, end: plan.end, duration: plan.duration, score: plan.score,
                                     reasons: plan.reasons, components: plan.components, startSnap: plan.startSnap,
                                     endSnap: plan.endSnap, mode: request.mode.name)
                if let cutter {
                    let name = String(format: "%@-%02d.mp4", stem, plan.rank)
                    let result = try Self.namingSource(source, clip: name, plan: plan) {
                        try cutter.cut(start: plan.start, end: plan.end, mode: cutMode(for: plan, report: report),
                                       output: path(in: name)) { fraction in
                            progress(.cutting, (Double(plan.rank - 1) + fraction) / Double(plans.count))
                        }
                    }
                    written.append(path(in: name))
                    clip.file = name
                    clip.actualStart = result.actualStart
                    clip.actualDuration = result.duration
                    clip.method = result.method
                    clip.notes = result.notes.isEmpty ? nil : result.notes
                    if let hookScorer, let hook = try? hookScorer(path(in: name)) {
                        clip.hookScore = hook.score
                        clip.hookFindings = hook.findings
                    }
                }
                clips.append(clip)
            }
            outputs = request.dryRun ? ([], nil) : try writeTimelines(clips: clips, source: source, stem: stem, probe: probe)
        } catch {
            // All of a recording's outputs or none: clips this run already cut are not in any manifest.
            for file in written { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
        let timing = ExtractionTiming(analysis: cuttingStarted.timeIntervalSince(analysisStarted),
                                      cutting: Date().timeIntervalSince(cuttingStarted))
        if !request.dryRun, let previous { removeStaleClips(previous: previous, current: clips) }

        let entry = RecordingEntry(
            source: source, probe: probe, parameters: parameters, digest: digest,
            analysis: AnalysisFigures(duration: report.summary.duration, integratedLoudness: report.summary.loudness.integrated,
                                      loudnessRange: report.summary.loudness.range, cuts: report.cuts.count,
                                      speechShare: report.summary.speechShare,
                                      eventsCovered: events.map { [$0.covered.lowerBound, $0.covered.upperBound] },
                                      keywordHits: hits.count, decodeProblems: report.decode.problemCount),
            clips: clips, exports: outputs.exports, contactSheet: outputs.sheet, timing: timing)
        return ExtractionOutcome(entry: entry, skipped: false)
    }

    /// The EDL/FCPXML/OTIO timelines and the contact sheet asked for; returns the file names written.
    private func writeTimelines(clips: [ClipEntry], source: String, stem: String, probe: MediaInfo) throws -> (exports: [String], sheet: String?) {
        guard !request.exports.isEmpty || request.contactSheet, !clips.isEmpty else { return ([], nil) }
        let video = probe.streams.first { $0.video != nil }?.video
        let timelineClips = clips.map { clip in
            TimelineClip(name: clip.file.map { ($0 as NSString).deletingPathExtension } ?? "\(stem)-\(clip.index)",
                         source: source, start: clip.start, end: clip.end, score: clip.score,
                         comment: clip.reasons.prefix(3).joined(separator: "; "))
        }
        let timeline = Timeline(name: stem, rate: TimelineRate(fps: video?.averageFrameRate ?? 30),
                                width: video?.width ?? 1920, height: video?.height ?? 1080,
                                sourceDurations: [source: probe.duration ?? 0], clips: timelineClips)
        var written: [String] = []
        for format in request.exports {
            let name = "\(stem).\(format.rawValue)"
            switch format {
            case .edl: try EDLWriter.write(timeline, to: path(in: name))
            case .fcpxml: try FCPXMLWriter.write(timeline, to: path(in: name))
            case .otio: try OTIOWriter.write(timeline, to: path(in: name))
            }
            written.append(name)
        }
        var sheet: String?
        if request.contactSheet {
            sheet = "\(stem)-contact-sheet.png"
            try ContactSheet.write(ContactSheet.cells(for: timelineClips, width: 320), to: path(in: sheet!))
        }
        return (written, sheet)
    }

    /// Deletes the temporary files a killed run left for the outputs of `recording` in the output folder
    /// (`.<stem>-01.partial-<pid>.mp4`, `.<stem>.edl.partial-<pid>`, `.<stem>-contact-sheet.png.partial-<pid>`).
    /// Only for a caller that knows no other live run writes this recording's outputs there (a queue worker
    /// holding the job's lease).
    public func removeLeftovers(recording: String) {
        let stem = URL(fileURLWithPath: recording).deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: request.outputDirectory)) ?? []
        for name in names where OutputName.isLeftover(name, stem: stem) {
            try? FileManager.default.removeItem(atPath: path(in: name))
        }
    }

    private func path(in name: String) -> String {
        (request.outputDirectory as NSString).appendingPathComponent(name)
    }

    private func parameters() -> ExtractionParameters {
        var preset: String?
        if case let .encode(_, _, name) = request.mode { preset = name }
        let selection = request.config.selection
        return ExtractionParameters(
            count: selection.count, minDuration: selection.minDuration, maxDuration: selection.maxDuration,
            mode: request.mode.name, platformPreset: preset, highlights: request.configName,
            analysisMode: request.analysisMode.rawValue, events: request.eventsPath,
            recordingStart: request.recordingStart.map { ISO8601DateFormatter().string(from: $0) },
            transcript: request.transcriptPath, keywords: request.keywordFiles)
    }

    /// FNV-1a over the source's identity (path, size, modification time) and the parameters.
    private func fingerprint(source: String, parameters: ExtractionParameters) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: source)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        var text = "\(source)|\(size)|\(modified)|"
        text += String(decoding: try ExtractionManifest.encoder.encode(parameters), as: UTF8.self)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(format: "%016llx", hash)
    }

    private func readEvents(_ file: String, probe: MediaInfo, duration: Double) throws -> LiveEvents {
        let reader = try CSVRecordReader(path: file)
        guard let header = try reader.next()?.fields else { throw HighlightInputError(file, "is empty") }
        var rows: [[String]] = []
        while let record = try reader.next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            rows.append(record.fields)
        }
        let start = request.recordingStart ?? probe.creationTime.flatMap { creation in
            RecordingClock.wallClock(creationTime: creation, in: request.timeZone)
        }
        return try LiveEventsReader(file: file, columns: request.config.events.columns)
            .read(header: header, rows: rows, recordingStart: start, duration: duration)
    }

    private func cutMode(for plan: ClipPlan, report: AnalysisReport) -> CutMode {
        switch request.mode {
        case .copy: return .copy
        case .exact: return .exact
        case let .encode(settings, target, _):
            var settings = settings
            if let level = SpanLoudness.measure(report.timeline, from: plan.start, to: plan.end) {
                settings.audioGainDB = max(-30, min(30, target - level))
            }
            return .encode(settings)
        }
    }

    /// Runs a cut; a media error about the clip being written is reported against the recording, naming the clip.
    private static func namingSource(_ source: String, clip name: String, plan: ClipPlan, _ cut: () throws -> CutResult) throws -> CutResult {
        do {
            return try cut()
        } catch let error as MediaError where error.file != source {
            let span = String(format: "%.2f-%.2f s", plan.start, plan.end)
            throw MediaError(file: source, operation: "cutting \(span) into \(name): \(error.operation)", message: error.message, code: error.code)
        }
    }

    /// Clip files a previous run of this recording wrote that this run did not write again (plain names only:
    /// a manifest edited to say `../x` or `/x` never deletes anything outside the output folder).
    private func removeStaleClips(previous: RecordingEntry, current: [ClipEntry]) {
        let kept = Set(current.compactMap(\.file))
        for old in previous.clips.compactMap(\.file) where !kept.contains(old) && OutputName.isPlain(old) {
            try? FileManager.default.removeItem(atPath: path(in: old))
        }
    }
}

/// Maps a recording's `creation_time` (UTC) onto the wall clock of a live-room export.
public enum RecordingClock {
    public static func wallClock(creationTime: String, in zone: TimeZone) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let utc = formatter.date(from: creationTime) ?? ISO8601DateFormatter().date(from: creationTime) else { return nil }
        return utc.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: utc)))
    }
}

/// Loudness of a span from the per-second short-term loudness: the energy mean of the measured seconds.
enum SpanLoudness {
    static func measure(_ timeline: [TimelineSecond], from: Double, to: Double) -> Double? {
        let values = timeline.filter { Double($0.second) >= from && Double($0.second) < to }.compactMap(\.shortTerm)
        guard !values.isEmpty else { return nil }
        let energy = values.map { pow(10, $0 / 10) }.reduce(0, +) / Double(values.count)
        return 10 * log10(energy)
    }
}
