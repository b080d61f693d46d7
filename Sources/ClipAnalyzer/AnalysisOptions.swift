import ClipAnalysis

/// What to analyse and how: the mode, an optional range, the thresholds, and what detail to keep.
public struct AnalysisOptions: Sendable {
    /// `.fast` (default: keyframes, packet sizes, audio, and full decoding only around candidate changes)
    /// or `.exhaustive` (every frame).
    public var mode: AnalysisMode
    /// Range in seconds from the container start; nil means the start / the end of the file.
    public var from: Double?
    public var to: Double?
    public var settings: AnalysisSettings
    /// Keep the per-frame series and the 100 ms loudness series on the report (for short windows: hook).
    public var keepSeries: Bool
    /// Ranges (seconds) that `fast` mode decodes in full whatever the candidates say (extract's windows).
    public var detail: [ClosedRange<Double>]

    public init(mode: AnalysisMode = .fast, from: Double? = nil, to: Double? = nil,
                settings: AnalysisSettings = AnalysisSettings(), keepSeries: Bool = false,
                detail: [ClosedRange<Double>] = []) {
        self.mode = mode
        self.from = from
        self.to = to
        self.settings = settings
        self.keepSeries = keepSeries
        self.detail = detail
    }
}

/// Progress of an analysis: seconds of media done out of the seconds to do.
public typealias AnalysisProgress = (_ secondsDone: Double, _ secondsTotal: Double) -> Void
