/// Turns per-second signals, live-room metrics and cue hits into a per-second highlight score (pure).
public struct HighlightScorer {
    public let config: HighlightConfig

    public init(config: HighlightConfig) { self.config = config }

    public func score(_ signals: HighlightSignals, events: LiveEvents? = nil, keywords: [KeywordHit] = []) -> SecondScores {
        let n = signals.seconds
        let w = config.weights
        let clamp = config.clampZ
        var components: [SecondScores.Component] = []

        // Loudness against the recording's own median, over the seconds that have sound; only while speaking.
        let audible = signals.loudness.enumerated().filter { !signals.silent[$0.offset] && $0.element > -70 }.map(\.element)
        let loud = RobustStatistics.zScores(signals.loudness.map { max($0, -70) }, baseline: audible.isEmpty ? nil : audible, floor: 1.0)
        components.append(.init(name: "loudness", values: (0..<n).map { w.loudness * limit(loud.scores[$0], clamp) * signals.speech[$0] }))
        components.append(.init(name: "speech", values: signals.speech.map { w.speech * $0 }))
        let motion = RobustStatistics.zScores(signals.motion, floor: 0.5)
        components.append(.init(name: "motion", values: motion.scores.map { w.motion * max(0, limit($0, clamp)) }))
        components.append(.init(name: "cuts", values: signals.cuts.map { w.cuts * Double(min($0, 3)) }))

        // Live-room metrics, credited to the seconds before each spike.
        var rates: [LiveMetric: [Double]] = [:], baselines: [LiveMetric: Double] = [:], credits: [LiveMetric: [Int?]] = [:]
        if let events {
            for metric in LiveMetric.allCases {
                guard let raw = events.series[metric] else { continue }
                let window = events.interval < 20 ? 30 : 1
                let smoothed = Self.smooth(raw, window: window)
                let known = smoothed.filter { !$0.isNaN }
                guard !known.isEmpty else { continue }
                let mean = known.reduce(0, +) / Double(known.count)
                // Counts are noisy like Poisson counts: the spread never drops below the standard deviation of a
                // rate averaged over the smoothing window (or the export's interval).
                let countNoise = metric.isLevel ? 0 : (mean / max(Double(window), events.interval)).squareRoot()
                let z = RobustStatistics.zScores(smoothed.map { $0.isNaN ? RobustStatistics.median(known) : $0 },
                                                 baseline: known, floor: max(1e-6, 0.25 * mean, countNoise))
                let lagMax = metric.isInteraction ? config.events.interactionLagMax : config.events.lagMax
                let (values, sources) = credit(z.scores.map { max(0, limit($0, clamp)) }, lagMin: metric.isLevel ? 0 : config.events.lagMin, lagMax: lagMax)
                components.append(.init(name: metric.rawValue, values: values.map { weight(metric) * $0 }))
                rates[metric] = smoothed
                baselines[metric] = z.median
                credits[metric] = sources
            }
        }

        // Transcript cue hits: full credit from span_before up to the hit, fading to half over span_after.
        var cue = [Double](repeating: 0, count: n)
        for hit in keywords {
            let from = max(0, Int((hit.time - config.keywords.spanBefore).rounded(.down)))
            let to = min(n, Int((hit.time + config.keywords.spanAfter).rounded(.up)))
            guard from < to else { continue }
            for s in from..<to {
                let after = max(0, Double(s) - hit.time)
                cue[s] += w.keywords * hit.weight * (1 - 0.5 * min(1, after / max(config.keywords.spanAfter, 1)))
            }
        }
        // Many cue phrases in a row are one pitch, not many: at most twice the weight per second.
        if !keywords.isEmpty { components.append(.init(name: "keywords", values: cue.map { min($0, 2 * w.keywords) })) }

        let p = config.penalties
        components.append(.init(name: "penalty", values: (0..<n).map {
            -(signals.black[$0] ? p.black : 0) - (signals.frozen[$0] ? p.frozen : 0) - (signals.silent[$0] ? p.silent : 0)
        }))

        var total = [Double](repeating: 0, count: n)
        for component in components { for s in 0..<n { total[s] += component.values[s] } }
        let context = ScoringContext(signals: signals, loudnessMedian: loud.median, events: events, metricRates: rates,
                                     metricBaselines: baselines, metricCredits: credits, keywordHits: keywords)
        return SecondScores(components: components, total: total, context: context)
    }

    private func weight(_ metric: LiveMetric) -> Double {
        switch metric {
        case .orders: config.weights.orders
        case .gmv: config.weights.gmv
        case .comments: config.weights.comments
        case .likes: config.weights.likes
        case .entries: config.weights.entries
        case .viewers: config.weights.viewers
        }
    }

    /// For each second s, the strongest rise of the metric in [s + lagMin, s + lagMax] above its level at s,
    /// fading to half at lagMax, and the spike second it came from. Seconds inside a spike (already high) earn
    /// nothing: the credit goes to the pitch before it.
    func credit(_ spikes: [Double], lagMin: Double, lagMax: Double) -> (values: [Double], sources: [Int?]) {
        let n = spikes.count
        let low = Int(lagMin.rounded()), high = max(low, Int(lagMax.rounded()))
        var values = [Double](repeating: 0, count: n)
        var sources = [Int?](repeating: nil, count: n)
        for s in 0..<n {
            var best = 0.0
            var source: Int?
            var lag = low
            while lag <= high, s + lag < n {
                let fade = high == low ? 1 : 1 - 0.5 * Double(lag - low) / Double(high - low)
                let value = (spikes[s + lag] - spikes[s]) * fade
                if value > best { best = value; source = s + lag }
                lag += 1
            }
            values[s] = best
            sources[s] = source
        }
        return (values, sources)
    }

    /// Centered moving average over `window` seconds, ignoring NaN (no data).
    static func smooth(_ values: [Double], window: Int) -> [Double] {
        guard window > 1 else { return values }
        let half = window / 2
        return values.indices.map { i in
            let slice = values[max(0, i - half)..<min(values.count, i + half + 1)].filter { !$0.isNaN }
            return slice.isEmpty ? .nan : slice.reduce(0, +) / Double(slice.count)
        }
    }

    private func limit(_ value: Double, _ bound: Double) -> Double { min(bound, max(-bound, value)) }
}
