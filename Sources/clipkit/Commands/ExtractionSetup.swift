import ClipAnalysis
import ClipHighlights
import ClipMedia
import ClipPresets
import ClipStore
import Foundation

/// Turns extract options into an `ExtractionRequest`: loads the presets and keyword lists.
struct ExtractionSetup {
    let options: ExtractOptions
    let output: String
    let dryRun: Bool
    let force: Bool

    func request() throws -> ExtractionRequest {
        var config = try PresetLocator.load(HighlightConfig.self, kind: "highlights", options.highlights)
        let platform = try options.preset.map { try PresetLocator.load(PlatformPreset.self, kind: "platforms", $0) }
        if options.mode == "encode" && platform == nil {
            throw PresetError("--mode encode needs --preset (one of: \(PresetLocator.names(kind: "platforms").joined(separator: ", ")))")
        }
        if let platform {
            config.selection.minDuration = platform.output.minDuration
            config.selection.maxDuration = platform.output.maxDuration
            config.selection.targetDuration = min(max(config.selection.targetDuration, platform.output.minDuration), platform.output.maxDuration)
        }
        if let count = options.count { config.selection.count = count }
        if let value = options.minDuration { config.selection.minDuration = value }
        if let value = options.maxDuration { config.selection.maxDuration = value }
        guard config.selection.minDuration > 0, config.selection.maxDuration >= config.selection.minDuration else {
            throw PresetError("clip durations must satisfy 0 < min (\(config.selection.minDuration) s) ≤ max (\(config.selection.maxDuration) s)")
        }
        config.selection.targetDuration = min(max(config.selection.targetDuration, config.selection.minDuration), config.selection.maxDuration)

        let keywordFiles = options.keywords.isEmpty ? ["zh-ecommerce", "en-ecommerce"] : options.keywords
        var phrases: [(phrase: String, weight: Double)] = []
        for name in keywordFiles {
            let url = try PresetLocator.url(kind: "keywords", name, fileExtension: "txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw PresetError("\(url.path): cannot read the keyword list as UTF-8 text")
            }
            phrases += KeywordList(text: text).phrases
        }

        let mode: ExtractionRequest.Mode
        switch options.mode {
        case "exact": mode = .exact
        case "encode":
            let delivery = platform!.output
            let settings = EncodeSettings(width: delivery.width, height: delivery.height,
                                          fit: ClipMedia.FitMode(rawValue: delivery.fit.rawValue) ?? .crop,
                                          frameRate: delivery.fps, videoBitRate: delivery.videoBitrate,
                                          audioBitRate: delivery.audioBitrate, audioSampleRate: delivery.audioSampleRate,
                                          peakCeilingDB: delivery.truePeakCeiling)
            mode = .encode(settings: settings, loudnessTarget: delivery.loudnessTarget, preset: platform!.name)
        default: mode = .copy
        }
        return ExtractionRequest(
            outputDirectory: output, config: config, configName: options.highlights, mode: mode,
            analysisMode: AnalysisMode(rawValue: options.analysis) ?? .fast, eventsPath: options.events,
            recordingStart: options.recordingStart.flatMap(EventTime.wallClock),
            timeZone: options.timezone.flatMap(TimeZone.init(identifier:)) ?? .current,
            transcriptPath: options.transcript, keywords: KeywordList(phrases: phrases), keywordFiles: keywordFiles,
            exports: options.exports.compactMap(TimelineFormat.init(rawValue:)),
            contactSheet: options.contactSheet, dryRun: dryRun, force: force)
    }
}
