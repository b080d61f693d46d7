/// Everything `clipkit hook` measured on one creative: the whole-file facts and the opening-window
/// measures the checks read. Times are seconds from the container start; nil means "not measured"
/// (no audio stream, no frame to look at), never zero.
public struct HookMetrics: Sendable, Equatable, Codable {
    // Whole file (probe and packets).
    /// Seconds.
    public var duration: Double
    /// Display size (after sample aspect ratio and rotation).
    public var width: Int
    public var height: Int
    /// Display width ÷ height.
    public var aspect: Double
    public var frameRate: Double?
    public var hasAudio: Bool

    // Opening window.
    /// The checked opening in seconds (clamped to the duration).
    public var window: Double
    /// Seconds from the start until the picture stops being black or fading in from black (0: starts on a picture).
    public var blackOpen: Double
    /// Whether the very first frame is black.
    public var firstFrameBlack: Bool
    /// The longest frozen stretch that overlaps the window (clipped to it), with its span.
    public var frozen: Double
    public var frozenStart: Double?
    /// Time of the first shot change (hard cut or fade), nil when none before the end of the analysed range.
    public var firstCut: Double?
    /// Hard-cut times within the window.
    public var cuts: [Double]
    /// Mean absolute luma change between consecutive frames (0–255) over the window, cut frames left out.
    public var motion: Double?
    /// Time of the first audible sound, nil when the window stays silent (or there is no audio).
    public var firstSound: Double?
    /// Loudness of the opening window (LUFS, BS.1770 gated over the window) and the loudest momentary value.
    public var openingLoudness: Double?
    public var maxMomentaryLoudness: Double?
    /// Highest sample peak (dBFS) and true peak (dBTP) in the window.
    public var samplePeak: Double?
    public var truePeak: Double?
    /// Picture measures over the non-black sampled frames of the window.
    public var picture: PictureSummary?
    /// Video frames decoded to measure the window, and corrupt packets or frames skipped while doing so.
    public var framesDecoded: Int
    public var decodeProblems: Int

    public init(duration: Double, width: Int, height: Int, aspect: Double, frameRate: Double?, hasAudio: Bool,
                window: Double, blackOpen: Double = 0, firstFrameBlack: Bool = false, frozen: Double = 0,
                frozenStart: Double? = nil, firstCut: Double? = nil, cuts: [Double] = [],
                motion: Double? = nil, firstSound: Double? = nil, openingLoudness: Double? = nil,
                maxMomentaryLoudness: Double? = nil, samplePeak: Double? = nil, truePeak: Double? = nil,
                picture: PictureSummary? = nil, framesDecoded: Int = 0, decodeProblems: Int = 0) {
        self.duration = duration
        self.width = width
        self.height = height
        self.aspect = aspect
        self.frameRate = frameRate
        self.hasAudio = hasAudio
        self.window = window
        self.blackOpen = blackOpen
        self.firstFrameBlack = firstFrameBlack
        self.frozen = frozen
        self.frozenStart = frozenStart
        self.firstCut = firstCut
        self.cuts = cuts
        self.motion = motion
        self.firstSound = firstSound
        self.openingLoudness = openingLoudness
        self.maxMomentaryLoudness = maxMomentaryLoudness
        self.samplePeak = samplePeak
        self.truePeak = truePeak
        self.picture = picture
        self.framesDecoded = framesDecoded
        self.decodeProblems = decodeProblems
    }
}
