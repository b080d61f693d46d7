import ClipPresets
import Foundation
import Testing
@testable import ClipHook

/// A deterministic pseudo-random source for synthetic accounts (SplitMix64).
private struct Seeded {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    /// Roughly normal (sum of 12 uniforms − 6).
    mutating func normal() -> Double { (0..<12).reduce(0) { acc, _ in acc + unit() } - 6 }
}

/// A synthetic account: hook rate falls 4 pp per second to the first cut, 5 pp per second of black and
/// 2 pp per second of silence, plus noise; the uncalibrated score sees the same openings through its thresholds.
private func account(_ count: Int, seed: UInt64 = 7) throws -> [CalibrationSample] {
    var random = Seeded(state: seed)
    let rulebook = HookRulebook(preset: try PlatformPreset.load(presetsPath("platforms/douyin-9x16.yaml")),
                                messages: try HookMessages.load(), language: .en)
    return (0..<count).map { i in
        let black = random.unit() < 0.3 ? 0.2 + 0.8 * random.unit() : 0
        let cut = black + 0.4 + 3 * random.unit()
        let sound = random.unit() < 0.4 ? 1.5 * random.unit() : 0.05
        var metrics = HookMetrics(duration: 20, width: 1080, height: 1920, aspect: 0.5625, frameRate: 30, hasAudio: true, window: 3,
                                  opening: OpeningMeasures(blackOpen: black, firstCut: cut < 3.5 ? cut : nil, motion: 5,
                                                           firstSound: sound, openingLoudness: -15))
        metrics.opening.cuts = cut < 3 ? [cut] : []
        let rate = 0.30 - 0.04 * min(cut, 3.5) - 0.05 * black - 0.02 * sound + 0.006 * random.normal()
        let impressions = 2000 + Int(18000 * random.unit())
        return CalibrationSample(id: "c\(i)", features: HookFeature.values(metrics), score: rulebook.evaluate(metrics).score,
                                 impressions: impressions, views3s: Int((Double(impressions) * rate).rounded()))
    }
}

private func presetsPath(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Presets").appendingPathComponent(relative).path
}

@Suite("Hook calibration (pure)")
struct CalibrationTests {
    init() { setenv("CLIPKIT_PRESETS", presetsPath(""), 1) }

    @Test("ridge regression recovers a known linear rule; a constant feature gets no weight")
    func ridgeRecoversRule() {
        var random = Seeded(state: 3)
        var x: [[Double]] = [], y: [Double] = []
        for _ in 0..<200 {
            let a = random.unit() * 4, b = random.unit() * 10
            x.append([a, b, 1])
            y.append(0.3 + 0.05 * a - 0.02 * b + 0.001 * random.normal())
        }
        let fit = RidgeRegression(x: x, y: y, w: Array(repeating: 1, count: 200), lambda: 0.01)
        #expect(abs(fit.weights[0] / fit.scales[0] - 0.05) < 0.002)
        #expect(abs(fit.weights[1] / fit.scales[1] + 0.02) < 0.001)
        #expect(fit.weights[2] == 0 && fit.scales[2] == 0 && fit.standardErrors[2] == 0)
        #expect(fit.standardErrors[0] > 0 && fit.standardErrors[0] < 0.001)
        #expect(abs(fit.predict([2, 5, 1]) - (0.3 + 0.1 - 0.1)) < 0.001)
    }

    @Test("Spearman's rho with ties, and seeded balanced folds")
    func rankCorrelationAndFolds() {
        #expect(RankCorrelation.ranks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [10, 40, 90, 160]) == 1)
        #expect(RankCorrelation.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
        let folds = RankCorrelation.folds(count: 62, k: 5, seed: 9)
        #expect(folds == RankCorrelation.folds(count: 62, k: 5, seed: 9))
        #expect(folds != RankCorrelation.folds(count: 62, k: 5, seed: 10))
        let sizes = (0..<5).map { k in folds.filter { $0 == k }.count }
        #expect(sizes.max()! - sizes.min()! <= 1 && sizes.reduce(0, +) == 62)
    }

    @Test("calibration recovers the signs of a synthetic account's rule and out-ranks the uncalibrated score")
    func recoversSigns() throws {
        let settings = try CalibrationSettings.load("calibration")
        let calibration = try HookCalibrator(settings: settings).fit(try account(80), fittedAt: "2026-11-21T00:00:00Z")
        let weight = Dictionary(uniqueKeysWithValues: calibration.features.map { ($0.name, $0) })
        for name in ["first_cut", "black_open", "first_sound"] {
            let f = try #require(weight[name])
            #expect(f.weight < 0 && f.weight + 1.96 * f.standardError < 0, "\(name): \(f.weight) ± \(f.standardError)")
        }
        #expect(weight["motion"]?.scale == 0 && weight["motion"]?.weight == 0)
        #expect(calibration.cvSpearman > calibration.scoreSpearman + 0.1, "\(calibration.cvSpearman) vs \(calibration.scoreSpearman)")
        #expect(calibration.creatives == 80 && calibration.folds == 5)
        // Deterministic: the same data gives the same calibration.
        #expect(calibration == (try HookCalibrator(settings: settings).fit(try account(80), fittedAt: "2026-11-21T00:00:00Z")))
    }

    @Test("too few creatives and a constant target are refused with the numbers")
    func refusals() throws {
        let calibrator = HookCalibrator(settings: CalibrationSettings(minCreatives: 30))
        #expect(throws: CalibrationError.tooFew(qualified: 12, needed: 30)) { try calibrator.fit(try account(12), fittedAt: "") }
        #expect(CalibrationError.tooFew(qualified: 12, needed: 30).description.contains("12 creatives qualified; calibration needs at least 30"))
        let constant = try account(40).map { sample -> CalibrationSample in
            var s = sample
            s.impressions = 1000
            s.views3s = 250
            return s
        }
        #expect(throws: CalibrationError.constantTarget(rate: 0.25, creatives: 40)) { try calibrator.fit(constant, fittedAt: "") }
    }

    @Test("a calibrated preset round-trips through YAML and predicts, clamped, with missing features at their mean")
    func presetRoundTrip() throws {
        var preset = try PlatformPreset.load("douyin-9x16")
        preset.calibration = HookCalibration(target: "views_3s / impressions", fittedAt: "2026-11-21T00:00:00Z", creatives: 60,
                                             impressions: 600_000, ridgeLambda: 2, intercept: 0.2,
                                             features: [CalibratedFeature(name: "first_cut", mean: 1.5, scale: 0.5, weight: -0.03, standardError: 0.004)],
                                             folds: 5, cvSpearman: 0.8, scoreSpearman: 0.4)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calibrated-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let shipped = try String(contentsOfFile: presetsPath("platforms/douyin-9x16.yaml"), encoding: .utf8)
        let once = try PlatformPreset.calibratedText(base: shipped, calibration: preset.calibration!, header: ["clipkit hook calibrate: test"])
        // Calibrating a calibrated preset replaces its section instead of adding a second one.
        let text = try PlatformPreset.calibratedText(base: once + "# clipkit hook calibrate: stray\n", calibration: preset.calibration!, header: ["clipkit hook calibrate: test"])
        #expect(text.components(separatedBy: "\ncalibration:").count == 2 && text.hasPrefix(shipped.trimmingCharacters(in: .newlines)))
        try text.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try PlatformPreset.load(file.path)
        #expect(loaded == preset)
        let calibration = try #require(loaded.calibration)
        #expect(abs(calibration.predict(["first_cut": 2.0]) - 0.17) < 1e-12)
        #expect(calibration.predict([:]) == 0.2)
        #expect(calibration.predict(["first_cut": -100]) == 1)
    }
}
