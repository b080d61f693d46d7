import Testing
@testable import ClipAnalysis

/// The per-second timeline, on plain numbers.
struct TimelineTests {
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
