import ClipAnalysis
import ClipAnalyzer
import Foundation
import Testing
import TestSupport

/// A generated recording with known cuts (not on keyframes), black, frozen, silent and loud parts,
/// analysed in both modes and compared with what was put in and with ffmpeg's own filters.
@Suite(.serialized) struct GeneratedRecordingTests {
    static let reports: [AnalysisMode: AnalysisReport] = {
        var reports: [AnalysisMode: AnalysisReport] = [:]
        for mode in AnalysisMode.allCases {
            reports[mode] = try? MediaAnalyzer.analyze(path: Recordings.events(), options: AnalysisOptions(mode: mode))
        }
        return reports
    }()

    @Test(arguments: AnalysisMode.allCases)
    func cutsAreFoundWithinAFrame(mode: AnalysisMode) throws {
        let report = try #require(Self.reports[mode])
        let agreement = Agreement(found: report.cuts.map(\.time), expected: Recordings.cutTimes, tolerance: 0.041)
        #expect(agreement.precision >= 0.95 && agreement.recall >= 0.95, "\(report.cuts)")
        #expect(report.cuts.map(\.frame) == Recordings.cutTimes.map { Int(($0 * 25).rounded()) })
    }

    @Test(arguments: AnalysisMode.allCases)
    func blackFrozenAndSilentIntervalsMatchWhatWasMade(mode: AnalysisMode) throws {
        let report = try #require(Self.reports[mode])
        #expect(report.black.count == 1)
        #expect(report.black.first.map { abs($0.start - Recordings.black.0) < 0.05 && abs($0.end - Recordings.black.1) < 0.05 } == true)
        #expect(report.black.first?.startFrame == 155)
        // The black part is also frozen; the colour bars are the other freeze.
        let freezes = report.freeze.map { ($0.start, $0.end) }
        #expect(Coverage.disagreement(freezes, [Recordings.black, Recordings.freeze], upTo: 16.2) < 0.1, "\(freezes)")
        let silences = report.silence.map { ($0.start, $0.end) }
        #expect(silences.count == 2)
        for (found, made) in zip(silences, Recordings.silences) {
            #expect(abs(found.0 - made.0) < 0.1 && abs(found.1 - made.1) < 0.1, "\(silences)")
        }
    }

    @Test(arguments: AnalysisMode.allCases)
    func timelineShowsTheLoudAndQuietSeconds(mode: AnalysisMode) throws {
        let report = try #require(Self.reports[mode])
        #expect(report.timeline.map(\.second) == Array(0...16))
        // Loud from 5.5 s to 9 s: a 400 ms window ending in seconds 5 to 9 reaches it.
        let loud = report.timeline.filter { ($0.maxMomentary ?? -100) > -12 }.map(\.second)
        #expect(loud == [5, 6, 7, 8, 9])
        #expect(report.timeline[8].shortTerm.map { abs($0 - -9.7) < 0.3 } == true)  // 3 s window 6–9 s, all loud
        // Silent 4–5.5 s and 9–9.8 s: seconds at least half silent.
        #expect(report.timeline.filter(\.silence).map(\.second) == [4, 5, 9])
        #expect(report.timeline.filter(\.black).map(\.second) == [6, 7])
        #expect(report.timeline.map(\.cutCount).reduce(0, +) == 5)
        #expect(report.timeline.allSatisfy { $0.videoBytes > 0 })
        #expect(report.keyframeTimes == stride(from: 0.0, through: 16.0, by: 2.0).map { $0 })
        #expect(abs(report.summary.duration - 16.2) < 0.05)
    }

    @Test func exhaustiveMeasuresMotionEverySecondAndFastDecodesLess() throws {
        let exhaustive = try #require(Self.reports[.exhaustive]), fast = try #require(Self.reports[.fast])
        #expect(exhaustive.decode.framesDecoded == 405)
        #expect(exhaustive.timeline.allSatisfy { $0.motion != nil })
        #expect(fast.decode.framesDecoded < exhaustive.decode.framesDecoded)
        #expect(fast.decode.gopsDecoded > 0 && !fast.decode.detailReasons.isEmpty)
        // The moving test pattern has motion, the colour bars none.
        #expect((exhaustive.timeline[1].motion ?? 0) > 1)
        #expect((exhaustive.timeline[12].motion ?? 1) < 0.1)
    }

    /// Fast mode's GOPs come from worker threads: each frame it measures must be exhaustive mode's frame, in time
    /// order, with the same motion wherever it has a previous frame, and every run must give the same report.
    @Test func fastModeFramesAreExhaustiveFramesInOrder() throws {
        let path = try Recordings.events()
        let exhaustive = try MediaAnalyzer.analyze(path: path, options: AnalysisOptions(mode: .exhaustive, keepSeries: true))
        let fast = try MediaAnalyzer.analyze(path: path, options: AnalysisOptions(mode: .fast, keepSeries: true))
        let reference = Dictionary(uniqueKeysWithValues: exhaustive.frames.map { ($0.frame, $0) })
        #expect(fast.frames.count > 100 && fast.frames.count < exhaustive.frames.count)
        #expect(zip(fast.frames, fast.frames.dropFirst()).allSatisfy { $0.time < $1.time })
        for frame in fast.frames {
            let same = try #require(reference[frame.frame], "frame \(frame.frame) at \(frame.time) s")
            #expect(frame.time == same.time && frame.lumaMean == same.lumaMean && frame.lumaStdev == same.lumaStdev)
            if let motion = frame.motion { #expect(motion == same.motion, "motion of frame \(frame.frame)") }
        }
        let again = try MediaAnalyzer.analyze(path: path, options: AnalysisOptions(mode: .fast, keepSeries: true))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(again) == encoder.encode(fast))
    }

    @Test func loudnessAgreesWithFFmpegEbur128() throws {
        let report = try #require(Self.reports[.fast])
        let reference = try FFmpegOracle.loudness(try Recordings.events())
        let loudness = report.summary.loudness
        #expect(abs(try #require(loudness.integrated) - reference.integrated) <= 0.5, "\(loudness) vs \(reference)")
        #expect(abs(try #require(loudness.range) - reference.range) <= 0.5)
        #expect(abs(try #require(loudness.truePeak) - reference.truePeak) <= 0.5)
    }

    @Test func intervalsAgreeWithFFmpegDetectFilters() throws {
        let path = try Recordings.events()
        let report = try #require(Self.reports[.exhaustive])
        let log = try FFmpegOracle.log(path, video: "blackdetect=d=0.2:pix_th=0.10,freezedetect=n=-60dB:d=1",
                                       audio: "silencedetect=n=-40dB:d=0.3")
        let black = FFmpegOracle.intervals(FFmpegOracle.values("black_start:", in: log), FFmpegOracle.values("black_end:", in: log), end: 16.2)
        let silence = FFmpegOracle.intervals(FFmpegOracle.values("silence_start:", in: log), FFmpegOracle.values("silence_end:", in: log), end: 16.2)
        let freeze = FFmpegOracle.intervals(FFmpegOracle.values("freeze_start:", in: log), FFmpegOracle.values("freeze_end:", in: log), end: 16.2)
        #expect(!black.isEmpty && !silence.isEmpty && !freeze.isEmpty)
        #expect(Coverage.disagreement(report.black.map { ($0.start, $0.end) }, black, upTo: 16.2) < 0.1)
        #expect(Coverage.disagreement(report.silence.map { ($0.start, $0.end) }, silence, upTo: 16.2) < 0.1)
        #expect(Coverage.disagreement(report.freeze.map { ($0.start, $0.end) }, freeze, upTo: 16.2) < 0.15)
    }

    @Test func aRangeKeepsContainerTimesAndOnlyItsEvents() throws {
        let report = try MediaAnalyzer.analyze(path: Recordings.events(),
                                               options: AnalysisOptions(mode: .exhaustive, from: 5, to: 12, keepSeries: true))
        #expect(report.cuts.map(\.frame) == [155, 195, 270])
        #expect(report.timeline.map(\.second) == Array(5...11))
        #expect(report.frames.first.map { $0.time >= 5 && $0.time < 5.05 } == true)
        #expect(report.frames.last.map { $0.time < 12 && $0.time > 11.9 } == true)
        #expect(report.loudnessSeries.first.map { abs($0.time - 5.1) < 0.01 } == true)
        #expect(abs(report.summary.duration - 7) < 0.05)
        #expect(report.keyframeTimes == [6, 8, 10])
    }

    @Test func hookWindowHasPerFrameSeriesAndFirstSound() throws {
        let report = try MediaAnalyzer.analyze(path: Recordings.events(), options: AnalysisOptions(mode: .exhaustive, to: 3.5, keepSeries: true))
        #expect(report.frames.count == 88)
        #expect(report.frames.map(\.frame) == Array(0..<88))
        #expect(report.frames.dropFirst().allSatisfy { $0.motion != nil && $0.cutRatio != nil })
        #expect(report.cuts.map(\.frame) == [85])
        #expect(report.summary.firstSoundTime.map { $0 < 0.01 } == true)
        #expect(report.loudnessSeries.count == 35)
        // -20 dBFS tone; AAC's first frames overshoot by up to about 2 dB.
        #expect(report.summary.loudness.samplePeak.map { $0 > -20.5 && $0 < -17.5 } == true)
        #expect(report.summary.loudness.maxMomentary.map { abs($0 - -23.7) < 0.3 } == true)
    }
}
