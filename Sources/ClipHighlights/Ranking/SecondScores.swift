/// The highlight score of every second of a recording, with each component kept so clips can explain themselves.
public struct SecondScores: Sendable {
    /// A named part of the score: one value per second, already multiplied by its weight.
    public struct Component: Sendable {
        public var name: String
        public var values: [Double]
    }

    public var components: [Component]
    /// Sum of the components, per second.
    public var total: [Double]
    /// The inputs the reasons quote.
    public let context: ScoringContext

    public var seconds: Int { total.count }
}

/// Baselines and raw inputs kept for reasons ("+7.5 LU over the median", "6.2× baseline").
public struct ScoringContext: Sendable {
    public var signals: HighlightSignals
    public var loudnessMedian: Double
    public var events: LiveEvents?
    /// Per metric: the smoothed per-second rate, its baseline (median) and, per second, which spike second credited it.
    public var metricRates: [LiveMetric: [Double]]
    public var metricBaselines: [LiveMetric: Double]
    public var metricCredits: [LiveMetric: [Int?]]
    public var keywordHits: [KeywordHit]
}
