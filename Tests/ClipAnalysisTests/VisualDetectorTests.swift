import Testing
@testable import ClipAnalysis

/// Cuts, flashes, fades, black and freeze on synthetic 32×18 luma frames at 25 fps.
struct VisualDetectorTests {
    static let width = 32, height = 18, rate = 25.0

    /// A textured picture: a pattern from `seed`, shifted by `shift` pixels (camera motion), scaled by `gain`.
    static func picture(seed: Int, shift: Int = 0, gain: Double = 1) -> [UInt8] {
        (0..<(width * height)).map { i in
            let x = i % width + shift, y = i / width
            let value = 60 + (((x / 4) * 37 + (y / 3) * 91 + seed * 53) % 140)
            return UInt8(min(255, max(0, Double(value) * gain)))
        }
    }

    static func run(_ pictures: [[UInt8]], settings: AnalysisSettings = AnalysisSettings()) -> VisualAnalysis {
        let analysis = VisualAnalysis(settings: settings, keepSeries: true)
        for (n, pixels) in pictures.enumerated() {
            analysis.add(LumaFrame(time: Double(n) / rate, number: n, width: width, height: height, pixels: pixels, isFullRange: true))
        }
        analysis.finish(at: StreamEnd(time: Double(pictures.count) / rate, frame: pictures.count))
        return analysis
    }

    @Test func hardCutsAreFoundAndFlashesAndPansAreNot() {
        var frames: [[UInt8]] = []
        for n in 0..<40 { frames.append(Self.picture(seed: 1, shift: n % 2)) }        // shot A, slight jitter
        for n in 0..<40 { frames.append(Self.picture(seed: 2, shift: n % 2)) }        // cut at 40 to shot B
        frames[60] = [UInt8](repeating: 250, count: Self.width * Self.height)         // a one-frame flash in B
        for n in 0..<40 { frames.append(Self.picture(seed: 3, shift: n)) }            // cut at 80 to a fast pan
        let analysis = Self.run(frames)
        #expect(analysis.cuts.cuts.map(\.frame) == [40, 80])
        #expect(analysis.cuts.cuts.first.map { abs($0.time - 1.6) < 1e-9 } == true)
        // The series carries the adaptive ratio of every frame with known motion.
        #expect(analysis.series[40].cutRatio.map { $0 > 3 } == true)
        #expect(analysis.series[20].cutRatio.map { $0 < 3 } == true)
    }

    @Test func cutsCloserThanTheMinimumSceneLengthAreDropped() {
        var frames: [[UInt8]] = []
        for seed in [1, 2, 3] { for n in 0..<10 { frames.append(Self.picture(seed: seed, shift: n % 2)) } }
        for n in 0..<30 { frames.append(Self.picture(seed: 4, shift: n % 2)) }
        // Cuts at 10 (too close to the start), 20 (too close to... 10 was dropped, so 20 counts), 30 (too close to 20).
        #expect(Self.run(frames).cuts.cuts.map(\.frame) == [20])
    }

    @Test func fadesToAndFromBlackAreFadesNotCuts() {
        var frames: [[UInt8]] = []
        for _ in 0..<30 { frames.append(Self.picture(seed: 1)) }
        for k in 1...15 { frames.append(Self.picture(seed: 1, gain: 1 - Double(k) / 15)) }     // fade out, frames 30–44
        for _ in 0..<20 { frames.append(Self.picture(seed: 1, gain: 0)) }                      // black, 45–64
        for k in 1...15 { frames.append(Self.picture(seed: 2, gain: Double(k) / 15)) }         // fade in, 65–79
        for _ in 0..<30 { frames.append(Self.picture(seed: 2)) }
        let analysis = Self.run(frames)
        #expect(analysis.cuts.cuts.isEmpty)
        let fades = analysis.fades.fades
        #expect(fades.count == 2)
        #expect(fades.first?.kind == .toBlack && fades.first?.startFrame == 29)
        // The fade-out ends at the first frame whose mean luma is under 12.
        #expect(fades.first.map { $0.endFrame >= 42 && $0.endFrame <= 44 } == true)
        #expect(fades.last?.kind == .fromBlack && fades.last?.endFrame == 79)
        #expect(fades.last.map { $0.startFrame >= 64 && $0.startFrame <= 66 } == true)
        // Black: frames that are at least 98 % dark, through the darkest part of the fades.
        let black = analysis.black.intervals
        #expect(black.count == 1)
        #expect(black.first.map { $0.startFrame! >= 42 && $0.startFrame! <= 45 && $0.endFrame! >= 65 && $0.endFrame! <= 67 } == true)
    }

    @Test func freezesNeedTheMinimumDurationAndEndAtTheFirstChange() {
        var frames: [[UInt8]] = []
        for n in 0..<20 { frames.append(Self.picture(seed: 1, shift: n)) }      // moving
        for _ in 0..<30 { frames.append(Self.picture(seed: 5)) }                // frozen 1.2 s: frames 20–49
        for n in 0..<10 { frames.append(Self.picture(seed: 1, shift: n)) }      // moving
        for _ in 0..<10 { frames.append(Self.picture(seed: 6)) }                // frozen 0.4 s: too short
        for n in 0..<10 { frames.append(Self.picture(seed: 1, shift: n)) }
        let freezes = Self.run(frames).freeze.intervals
        #expect(freezes.count == 1)
        #expect(freezes.first?.startFrame == 20 && freezes.first?.endFrame == 50)
        #expect(freezes.first.map { abs($0.start - 0.8) < 1e-9 && abs($0.end - 2.0) < 1e-9 } == true)
    }

    @Test func limitedRangeLumaIsStretchedBeforeMeasuring() {
        let analysis = VisualAnalysis(settings: AnalysisSettings(), keepSeries: true)
        analysis.add(LumaFrame(time: 0, number: 0, width: 2, height: 1, pixels: [16, 235], isFullRange: false))
        #expect(analysis.series.first?.lumaMean == 127.5)
        #expect(analysis.series.first?.blackRatio == 0.5)
    }

    @Test func motionIsUnknownAcrossGaps() {
        let analysis = VisualAnalysis(settings: AnalysisSettings(), keepSeries: true)
        let a = LumaFrame(time: 0, number: 0, width: Self.width, height: Self.height, pixels: Self.picture(seed: 1))
        let b = LumaFrame(time: 2, number: 50, width: Self.width, height: Self.height, pixels: Self.picture(seed: 2))
        analysis.add(a)
        analysis.add(b, followsPrevious: false)
        #expect(analysis.series.map(\.motion) == [nil, nil])
    }
}
