import ClipHighlights
import ClipPresets
import Foundation
import Testing
import TestSupport

/// Ranking on synthetic recordings with known climaxes and decoys.
@Suite struct RankingTests {
    static let config: HighlightConfig = try! PresetLocator.load(HighlightConfig.self, kind: "highlights", "default")

    /// A 20-minute room: calm talk at -26 LUFS; climaxes (louder speech) at the given seconds, each 30 s long;
    /// a decoy of loud music without speech, and a decoy of rapid cuts in a quiet stretch.
    static func room(climaxes: [Int], musicAt: Int = 300, cutsAt: Int = 700, pauseEvery: Double = 11) -> HighlightSignals {
        let n = 1200
        var generator = FixtureRandom(seed: 7)
        var loudness = (0..<n).map { _ in -26 + Double.random(in: -1.5...1.5, using: &generator) }
        var speech = (0..<n).map { _ in 0.75 + Double.random(in: -0.1...0.1, using: &generator) }
        var motion = (0..<n).map { _ in 4 + Double.random(in: -1...1, using: &generator) }
        var cuts = [Int](repeating: 0, count: n)
        for c in climaxes { for s in c..<c + 30 { loudness[s] = -18 + Double.random(in: -1...1, using: &generator); speech[s] = 0.95 } }
        for s in musicAt..<musicAt + 40 { loudness[s] = -14; speech[s] = 0.05 }
        for s in cutsAt..<cutsAt + 20 { cuts[s] = 2; motion[s] = 12; loudness[s] = -31; speech[s] = 0.3 }
        let pauses = stride(from: 7.0, to: Double(n), by: pauseEvery).map { $0...($0 + 0.6) }
        return HighlightSignals(loudness: loudness, speech: speech, motion: motion, cuts: cuts,
                                black: .init(repeating: false, count: n), frozen: .init(repeating: false, count: n),
                                silent: .init(repeating: false, count: n),
                                cutTimes: cuts.enumerated().filter { $0.element > 0 }.map { Double($0.offset) + 0.4 },
                                pauses: pauses, duration: Double(n))
    }

    @Test func climaxesBeatDecoysWithoutEvents() {
        var config = Self.config
        config.selection.count = 3
        let climaxes = [120, 500, 950]
        let clips = WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(Self.room(climaxes: climaxes)))
        #expect(clips.count == 3)
        for climax in climaxes {
            #expect(clips.contains { $0.start <= Double(climax) + 10 && $0.end >= Double(climax) + 20 }, "climax at \(climax) in \(clips.map { ($0.start, $0.end) })")
        }
        #expect(clips.allSatisfy { $0.duration >= 15 && $0.duration <= 60 })
        #expect(clips.allSatisfy { $0.reasons.contains { $0.hasPrefix("loudness +") } })
    }

    @Test func ordersCreditThePitchBeforeTheSpike() throws {
        var config = Self.config
        config.selection.count = 1
        // Flat loudness everywhere; orders spike at 610–640 s, so the pitch 8–40 s before must win, not the spike.
        var signals = Self.room(climaxes: [])
        signals.loudness = signals.loudness.map { _ in -26 }
        var rows: [(time: Double, values: [LiveMetric: Double])] = []
        for second in 0..<1200 { rows.append((Double(second), [.orders: (610..<640).contains(second) ? 1 : (second % 97 == 0 ? 1 : 0)])) }
        let events = LiveEvents(rows: rows, duration: 1200)
        let clip = try #require(WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(signals, events: events)).first)
        #expect(clip.start < 610 && clip.end > 570 && clip.start > 540, "\(clip.start)–\(clip.end) \(clip.reasons) \(clip.components)")
        let reason = try #require(clip.reasons.first { $0.hasPrefix("orders") })
        #expect(reason.contains("after pitch at"))
        #expect(reason.contains("× baseline") || reason.contains("baseline 0"))
    }

    @Test func keywordHitsLiftTheirMoment() throws {
        var config = Self.config
        config.selection.count = 1
        let hits = [KeywordHit(phrase: "上链接", time: 845, weight: 2), KeywordHit(phrase: "最后三单", time: 852, weight: 2)]
        let clip = try #require(WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(Self.room(climaxes: []), keywords: hits)).first)
        #expect(clip.start <= 845 && clip.end >= 852)
        #expect(clip.reasons.contains { $0.contains("'上链接' at 14:05") })
    }

    @Test func boundariesSnapToCutsAndPauses() {
        var config = Self.config
        config.selection.count = 3
        let signals = Self.room(climaxes: [120, 500, 950], pauseEvery: 5)
        let clips = WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(signals))
        for clip in clips {
            if clip.endSnap == "pause" { #expect(signals.pauses.contains { abs($0.lowerBound - clip.end) < 1e-9 }) }
            if clip.startSnap == "pause" { #expect(signals.pauses.contains { abs($0.upperBound - clip.start) < 1e-9 }) }
        }
        #expect(clips.allSatisfy { $0.endSnap == "pause" })
    }

    @Test func clipsKeepTheirGap() {
        var config = Self.config
        config.selection.count = 6
        let clips = WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(Self.room(climaxes: [100, 160])))
        for a in clips { for b in clips where a.rank < b.rank {
            #expect(b.start >= a.end + config.selection.minGap - 1e-9 || b.end <= a.start - config.selection.minGap + 1e-9)
        } }
    }

    @Test func blackAndSilentStretchesCountAgainst() {
        var config = Self.config
        config.selection.count = 1
        var signals = Self.room(climaxes: [200])
        for s in 195..<235 { signals.black[s] = true; signals.silent[s] = true }
        let clips = WindowSelector(selection: config.selection).select(HighlightScorer(config: config).score(signals))
        #expect(clips.first.map { $0.end <= 196 || $0.start >= 234 } == true)
    }
}
