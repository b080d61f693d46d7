/// Which frames an analysis decoded.
public enum AnalysisMode: String, Codable, Sendable, CaseIterable {
    /// Every video frame.
    case exhaustive
    /// Keyframes, packet sizes, full audio, and every frame only in the GOPs around candidate changes.
    case fast
}

/// One second of the timeline `[second, second + 1)` from the container start: what `extract` ranks.
public struct TimelineSecond: Codable, Sendable, Equatable {
    public var second: Int
    /// Short-term (3 s) loudness at the end of the second, LUFS; nil in silence or before 3 s of audio.
    public var shortTerm: Double?
    /// Largest momentary (400 ms) loudness ending in the second, LUFS.
    public var maxMomentary: Double?
    /// Speech presence 0…1; nil without audio.
    public var speech: Double?
    /// Mean frame-to-frame luma difference (0–255) over the decoded adjacent frames of the second; nil
    /// where no such pair was decoded (fast mode outside candidate GOPs).
    public var motion: Double?
    /// Video bytes of the packets presented in the second: the encoder's own measure of change, known in
    /// both modes.
    public var videoBytes: Int
    /// Hard cuts in the second.
    public var cutCount: Int
    /// True when black, frozen or silent intervals cover at least half of the second.
    public var black: Bool
    public var freeze: Bool
    public var silence: Bool
}

/// What the decoder did: how much was read and decoded, and the problems it skipped.
public struct DecodeStatistics: Codable, Sendable, Equatable {
    public var videoPackets = 0
    public var videoBytes = 0
    public var keyframes = 0
    /// Video frames decoded (keyframes included) and analysed.
    public var framesDecoded = 0
    /// GOPs decoded in full besides keyframes (fast mode).
    public var gopsDecoded = 0
    /// Why those GOPs were decoded: reason → GOPs (a GOP can have several reasons).
    public var detailReasons: [String: Int] = [:]
    /// Seconds of audio decoded.
    public var audioSeconds = 0.0
    /// Corrupt packets or frames skipped, and the first few of them ("at 12.480 s: …").
    public var problemCount = 0
    public var problems: [String] = []
    public init() {}
}

/// The whole-range figures.
public struct AnalysisSummary: Codable, Sendable, Equatable {
    /// Seconds analysed (the range actually covered by decoded media).
    public var duration: Double
    public var loudness: LoudnessSummary
    /// Seconds from the container start of the first sample at or above the silence threshold.
    public var firstSoundTime: Double?
    public var cutCount: Int
    public var fadeCount: Int
    public var blackSeconds: Double
    public var freezeSeconds: Double
    public var silenceSeconds: Double
    /// Mean speech presence over the seconds with audio.
    public var speechShare: Double?

    public init(duration: Double, loudness: LoudnessSummary, firstSoundTime: Double?, cutCount: Int, fadeCount: Int,
                blackSeconds: Double, freezeSeconds: Double, silenceSeconds: Double, speechShare: Double?) {
        self.duration = duration
        self.loudness = loudness
        self.firstSoundTime = firstSoundTime
        self.cutCount = cutCount
        self.fadeCount = fadeCount
        self.blackSeconds = blackSeconds
        self.freezeSeconds = freezeSeconds
        self.silenceSeconds = silenceSeconds
        self.speechShare = speechShare
    }
}

/// The result of one analysis pass over a recording: summary, per-second timeline and event lists,
/// all times in seconds from the container start with frame numbers beside them.
/// `frames` and `loudnessSeries` are filled only when asked for (`keepSeries`), and are in the JSON only then.
public struct AnalysisReport: Codable, Sendable {
    public var file: String
    public var mode: AnalysisMode
    /// The analysed range.
    public var from: Double
    public var to: Double
    /// Nominal frame rate used for frame numbers; nil without video.
    public var frameRate: Double?
    public var summary: AnalysisSummary
    public var timeline: [TimelineSecond]
    public var cuts: [Cut]
    public var fades: [Fade]
    public var black: [Interval]
    public var freeze: [Interval]
    public var silence: [Interval]
    /// Presentation times of the video keyframes in the range (from the packets): copy-mode in points.
    public var keyframeTimes: [Double]
    public var decode: DecodeStatistics
    /// The per-frame series (every decoded frame), when requested.
    public var frames: [FrameMeasure] = []
    /// Momentary and short-term loudness every 100 ms, when requested.
    public var loudnessSeries: [LoudnessPoint] = []

    enum CodingKeys: String, CodingKey {
        case file, mode, from, to, frameRate, summary, timeline, cuts, fades, black, freeze, silence, keyframeTimes, decode
        case frames, loudnessSeries
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        mode = try c.decode(AnalysisMode.self, forKey: .mode)
        from = try c.decode(Double.self, forKey: .from)
        to = try c.decode(Double.self, forKey: .to)
        frameRate = try c.decodeIfPresent(Double.self, forKey: .frameRate)
        summary = try c.decode(AnalysisSummary.self, forKey: .summary)
        timeline = try c.decode([TimelineSecond].self, forKey: .timeline)
        cuts = try c.decode([Cut].self, forKey: .cuts)
        fades = try c.decode([Fade].self, forKey: .fades)
        black = try c.decode([Interval].self, forKey: .black)
        freeze = try c.decode([Interval].self, forKey: .freeze)
        silence = try c.decode([Interval].self, forKey: .silence)
        keyframeTimes = try c.decode([Double].self, forKey: .keyframeTimes)
        decode = try c.decode(DecodeStatistics.self, forKey: .decode)
        frames = try c.decodeIfPresent([FrameMeasure].self, forKey: .frames) ?? []
        loudnessSeries = try c.decodeIfPresent([LoudnessPoint].self, forKey: .loudnessSeries) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(mode, forKey: .mode)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encodeIfPresent(frameRate, forKey: .frameRate)
        try c.encode(summary, forKey: .summary)
        try c.encode(timeline, forKey: .timeline)
        try c.encode(cuts, forKey: .cuts)
        try c.encode(fades, forKey: .fades)
        try c.encode(black, forKey: .black)
        try c.encode(freeze, forKey: .freeze)
        try c.encode(silence, forKey: .silence)
        try c.encode(keyframeTimes, forKey: .keyframeTimes)
        try c.encode(decode, forKey: .decode)
        if !frames.isEmpty { try c.encode(frames, forKey: .frames) }
        if !loudnessSeries.isEmpty { try c.encode(loudnessSeries, forKey: .loudnessSeries) }
    }

    public init(file: String, mode: AnalysisMode, from: Double, to: Double, frameRate: Double?, summary: AnalysisSummary,
                timeline: [TimelineSecond], cuts: [Cut], fades: [Fade], black: [Interval], freeze: [Interval],
                silence: [Interval], keyframeTimes: [Double], decode: DecodeStatistics,
                frames: [FrameMeasure] = [], loudnessSeries: [LoudnessPoint] = []) {
        self.file = file
        self.mode = mode
        self.from = from
        self.to = to
        self.frameRate = frameRate
        self.summary = summary
        self.timeline = timeline
        self.cuts = cuts
        self.fades = fades
        self.black = black
        self.freeze = freeze
        self.silence = silence
        self.keyframeTimes = keyframeTimes
        self.decode = decode
        self.frames = frames
        self.loudnessSeries = loudnessSeries
    }
}
