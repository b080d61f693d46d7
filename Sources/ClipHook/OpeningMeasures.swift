import ClipAnalysis

/// The hook measures of the opening window read off an analysis report of the opening (run with
/// `keepSeries`): black/fade-in at the start, frozen stretch, cuts, motion, first sound, loudness, peaks.
/// Pure: it only reads the report.
public struct OpeningMeasures: Sendable, Equatable {
    /// Seconds from the start until the picture is neither black nor fading in from black.
    public var blackOpen: Double
    public var firstFrameBlack: Bool
    /// The longest frozen stretch overlapping the window, black stretches left out, and where it starts.
    public var frozen: Double
    public var frozenStart: Double?
    /// The first hard cut in the analysed range and the cuts inside the window.
    public var firstCut: Double?
    public var cuts: [Double]
    /// Mean frame-to-frame luma change in the window (0–255), cut and black frames left out.
    public var motion: Double?
    public var firstSound: Double?
    /// Short-term loudness (3 s) at the end of the window — for a 3 s window, exactly the window's loudness;
    /// for a shorter one, the loudness over what was analysed.
    public var openingLoudness: Double?
    public var maxMomentaryLoudness: Double?
    /// Peaks over the analysed range (the window and half a second after it).
    public var samplePeak: Double?
    public var truePeak: Double?

    /// Reads the measures of `[0, window)` from `report`; `settings` are the thresholds the report was made with.
    public init(report: AnalysisReport, window: Double, settings: AnalysisSettings) {
        let frames = report.frames.filter { $0.time < window }
        let blackRatio = settings.black.pictureRatio
        let frameStep = report.frameRate.map { 1 / $0 } ?? 1.0 / 30
        firstFrameBlack = frames.first.map { $0.blackRatio >= blackRatio } ?? false
        // Black run from the first frame: up to the first frame that is not black.
        let blackRun = frames.first { $0.blackRatio < blackRatio }?.time ?? (frames.isEmpty ? 0 : window)
        let fadeIn = report.fades.first { $0.kind == .fromBlack && $0.start <= blackRun + frameStep + 1e-6 }
        blackOpen = min(window, max(blackRun, fadeIn?.end ?? 0))

        var longest = 0.0, longestStart: Double?
        for interval in report.freeze {
            var start = max(0, interval.start), end = min(window, interval.end)
            // A black stretch is black_open's finding, not a frozen picture.
            for black in report.black where black.start <= start + 1e-6 && black.end > start { start = max(start, black.end) }
            if start < blackOpen, blackOpen < end { start = blackOpen }
            if end - start > longest { longest = end - start; longestStart = start }
        }
        frozen = longest
        frozenStart = longestStart

        let cutTimes = report.cuts.map(\.time).filter { $0 > 0 }
        firstCut = cutTimes.min()
        cuts = cutTimes.filter { $0 < window }.sorted()
        let cutFrames = Set(report.cuts.map(\.frame))
        let moving = frames.filter { !cutFrames.contains($0.frame) && $0.blackRatio < blackRatio }.compactMap(\.motion)
        motion = moving.isEmpty ? nil : moving.reduce(0, +) / Double(moving.count)

        firstSound = report.summary.firstSoundTime.flatMap { $0 < window ? max(0, $0) : nil }
        let inWindow = report.loudnessSeries.filter { $0.time <= window + 1e-6 }
        openingLoudness = inWindow.last(where: { $0.shortTerm != nil })?.shortTerm ?? report.summary.loudness.integrated
        maxMomentaryLoudness = inWindow.compactMap(\.momentary).max()
        samplePeak = report.summary.loudness.samplePeak
        truePeak = report.summary.loudness.truePeak
    }
}
