import Foundation

/// Writes the reasons of a clip: the numbers behind its score, strongest first.
struct ClipExplainer {
    let scores: SecondScores

    func componentMeans(from start: Int, length: Int) -> [String: Double] {
        var means: [String: Double] = [:]
        for component in scores.components {
            let mean = component.values[start..<start + length].reduce(0, +) / Double(length)
            means[component.name] = (mean * 1000).rounded() / 1000
        }
        return means
    }

    func reasons(from start: Int, length: Int) -> [String] {
        let range = start..<start + length
        let context = scores.context
        let signals = context.signals
        var ranked: [(weight: Double, text: String)] = []
        let means = componentMeans(from: start, length: length)

        for metric in LiveMetric.allCases {
            guard let credits = context.metricCredits[metric], let rates = context.metricRates[metric],
                  let contribution = means[metric.rawValue], contribution >= 0.02 else { continue }
            func creditedRate(_ second: Int) -> Double { credits[second].map { rates[$0] } ?? 0 }
            let best = range.max { creditedRate($0) < creditedRate($1) }
            guard let pitch = best, let spike = credits[pitch] else { continue }
            let baseline = context.metricBaselines[metric] ?? 0
            let rate = rates[spike]
            let shown = metric.isLevel ? String(format: "%.0f online", rate) : String(format: "%.1f/min", rate * 60)
            let ratio = baseline > 0 ? String(format: ", %.1f× baseline", rate / baseline) : ", baseline 0"
            let lag = spike - pitch
            let when = lag > 0 ? " \(lag) s after pitch at \(Self.clock(Double(pitch)))" : " at \(Self.clock(Double(spike)))"
            ranked.append((contribution, "\(metric.rawValue) \(shown)\(ratio),\(when)"))
        }
        if let loudness = means["loudness"], abs(loudness) > 0.05 {
            let speaking = range.filter { signals.speech[$0] >= 0.5 && signals.loudness[$0] > -70 }
            if !speaking.isEmpty {
                let level = speaking.map { signals.loudness[$0] }.reduce(0, +) / Double(speaking.count)
                ranked.append((loudness, String(format: "loudness %+.1f LU vs the recording's median (%.1f LUFS) while speaking", level - context.loudnessMedian, context.loudnessMedian)))
            }
        }
        if let speech = means["speech"], speech > 0 {
            let share = range.map { signals.speech[$0] }.reduce(0, +) / Double(length)
            ranked.append((speech, String(format: "speech %.0f%% of the time", share * 100)))
        }
        let hits = context.keywordHits.filter { $0.time >= Double(range.lowerBound) - 2 && $0.time < Double(range.upperBound) }
        if !hits.isEmpty {
            let listed = hits.prefix(3).map { "'\($0.phrase)' at \(Self.clock($0.time))" }.joined(separator: ", ")
            ranked.append((means["keywords"] ?? 0, "cue \(listed)" + (hits.count > 3 ? " (+\(hits.count - 3) more)" : "")))
        }
        let cuts = range.map { signals.cuts[$0] }.reduce(0, +)
        if cuts > 0 { ranked.append((means["cuts"] ?? 0, "\(cuts) shot cut\(cuts == 1 ? "" : "s")")) }
        if let motion = means["motion"], motion > 0.05 {
            ranked.append((motion, String(format: "motion %.1f (median %.1f)", range.map { signals.motion[$0] }.reduce(0, +) / Double(length), RobustStatistics.median(signals.motion))))
        }
        let black = range.filter { signals.black[$0] }.count, frozen = range.filter { signals.frozen[$0] }.count, silent = range.filter { signals.silent[$0] }.count
        let flaws = [(black, "black"), (frozen, "frozen"), (silent, "silent")].filter { $0.0 > 0 }.map { "\($0.0) s \($0.1)" }
        if !flaws.isEmpty { ranked.append((means["penalty"] ?? 0, "against: " + flaws.joined(separator: ", "))) }
        return ranked.sorted { abs($0.weight) > abs($1.weight) }.map(\.text)
    }

    /// H:MM:SS or M:SS.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
