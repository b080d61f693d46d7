import ClipAnalysis

/// The hook measures of the opening window read off an analysis report of the opening (run with
/// `keepSeries`): black/fade-in at the start, frozen stretch, cuts, motion, first sound, loudness, peaks.
/// Pure: it only reads the report. The memberwise initializer (by default: nothing found, nothing measured) is for tests.
public struct OpeningMeasures: Sendable, Equatable, Codable {
    /// Seconds from the start until the picture is neither black nor fading in from black.
    public var blackOpen: Double = 0
    public var firstFrameBlack = false
    /// The longest frozen stretch overlapping the window, black stretches left out, and where it starts.
    public var frozen: Double = 0
    public var frozenStart: Double?
    /// The first hard cut in the analysed range and the cuts inside the window.
    public var firstCut: Double?
    public var cuts: [Double] = []
    /// Mean frame-to-frame luma change in the window (0–255), cut and black frames left out.
    public var motion: Double?
    /// Time of the first audible sound, nil when the window stays silent (or there is no audio).
    public var firstSound: Double?
    /// Short-term loudness (3 s) at the end of the window — for a 3 s window, exactly the window's loudness;
    /// for a shorter one, the loudness over what was analysed.
    public var openingLoudness: Double?
    public var maxMomentaryLoudness: Double?
    /// Peaks over the analysed range (the window and half a second after it).
    public var samplePeak: Double?
    public var truePeak: Double?
}

extension OpeningMeasures {
    /// Reads the measures of `[0, window)` from an analyzer report made with `keepSeries`.
    public init(report: AnalysisReport, window: Double, settings: AnalysisSettings) {
        self.init(OpeningAnalysis(frameRate: report.frameRate, frames: report.frames, cuts: report.cuts, fades: report.fades,
                                  black: report.black, freeze: report.freeze, loudnessSeries: report.loudnessSeries,
                                  loudness: report.summary.loudness, firstSound: report.summary.firstSoundTime),
                  window: window, settings: settings)
    }

    /// Reads the measures of `[0, window)` from the detectors' results; `settings` are the thresholds they ran with.
    public init(_ analysis: OpeningAnalysis, window: Double, settings: AnalysisSettings) {
        let blackRatio = settings.black.pictureRatio
        let frameStep = analysis.frameRate.map { 1 / $0 } ?? 1.0 / 30
        let frames = analysis.frames.filter { $0.time < window }
        firstFrameBlack = frames.first.map { $0.blackRatio >= blackRatio } ?? false
        // Black run from the first frame: up to the first frame that is not black (none when the first frame is
        // a picture, whatever its time stamp: files cut by stream copy often start a few frames after 0).
        let blackRun = firstFrameBlack ? (frames.first { $0.blackRatio < blackRatio }?.time ?? window) : 0
        let fadeIn = analysis.fades.first { $0.kind == .fromBlack && $0.start <= blackRun + max(frameStep, 0.2) }
        blackOpen = min(window, max(blackRun, fadeIn?.end ?? 0))

        var longest = 0.0, longestStart: Double?
        for interval in analysis.freeze {
            var start = max(0, interval.start), end = min(window, interval.end)
            // A black stretch is black_open's finding, not a frozen picture.
            for black in analysis.black where black.start <= start + 1e-6 && black.end > start { start = max(start, black.end) }
            if start < blackOpen, blackOpen < end { start = blackOpen }
            if end - start > longest { longest = end - start; longestStart = start }
        }
        frozen = longest
        frozenStart = longestStart

        let cutTimes = analysis.cuts.map(\.time).filter { $0 > 0 }
        firstCut = cutTimes.min()
        cuts = cutTimes.filter { $0 < window }.sorted()
        let cutFrames = Set(analysis.cuts.map(\.frame))
        // Motion per frame interval: a value measured across a gap (B-frames skipped) is divided by the frames it spans.
        var moving: [Double] = []
        var previousTime: Double?
        for frame in frames {
            defer { previousTime = frame.time }
            guard let value = frame.motion, let before = previousTime, !cutFrames.contains(frame.frame),
                  frame.blackRatio < blackRatio else { continue }
            moving.append(value / max(1, ((frame.time - before) / frameStep).rounded()))
        }
        motion = moving.isEmpty ? nil : moving.reduce(0, +) / Double(moving.count)

        firstSound = analysis.firstSound.flatMap { $0 < window ? max(0, $0) : nil }
        let inWindow = analysis.loudnessSeries.filter { $0.time <= window + 1e-6 }
        openingLoudness = inWindow.last(where: { $0.shortTerm != nil })?.shortTerm ?? analysis.loudness.integrated
        maxMomentaryLoudness = inWindow.compactMap(\.momentary).max()
        samplePeak = analysis.loudness.samplePeak
        truePeak = analysis.loudness.truePeak
    }
}

/// What the detectors of `ClipAnalysis` found in an opening: the per-frame series, events and loudness.
public struct OpeningAnalysis: Sendable {
    public var frameRate: Double?
    public var frames: [FrameMeasure]
    public var cuts: [Cut]
    public var fades: [Fade]
    public var black: [Interval]
    public var freeze: [Interval]
    public var loudnessSeries: [LoudnessPoint]
    public var loudness: LoudnessSummary
    public var firstSound: Double?

    public init(frameRate: Double?, frames: [FrameMeasure], cuts: [Cut], fades: [Fade], black: [Interval], freeze: [Interval],
                loudnessSeries: [LoudnessPoint], loudness: LoudnessSummary, firstSound: Double?) {
        self.frameRate = frameRate
        self.frames = frames
        self.cuts = cuts
        self.fades = fades
        self.black = black
        self.freeze = freeze
        self.loudnessSeries = loudnessSeries
        self.loudness = loudness
        self.firstSound = firstSound
    }
}
