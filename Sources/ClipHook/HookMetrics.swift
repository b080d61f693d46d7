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
    /// Black or fading-in start, frozen stretch, cuts, motion, first sound, loudness and peaks of the window.
    /// Encoded flat: its keys stand beside the others, as `clipkit hook --json` prints them.
    public var opening: OpeningMeasures
    /// Picture measures over the non-black sampled frames of the window.
    public var picture: PictureSummary?
    /// Video frames decoded to measure the window, and corrupt packets or frames skipped while doing so.
    public var framesDecoded: Int
    public var decodeProblems: Int

    public init(duration: Double, width: Int, height: Int, aspect: Double, frameRate: Double?, hasAudio: Bool,
                window: Double, opening: OpeningMeasures, picture: PictureSummary? = nil,
                framesDecoded: Int = 0, decodeProblems: Int = 0) {
        self.duration = duration
        self.width = width
        self.height = height
        self.aspect = aspect
        self.frameRate = frameRate
        self.hasAudio = hasAudio
        self.window = window
        self.opening = opening
        self.picture = picture
        self.framesDecoded = framesDecoded
        self.decodeProblems = decodeProblems
    }

    private enum CodingKeys: String, CodingKey {
        case duration, width, height, aspect, frameRate, hasAudio, window, picture, framesDecoded, decodeProblems
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(duration: try c.decode(Double.self, forKey: .duration), width: try c.decode(Int.self, forKey: .width),
                  height: try c.decode(Int.self, forKey: .height), aspect: try c.decode(Double.self, forKey: .aspect),
                  frameRate: try c.decodeIfPresent(Double.self, forKey: .frameRate), hasAudio: try c.decode(Bool.self, forKey: .hasAudio),
                  window: try c.decode(Double.self, forKey: .window), opening: try OpeningMeasures(from: decoder),
                  picture: try c.decodeIfPresent(PictureSummary.self, forKey: .picture),
                  framesDecoded: try c.decode(Int.self, forKey: .framesDecoded), decodeProblems: try c.decode(Int.self, forKey: .decodeProblems))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(duration, forKey: .duration)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(aspect, forKey: .aspect)
        try container.encodeIfPresent(frameRate, forKey: .frameRate)
        try container.encode(hasAudio, forKey: .hasAudio)
        try container.encode(window, forKey: .window)
        try opening.encode(to: encoder)
        try container.encodeIfPresent(picture, forKey: .picture)
        try container.encode(framesDecoded, forKey: .framesDecoded)
        try container.encode(decodeProblems, forKey: .decodeProblems)
    }
}
