/// The per-second signals of a recording that highlight ranking works from (filled from the analysis pass).
/// Every array has one value per second of the recording, index 0 = seconds 0..<1.
public struct HighlightSignals: Sendable {
    /// Short-term loudness (LUFS, 3 s window) at each second; -70 or lower means silence.
    public var loudness: [Double]
    /// Speech presence 0…1.
    public var speech: [Double]
    /// Mean absolute luma difference between consecutive frames (0…255 scale).
    public var motion: [Double]
    /// Shot cuts that fall in each second.
    public var cuts: [Int]
    /// Whether the second is black, frozen, or silent.
    public var black: [Bool]
    public var frozen: [Bool]
    public var silent: [Bool]
    /// Shot-cut times in seconds (for boundary snapping).
    public var cutTimes: [Double]
    /// Silence intervals in seconds (pauses in speech, for boundary snapping).
    public var pauses: [ClosedRange<Double>]
    /// Length of the recording in seconds.
    public var duration: Double

    public init(loudness: [Double], speech: [Double], motion: [Double], cuts: [Int], black: [Bool], frozen: [Bool],
                silent: [Bool], cutTimes: [Double], pauses: [ClosedRange<Double>], duration: Double) {
        self.loudness = loudness
        self.speech = speech
        self.motion = motion
        self.cuts = cuts
        self.black = black
        self.frozen = frozen
        self.silent = silent
        self.cutTimes = cutTimes
        self.pauses = pauses
        self.duration = duration
    }

    /// Number of whole seconds covered.
    public var seconds: Int { loudness.count }
}
