import Testing
@testable import ClipAnalysis

/// Fast-mode GOP triage on plain numbers.
struct TriageTests {
    /// A 16×16 keyframe: flat at `level`, or a left/right split when `split` is set.
    static func keyframe(_ time: Double, level: UInt8, split: UInt8? = nil, black: Double = 0) -> GopTriage.Keyframe {
        let pixels = (0..<256).map { i -> UInt8 in (split != nil && i % 16 >= 8) ? split! : level }
        return GopTriage.Keyframe(time: time, pixels: pixels, width: 16, height: 16, blackRatio: black)
    }

    static let steady = [1000, 1100, 900, 1050, 980, 1020, 1010, 990]

    @Test func spikesMustStandOutAndBeNearKeyframeSize() {
        var triage = GopTriage(settings: AnalysisSettings())
        _ = triage.reasons(previous: Self.keyframe(0, level: 100), next: Self.keyframe(2, level: 100),
                           keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false)
        // P-frames among B-frames are not spikes.
        #expect(triage.spikes(in: [1000, 1000, 4000, 1000, 1000, 4000, 1000, 1000, 4000]).isEmpty)
        // 3 000 bytes is three times its neighbours but far from a keyframe's 20 000: rate-control noise.
        #expect(triage.spikes(in: [1000, 3000, 1000, 1000]).isEmpty)
        #expect(triage.spikes(in: [1000, 19_000, 1000, 1000]) == [1])
        // Several big packets in a row still stand out against the wider window.
        #expect(triage.spikes(in: [1000, 18_000, 15_000, 1000, 1000, 1000, 990, 1010]) == [1, 2])
    }

    @Test func quietGopsStayUndecodedAndChangesAreExplained() {
        var triage = GopTriage(settings: AnalysisSettings())
        // The keyframe cadence is not known for the first two GOPs.
        for k in 0..<2 {
            #expect(triage.reasons(previous: Self.keyframe(Double(-4 + 2 * k), level: 100), next: Self.keyframe(Double(-2 + 2 * k), level: 100),
                                   keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false) == [.irregularKeyframe])
        }
        // Same picture at both ends, ordinary packets: keyframes are enough.
        #expect(triage.reasons(previous: Self.keyframe(0, level: 100), next: Self.keyframe(2, level: 101),
                               keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false).isEmpty)
        // A new picture at the next keyframe: decode.
        #expect(triage.reasons(previous: Self.keyframe(2, level: 101), next: Self.keyframe(4, level: 100, split: 200),
                               keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false) == [.keyframeChange])
        // Picture to black, with a cut-sized packet and a caller's request.
        let reasons = triage.reasons(previous: Self.keyframe(4, level: 100, split: 200), next: Self.keyframe(6, level: 0, black: 1),
                                     keyframeSize: 20_000, nonKeySizes: Self.steady + [20_000] + Self.steady, requested: true)
        #expect(Set(reasons) == [.requested, .packetSpike, .keyframeChange, .blackEdge])
        // Tiny packets at the end of the GOP: a freeze starts inside it.
        #expect(triage.reasons(previous: Self.keyframe(6, level: 0, black: 1), next: Self.keyframe(8, level: 0, black: 1),
                               keyframeSize: 20_000, nonKeySizes: [900, 20, 20], requested: false) == [.staticEdge])
        // Scattered tiny packets in moving content (after the static GOP above, the change back is an edge).
        _ = triage.reasons(previous: Self.keyframe(8, level: 0, black: 1), next: Self.keyframe(10, level: 0, black: 1),
                           keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false)
        #expect(triage.reasons(previous: Self.keyframe(10, level: 0, black: 1), next: Self.keyframe(12, level: 0, black: 1),
                               keyframeSize: 20_000, nonKeySizes: [900, 20, 900, 20, 900, 20, 900], requested: false).isEmpty)
    }

    @Test func aKeyframeOffTheCadenceIsASceneChange() {
        var triage = GopTriage(settings: AnalysisSettings())
        for k in 0..<4 {
            _ = triage.reasons(previous: Self.keyframe(Double(2 * k), level: 100), next: Self.keyframe(Double(2 * k + 2), level: 100),
                               keyframeSize: 20_000, nonKeySizes: Self.steady, requested: false)
        }
        #expect(triage.reasons(previous: Self.keyframe(8, level: 100), next: Self.keyframe(8.5, level: 100),
                               keyframeSize: 20_000, nonKeySizes: [1000], requested: false) == [.irregularKeyframe])
    }

    @Test func blockMeansAverageAwayNoise() {
        // A checkerboard of 0/255 averages to mid-grey blocks: two checkerboards out of phase do not differ.
        let a: [UInt8] = (0..<256).map { (i: Int) -> UInt8 in (i + i / 16) % 2 == 0 ? 0 : 255 }
        let b: [UInt8] = a.map { 255 - $0 }
        let ka = GopTriage.Keyframe(time: 0, pixels: a, width: 16, height: 16, blackRatio: 0)
        let kb = GopTriage.Keyframe(time: 2, pixels: b, width: 16, height: 16, blackRatio: 0)
        #expect(ka.blocks.count == 4)
        #expect(Pixels.meanAbsoluteDifference(ka.blocks, kb.blocks) < 1)
        #expect(Pixels.meanAbsoluteDifference(ka.pixels, kb.pixels) == 255)
    }
}
