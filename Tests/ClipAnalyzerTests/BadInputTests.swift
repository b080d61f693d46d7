import ClipAnalysis
import ClipAnalyzer
import ClipMedia
import Foundation
import Testing
import TestSupport

/// Files that are missing, not media, cut short, or without video.
struct BadInputTests {
    @Test func missingFileIsAClearError() throws {
        let error = try #require(throws: MediaError.self) {
            try MediaAnalyzer.analyze(path: "/nonexistent/show.mp4")
        }
        #expect(error.description.contains("/nonexistent/show.mp4") && error.description.contains("no such file"))
    }

    @Test func garbageIsAClearError() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("garbage.mp4").path
        try Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try MediaAnalyzer.analyze(path: path) }
        #expect(error.description.hasPrefix(path))
    }

    @Test(arguments: AnalysisMode.allCases)
    func aDamagedRecordingIsAnalysedUpToWhereItStops(mode: AnalysisMode) throws {
        let report = try MediaAnalyzer.analyze(path: Recordings.damaged(), options: AnalysisOptions(mode: mode))
        // The last part is cut off; the cut at 3.4 s lies before the damage (MPEG-TS audio starts a little
        // before the video, so container times may be a frame later).
        #expect(report.summary.duration > 7 && report.summary.duration < 15, "\(report.summary.duration)")
        #expect(report.cuts.first.map { abs($0.time - 3.4) <= 0.041 } == true, "\(report.cuts)")
        #expect(report.decode.framesDecoded > 100, "\(report.decode)")
        #expect(report.summary.loudness.integrated != nil)
    }

    @Test(arguments: AnalysisMode.allCases)
    func audioOnlyFilesGetLoudnessAndNoVisualEvents(mode: AnalysisMode) throws {
        let report = try MediaAnalyzer.analyze(path: Recordings.toneOnly(), options: AnalysisOptions(mode: mode))
        #expect(report.frameRate == nil && report.cuts.isEmpty && report.decode.framesDecoded == 0)
        let reference = try FFmpegOracle.loudness(try Recordings.toneOnly())
        #expect(report.summary.loudness.integrated.map { abs($0 - reference.integrated) <= 0.5 } == true, "\(reference)")
        #expect(report.timeline.count == 3 && report.timeline.allSatisfy { $0.motion == nil })
        #expect(report.silence.isEmpty)
    }

    @Test func anEmptyRangeIsAnError() throws {
        let error = try #require(throws: MediaError.self) {
            try MediaAnalyzer.analyze(path: Recordings.toneOnly(), options: AnalysisOptions(from: 10, to: 20))
        }
        #expect(error.description.contains("empty"))
    }
}
