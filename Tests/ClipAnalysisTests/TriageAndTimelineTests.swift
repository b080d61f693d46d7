import Testing
@testable import ClipAnalysis

/// Fast-mode GOP triage and the per-second timeline, on plain numbers.
struct TriageAndTimelineTests {
    static func keyframe(_ time: Double, level: UInt8, black: Double = 0) -> GopTriage.Keyframe {
        GopTriage.Keyframe(time: time, pixels: [UInt8](repeating: level, count: 64), blackRatio: black)
    }

    @Test func packetSpikesStandOutFromTheirNeighbours() {
        var triage = GopTriage(settings: AnalysisSettings())
        let sizes = [1000, 1100, 900, 1050, 980, 1020, 1010, 990, 5000, 1000, 1300]
        let spikes = sizes.map { triage.isSpike(packetSize: $0) }
        #expect(spikes == [false, false, false, false, false, false, false, false, true, false, false])
    }

    @Test func quietGopsStayUndecodedAndChangesAreExplained() {
        var triage = GopTriage(settings: AnalysisSettings())
        let steady = [1000, 1100, 900]
        // Same picture at both ends, ordinary packets: keyframes are enough.
        #expect(triage.reasons(previous: Self.keyframe(0, level: 100), next: Self.keyframe(2, level: 101),
                               nonKeySizes: steady, spikes: 0, requested: false, typicalSize: 1000).isEmpty)
        // A different picture at the next keyframe: decode.
        #expect(triage.reasons(previous: Self.keyframe(2, level: 101), next: Self.keyframe(4, level: 180),
                               nonKeySizes: steady, spikes: 0, requested: false, typicalSize: 1000) == [.keyframeChange])
        // Picture to black, with a spike and a caller's request.
        let reasons = triage.reasons(previous: Self.keyframe(4, level: 180), next: Self.keyframe(6, level: 0, black: 1),
                                     nonKeySizes: steady, spikes: 1, requested: true, typicalSize: 1000)
        #expect(Set(reasons) == [.requested, .packetSpike, .keyframeChange, .blackEdge])
        // Tiny packets in part of the GOP: a freeze starts inside it.
        #expect(triage.reasons(previous: Self.keyframe(6, level: 0, black: 1), next: Self.keyframe(8, level: 0, black: 1),
                               nonKeySizes: [900, 20, 20], spikes: 0, requested: false, typicalSize: 1000) == [.staticEdge])
    }

    @Test func timelineFlagsNeedHalfASecondAndCountCuts() {
        let cut = Cut(time: 1.2, frame: 30, score: 50, ratio: 10)
        let timeline = TimelineBuilder.build(
            from: 0.5, to: 3.2, audio: [1: .init(shortTerm: -20, maxMomentary: -18, speech: 0.9)],
            motion: [2: 4.5], videoBytes: [1: 1000], cuts: [cut],
            black: [Interval(start: 1.0, end: 1.6)], freeze: [Interval(start: 2.0, end: 2.4)],
            silence: [Interval(start: 3.0, end: 3.2)])
        #expect(timeline.map(\.second) == [0, 1, 2, 3])
        #expect(timeline.map(\.black) == [false, true, false, false])
        #expect(timeline.map(\.freeze) == [false, false, false, false])
        // Second 3 is only 0.2 s long inside the range, all of it silent.
        #expect(timeline.map(\.silence) == [false, false, false, true])
        #expect(timeline.map(\.cutCount) == [0, 1, 0, 0])
        #expect(timeline[1].shortTerm == -20 && timeline[1].speech == 0.9 && timeline[1].videoBytes == 1000)
        #expect(timeline[2].motion == 4.5 && timeline[0].motion == nil)
    }
}
