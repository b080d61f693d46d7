/// Assembles the per-second timeline from the audio figures, the visual measures and the event lists.
public enum TimelineBuilder {
    /// One entry per second from `floor(from)` up to the second containing `to`; the interval flags are
    /// set when the intervals cover at least half of the part of the second inside `[from, to]`.
    public static func build(from: Double, to: Double, audio: [Int: AudioAnalysis.SecondAudio],
                             motion: [Int: Double], videoBytes: [Int: Int], cuts: [Cut],
                             black: [Interval], freeze: [Interval], silence: [Interval]) -> [TimelineSecond] {
        guard to > from else { return [] }
        let first = Int(from.rounded(.down))
        let last = max(first, Int((to - 1e-9).rounded(.down)))
        var cutCounts: [Int: Int] = [:]
        for cut in cuts { cutCounts[Int(cut.time.rounded(.down)), default: 0] += 1 }
        return (first...last).map { second in
            let lower = max(Double(second), from), upper = min(Double(second + 1), to)
            let half = max(0, upper - lower) / 2
            func covered(_ intervals: [Interval]) -> Bool {
                half > 0 && intervals.reduce(0) { $0 + $1.overlap(lower, upper) } >= half - 1e-9
            }
            let sound = audio[second]
            return TimelineSecond(second: second, shortTerm: sound?.shortTerm, maxMomentary: sound?.maxMomentary,
                                  speech: sound?.speech, motion: motion[second], videoBytes: videoBytes[second] ?? 0,
                                  cutCount: cutCounts[second] ?? 0, black: covered(black), freeze: covered(freeze),
                                  silence: covered(silence))
        }
    }

    /// The frame number at a time for a nominal frame rate (PySceneDetect's convention for VFR files).
    public static func frameNumber(_ time: Double, frameRate: Double?) -> Int? {
        frameRate.map { Int((time * $0).rounded()) }
    }
}
