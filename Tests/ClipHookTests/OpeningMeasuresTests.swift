import ClipAnalysis
import Foundation
import Testing
@testable import ClipHook

/// Builds analysis reports the way the analyzer would for a 30 fps opening, from plain numbers.
private struct ReportBuilder {
    var frames: [[String: Any]] = []
    var cuts: [[String: Any]] = []
    var fades: [[String: Any]] = []
    var black: [Interval] = []
    var freeze: [Interval] = []
    var loudness: [[String: Any]] = []
    var firstSound: Double?
    var peaks = LoudnessSummary(samplePeak: -3, truePeak: -2.5)

    /// 105 frames (3.5 s); `blackUntil` frames fully black, `motion` per frame.
    init(blackUntil: Int = 0, motion: (Int) -> Double = { _ in 2 }) {
        frames = (0..<105).map { i in
            ["time": Double(i) / 30, "frame": i, "lumaMean": i < blackUntil ? 0.0 : 120.0, "lumaStdev": 40.0,
             "motion": motion(i), "blackRatio": i < blackUntil ? 1.0 : 0.1]
        }
    }

    mutating func cut(at frame: Int) { cuts.append(["time": Double(frame) / 30, "frame": frame, "score": 60.0, "ratio": 9.0]) }

    mutating func fadeIn(_ start: Double, _ end: Double) {
        fades.append(["kind": "fromBlack", "start": start, "end": end, "startFrame": Int(start * 30), "endFrame": Int(end * 30),
                      "brightLuma": 120.0])
    }

    func build() throws -> AnalysisReport {
        func decode<T: Decodable>(_ value: Any, as: T.Type) throws -> T {
            try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: value))
        }
        let summary = AnalysisSummary(duration: 3.5, loudness: peaks, firstSoundTime: firstSound, cutCount: cuts.count,
                                      fadeCount: fades.count, blackSeconds: 0, freezeSeconds: 0, silenceSeconds: 0, speechShare: nil)
        return AnalysisReport(file: "x.mp4", mode: .exhaustive, from: 0, to: 3.5, frameRate: 30, summary: summary, timeline: [],
                              cuts: try decode(cuts, as: [Cut].self), fades: try decode(fades, as: [Fade].self), black: black,
                              freeze: freeze, silence: [], keyframeTimes: [0], decode: DecodeStatistics(),
                              frames: try decode(frames, as: [FrameMeasure].self),
                              loudnessSeries: try decode(loudness, as: [LoudnessPoint].self))
    }
}

@Suite("Opening measures from an analysis report")
struct OpeningMeasuresTests {
    let settings = AnalysisSettings()

    @Test("a picture from the first frame: no black opening; cuts and motion with cut frames left out")
    func cleanOpening() throws {
        var builder = ReportBuilder(motion: { [30, 66].contains($0) ? 80 : 2 })
        builder.cut(at: 30); builder.cut(at: 66); builder.cut(at: 100)
        builder.firstSound = 0.1
        builder.loudness = (1...35).map { (tenth: Int) -> [String: Any] in
            var point: [String: Any] = ["time": Double(tenth) / 10, "momentary": -12.0 - Double(tenth % 3)]
            if tenth >= 30 { point["shortTerm"] = -14.0 - Double(tenth - 30) }
            return point
        }
        let m = OpeningMeasures(report: try builder.build(), window: 3, settings: settings)
        #expect(m.blackOpen == 0 && !m.firstFrameBlack)
        #expect(m.firstCut == 1.0 && m.cuts == [1.0, 2.2])
        #expect(m.motion == 2)
        #expect(m.firstSound == 0.1)
        #expect(m.openingLoudness == -14)   // short-term at 3.0 s, not at 3.5 s
        #expect(m.maxMomentaryLoudness == -12)
        #expect(m.truePeak == -2.5 && m.samplePeak == -3)
    }

    @Test("black frames at the start count until the first picture, extended by a fade-in that starts there")
    func blackAndFade() throws {
        var black = ReportBuilder(blackUntil: 30)
        black.black = [Interval(start: 0, end: 1)]
        let m = OpeningMeasures(report: try black.build(), window: 3, settings: settings)
        #expect(m.firstFrameBlack && m.blackOpen == 1.0)
        var fade = ReportBuilder(blackUntil: 3)
        fade.fadeIn(0.067, 1.0)
        #expect(OpeningMeasures(report: try fade.build(), window: 3, settings: settings).blackOpen == 1.0)
        var lateFade = ReportBuilder()
        lateFade.fadeIn(2.0, 2.5)   // a fade-in later on is not a black opening
        #expect(OpeningMeasures(report: try lateFade.build(), window: 3, settings: settings).blackOpen == 0)
    }

    @Test("a frozen stretch is clipped to the window, and black is not counted as frozen")
    func frozen() throws {
        var builder = ReportBuilder(blackUntil: 30)
        builder.black = [Interval(start: 0, end: 1)]
        builder.freeze = [Interval(start: 0, end: 2.5)]
        var m = OpeningMeasures(report: try builder.build(), window: 3, settings: settings)
        #expect(abs(m.frozen - 1.5) < 1e-9 && m.frozenStart == 1.0)
        builder = ReportBuilder()
        builder.freeze = [Interval(start: 1.2, end: 5)]
        m = OpeningMeasures(report: try builder.build(), window: 3, settings: settings)
        #expect(abs(m.frozen - 1.8) < 1e-9 && m.frozenStart == 1.2)
    }

    @Test("a picture as the first decoded frame is no black opening even when its time stamp is after 0")
    func lateFirstFrame() throws {
        var builder = ReportBuilder()
        builder.frames.removeFirst(3)   // first frame at 0.1 s, a picture
        #expect(OpeningMeasures(report: try builder.build(), window: 3, settings: settings).blackOpen == 0)
    }

    @Test("sound after the window, and no cut at all, are absent values")
    func absent() throws {
        var builder = ReportBuilder()
        builder.firstSound = 3.2
        let m = OpeningMeasures(report: try builder.build(), window: 3, settings: settings)
        #expect(m.firstSound == nil && m.firstCut == nil && m.cuts.isEmpty)
    }
}
