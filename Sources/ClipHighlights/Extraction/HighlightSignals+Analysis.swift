import ClipAnalysis

extension HighlightSignals {
    /// The ranking inputs from an analysis pass over a whole recording. Seconds the pass did not measure
    /// (motion outside the GOPs fast mode decoded, loudness before the first 3 s) get neutral values.
    public init(report: AnalysisReport) {
        let timeline = report.timeline
        let knownMotion = timeline.compactMap(\.motion)
        let neutralMotion = knownMotion.isEmpty ? 0 : RobustStatistics.median(knownMotion)
        self.init(
            loudness: timeline.map { $0.shortTerm ?? $0.maxMomentary ?? -70 },
            speech: timeline.map { $0.speech ?? 0 },
            motion: timeline.map { $0.motion ?? neutralMotion },
            cuts: timeline.map(\.cutCount),
            black: timeline.map(\.black),
            frozen: timeline.map(\.freeze),
            silent: timeline.map(\.silence),
            cutTimes: report.cuts.map(\.time),
            pauses: report.silence.map { $0.start...$0.end },
            duration: report.to.isFinite ? report.to : Double(timeline.count)
        )
    }
}
