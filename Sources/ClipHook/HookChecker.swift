import ClipAnalysis
import ClipMedia
import ClipPresets
import Foundation

/// Checks the opening of creatives against a platform preset: `check(file:)` gives a `HookReport`
/// (score 0–100, findings, metrics). It reads the probe and one pass over the opening window only (I- and
/// P-frames, or every frame, for the analysis; keyframes for the picture measures); one checker can check
/// many files, from several threads at once. This is the API `extract` (manifest hook scores) and
/// `creative add` call.
public struct HookChecker: Sendable {
    public let preset: PlatformPreset
    public let rulebook: HookRulebook
    /// The analysis thresholds (black, freeze, cuts, fades, silence) the opening is analysed with.
    public let analysis: AnalysisSettings
    /// Decoder threads per file; 0 lets FFmpeg choose (one file at a time), 1 is best when checking files in parallel.
    public var decoderThreads: Int
    /// Analyse every frame instead of the I- and P-frames (B-frames skipped: about 10 of 30 frames a second,
    /// half the decoding). Cut times then fall on the decoded frames; the default is the fast way.
    public var everyFrame = false
    /// Seconds analysed past the window so that cuts and freezes at its end are seen whole.
    public static let lookahead = 0.5

    public init(preset: PlatformPreset, messages: HookMessages, analysis: AnalysisSettings = AnalysisSettings(),
                language: HookLanguage = .en, decoderThreads: Int = 0) {
        self.preset = preset
        rulebook = HookRulebook(preset: preset, messages: messages, language: language)
        self.analysis = analysis
        self.decoderThreads = decoderThreads
    }

    /// A checker for a preset given by name or path, with the shipped messages and default analysis thresholds
    /// (`Presets/analysis/default.yaml`).
    public init(preset nameOrPath: String = "douyin-9x16", language: HookLanguage = .en, decoderThreads: Int = 0) throws {
        self.init(preset: try PlatformPreset.load(nameOrPath), messages: try HookMessages.load(),
                  analysis: try PresetLocator.load(AnalysisSettings.self, kind: "analysis", "default"),
                  language: language, decoderThreads: decoderThreads)
    }

    /// Checks one file's opening (`window` seconds; the preset's `hook.window` by default).
    public func check(file path: String, window: Double? = nil) throws -> HookReport {
        let metrics = try measure(file: path, window: window ?? preset.hook.window)
        let (score, findings) = rulebook.evaluate(metrics)
        let predicted = preset.calibration?.predict(HookFeature.values(metrics))
        return HookReport(file: path, preset: preset.name, score: score, findings: findings, metrics: metrics,
                          predictedHookRate: predicted)
    }

    /// Measures one file without judging it.
    public func measure(file path: String, window requested: Double) throws -> HookMetrics {
        guard requested > 0, requested.isFinite else {
            throw MediaError(file: path, operation: "checking the hook", message: "the window must be a positive number of seconds")
        }
        let file = try MediaFile(path: path)
        guard let videoStream = file.videoStreamIndex else {
            throw MediaError(file: path, operation: "checking the hook", message: "the file has no video stream")
        }
        let facts = try FileFacts(try file.probe(scanSeconds: 0), videoStream: videoStream)
        let window = min(requested, facts.duration)
        let sampler = PictureSampler(blackPixelLuma: analysis.black.pixelThreshold * 255,
                                     blackPictureRatio: analysis.black.pictureRatio)
        let pass = OpeningPass(settings: analysis, skipBidirectional: !everyFrame, threads: decoderThreads)
        let result = try pass.run(file: file, facts: facts, window: window,
                                  end: min(facts.duration, window + HookChecker.lookahead), sampler: sampler)
        return HookMetrics(duration: facts.duration, width: facts.width, height: facts.height, aspect: facts.aspect,
                           frameRate: facts.frameRate, hasAudio: facts.hasAudio, window: window,
                           opening: OpeningMeasures(result.analysis, window: window, settings: analysis),
                           picture: result.picture, framesDecoded: result.framesDecoded, decodeProblems: result.problems)
    }
}
