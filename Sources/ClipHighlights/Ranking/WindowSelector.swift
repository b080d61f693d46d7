/// Picks the top non-overlapping clip windows from per-second scores and snaps their boundaries to shot cuts
/// or pauses in speech, so a clip opens on action and never ends mid-word.
public struct WindowSelector {
    public let selection: HighlightConfig.Selection

    public init(selection: HighlightConfig.Selection) { self.selection = selection }

    /// A window before snapping.
    struct Candidate {
        var start: Int
        var length: Int
        var value: Double
    }

    public func select(_ scores: SecondScores) -> [ClipPlan] {
        let total = scores.total
        let n = total.count
        var prefix = [0.0]
        prefix.reserveCapacity(n + 1)
        for value in total { prefix.append(prefix.last! + value) }
        func mean(_ from: Int, _ length: Int) -> Double { (prefix[from + length] - prefix[from]) / Double(length) }

        let minLength = max(1, Int(selection.minDuration.rounded(.up)))
        let maxLength = max(minLength, Int(selection.maxDuration.rounded(.down)))
        let step = max(1, Int(selection.durationStep.rounded()))
        let lengths = Array(stride(from: minLength, through: min(maxLength, n), by: step))
        let opening = max(1, Int(selection.opening.rounded()))
        // What a window leaves just outside its edges: a high score there means the moment was cut in half.
        let typical = RobustStatistics.median(total)
        var excess = [0.0]
        for value in total { excess.append(excess.last! + max(0, value - typical)) }
        func outside(_ from: Int, _ to: Int) -> Double {
            let a = max(0, from), b = min(n, to)
            return b > a ? (excess[b] - excess[a]) / Double(opening) : 0
        }
        var candidates: [Candidate] = []
        for length in lengths {
            for start in 0...(n - length) {
                let value = mean(start, length) + selection.openingWeight * mean(start, min(opening, length))
                    - selection.durationWeight * abs(Double(length) - selection.targetDuration)
                    - selection.edgeWeight * (outside(start - opening, start) + outside(start + length, start + length + opening))
                candidates.append(Candidate(start: start, length: length, value: value))
            }
        }
        candidates.sort { $0.value != $1.value ? $0.value > $1.value : ($0.start, $0.length) < ($1.start, $1.length) }

        var chosen: [(start: Double, end: Double, candidate: Candidate, startSnap: String, endSnap: String)] = []
        for candidate in candidates {
            if chosen.count >= selection.count { break }
            let (start, startSnap) = snapStart(Double(candidate.start), scores.context.signals)
            let (end, endSnap) = snapEnd(Double(candidate.start + candidate.length), start: start, scores.context.signals)
            let clash = chosen.contains { start < $0.end + selection.minGap && end > $0.start - selection.minGap }
            if !clash { chosen.append((start, end, candidate, startSnap, endSnap)) }
        }
        let explainer = ClipExplainer(scores: scores)
        return chosen.enumerated().map { rank, item in
            ClipPlan(rank: rank + 1, start: item.start, end: item.end, score: (item.candidate.value * 100).rounded() / 100,
                     components: explainer.componentMeans(from: item.candidate.start, length: item.candidate.length),
                     reasons: explainer.reasons(from: item.candidate.start, length: item.candidate.length),
                     startSnap: item.startSnap, endSnap: item.endSnap)
        }
    }

    /// The nearest shot cut or end of a pause within `snap` seconds, preferring a cut (a clip that opens on a new shot).
    func snapStart(_ time: Double, _ signals: HighlightSignals) -> (Double, String) {
        let limit = selection.snap
        if let cut = nearest(signals.cutTimes, to: time, within: limit) { return (cut, "cut") }
        if let pauseEnd = nearest(signals.pauses.map(\.upperBound), to: time, within: limit) { return (pauseEnd, "pause") }
        return (time, "score")
    }

    /// The nearest start of a pause (the host stops talking) within `snap`, else a shot cut, keeping the length legal.
    func snapEnd(_ time: Double, start: Double, _ signals: HighlightSignals) -> (Double, String) {
        let limit = selection.snap
        let legal = { (end: Double) in end - start >= self.selection.minDuration - 1e-9 && end - start <= self.selection.maxDuration + 1e-9 && end <= signals.duration }
        if let pause = nearest(signals.pauses.map(\.lowerBound).filter(legal), to: time, within: limit) { return (pause, "pause") }
        if let cut = nearest(signals.cutTimes.filter(legal), to: time, within: limit) { return (cut, "cut") }
        let clamped = min(max(time, start + selection.minDuration), start + selection.maxDuration, signals.duration)
        return (clamped, "score")
    }

    private func nearest(_ times: [Double], to time: Double, within limit: Double) -> Double? {
        times.filter { abs($0 - time) <= limit }.min { abs($0 - time) < abs($1 - time) }
    }
}
