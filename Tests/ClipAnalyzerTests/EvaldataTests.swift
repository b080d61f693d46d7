import ClipAnalysis
import ClipAnalyzer
import Foundation
import Testing
import TestSupport

/// Real media with peers' results (../shared/evaldata): PySceneDetect's golden cuts and fades, auto-editor's
/// speech clip with ffmpeg's silencedetect output.
struct EvaldataTests {
    /// Files with media and their expected cuts in frames of the nominal rate: ContentDetector goldens, and for
    /// the issue-* and scenecut files the cuts PySceneDetect and ffmpeg scdet agree on (expected_cuts.json).
    static let goldenCuts: [(file: String, frames: [Int], rate: Double)] = [
        ("pyscenedetect/testvideo.mp4", [30, 180, 394], 30000.0 / 1001),
        ("pyscenedetect/goldeneye-vfr-drop3.mp4", [90, 210], 24000.0 / 1001),
        ("pyscenedetect/fades.mp4", [], 25),
        ("pyscenedetect/counter.mp4", [], 10),
        ("pyscenedetect/issue-134-rotate.mp4", [90, 210], 24000.0 / 1001),
        ("pyscenedetect/issue-195-aspect-ratio.mp4", [70, 170, 301, 421, 484], 25),
        ("pyscenedetect/issue-236-split-copy.mkv", [19], 24000.0 / 1001),
        ("scenecut-extractor/test.mp4", [24, 49, 74, 99, 124, 149, 174], 25),
        ("pyscenedetect/delayed_start.mp4", [], 25),
    ]

    /// Reports with default options, shared between tests (each file is analysed once per mode).
    nonisolated(unsafe) private static var cache: [String: AnalysisReport] = [:]
    private static let lock = NSLock()

    static func analyze(_ relative: String, mode: AnalysisMode, options: AnalysisOptions? = nil) throws -> AnalysisReport {
        let path = Fixtures.evalFile(relative)
        try #require(FileManager.default.fileExists(atPath: path), "evaldata missing: \(path)")
        var chosen = options ?? AnalysisOptions()
        chosen.mode = mode
        guard options == nil else { return try MediaAnalyzer.analyze(path: path, options: chosen) }
        let key = "\(mode.rawValue):\(relative)"
        lock.lock()
        defer { lock.unlock() }
        if let report = cache[key] { return report }
        let report = try MediaAnalyzer.analyze(path: path, options: chosen)
        cache[key] = report
        return report
    }

    @Test(arguments: AnalysisMode.allCases)
    func cutsMatchPySceneDetectGoldens(mode: AnalysisMode) throws {
        var total: Agreement?
        for golden in Self.goldenCuts {
            let report = try Self.analyze(golden.file, mode: mode)
            let agreement = Agreement(found: report.cuts.map(\.time), expected: golden.frames.map { Double($0) / golden.rate },
                                      tolerance: 1 / golden.rate + 0.001)
            total = total.map { $0 + agreement } ?? agreement
            if golden.file.contains("counter") || golden.file.contains("scenecut") {
                #expect(report.cuts.map(\.frame) == golden.frames, "\(golden.file)")
            }
        }
        let f1 = try #require(total).f1
        #expect(f1 >= 0.95, "F1 \(f1)")
    }

    /// PySceneDetect's ThresholdDetector puts a scene boundary half-way between the first dark frame and the
    /// first bright one; our fades (and black at the very start) give the same boundaries within two frames.
    @Test(arguments: AnalysisMode.allCases)
    func fadesMatchThresholdDetectorGoldens(mode: AnalysisMode) throws {
        for (file, frames) in [("pyscenedetect/fades.mp4", [84, 167]), ("pyscenedetect/testvideo.mp4", [15, 198, 377])] {
            let report = try Self.analyze(file, mode: mode)
            // Dark from a fade-out's end or a black start; bright again where a fade-in starts or black ends.
            let darks = report.fades.filter { $0.kind == .toBlack }.map(\.endFrame) + report.black.compactMap(\.startFrame)
            let brights = report.fades.filter { $0.kind == .fromBlack }.map(\.startFrame) + report.black.compactMap(\.endFrame)
            let boundaries = brights.compactMap { bright in darks.filter { $0 <= bright }.max().map { ($0 + bright + 1) / 2 } }
            #expect(report.fades.contains { $0.kind == .toBlack } && report.fades.contains { $0.kind == .fromBlack }, "\(file)")
            let agreement = Agreement(found: boundaries.map(Double.init), expected: frames.map(Double.init), tolerance: 2)
            #expect(agreement.recall == 1, "\(file): \(boundaries) vs \(frames)")
            #expect(report.cuts.allSatisfy { cut in !report.fades.contains { cut.frame > $0.startFrame && cut.frame < $0.endFrame } })
        }
    }

    @Test func silenceMatchesFFmpegSilencedetectOnSpeech() throws {
        // evaldata's silencedetect output used noise 0.04 (amplitude) and 0.2 s.
        var options = AnalysisOptions()
        options.settings.silence = SilenceSettings(thresholdDB: 20 * log10(0.04), minDuration: 0.2)
        let report = try Self.analyze("auto-editor/example.mp4", mode: .fast, options: options)
        let text = try String(contentsOfFile: Fixtures.evalFile("auto-editor/ffmpeg_silencedetect_n0.04_d0.2.txt"), encoding: .utf8)
        let expected = FFmpegOracle.intervals(FFmpegOracle.values("silence_start:", in: text),
                                              FFmpegOracle.values("silence_end:", in: text), end: 42.4)
        #expect(report.silence.count == expected.count)
        for (found, reference) in zip(report.silence, expected) {
            #expect(abs(found.start - reference.0) <= 0.1 && abs(found.end - reference.1) <= 0.1, "\(found) vs \(reference)")
        }
    }

    @Test func speechAndLoudnessOnATalkingHead() throws {
        let path = Fixtures.evalFile("auto-editor/example.mp4")
        let report = try Self.analyze("auto-editor/example.mp4", mode: .fast)
        let reference = try FFmpegOracle.loudness(path)
        #expect(abs(try #require(report.summary.loudness.integrated) - reference.integrated) <= 0.5)
        #expect(abs(try #require(report.summary.loudness.range) - reference.range) <= 0.5)
        // The host talks for the first 17 s, then the clip is silent until 40 s.
        let talking = report.timeline[1..<17].compactMap(\.speech)
        let quiet = report.timeline[19..<39].compactMap(\.speech)
        #expect(talking.count == 16 && talking.reduce(0, +) / 16 >= 0.6, "\(talking)")
        #expect(quiet.allSatisfy { $0 == 0 })
    }

    @Test func editListStartIsTimeZero() throws {
        let report = try Self.analyze("pyscenedetect/delayed_start.mp4", mode: .exhaustive, options: AnalysisOptions(keepSeries: true))
        #expect(report.frames.first.map { abs($0.time) < 0.001 && $0.frame == 0 } == true)
    }
}
