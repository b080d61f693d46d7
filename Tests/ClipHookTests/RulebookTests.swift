import ClipPresets
import Foundation
import Testing
@testable import ClipHook

/// The repository's Presets folder, so the tests read the shipped presets and messages.
private let presets: Void = setenv("CLIPKIT_PRESETS", URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Presets").path, 1) == 0 ? () : ()

private func rulebook(_ name: String = "douyin-9x16", _ language: HookLanguage = .en) throws -> HookRulebook {
    _ = presets
    return HookRulebook(preset: try PlatformPreset.load(name), messages: try HookMessages.load(), language: language)
}

/// A clean 1080x1920 creative's metrics: nothing for any check to find.
private func clean() -> HookMetrics {
    HookMetrics(duration: 20, width: 1080, height: 1920, aspect: 0.5625, frameRate: 30, hasAudio: true, window: 3,
                opening: OpeningMeasures(blackOpen: 0, frozen: 0, firstCut: 1.0, cuts: [1.0, 2.2], motion: 6,
                                         firstSound: 0.1, openingLoudness: -15, maxMomentaryLoudness: -12,
                                         samplePeak: -3, truePeak: -2.5),
                picture: PictureSummary(framesMeasured: 3, bars: .none, sharpness: 900, meanLuma: 120, shadowShare: 0.02,
                                        highlightShare: 0.01, colorfulness: 45))
}

@Suite("Rules, score and findings")
struct RulebookTests {
    @Test("a clean creative scores 100 with no findings")
    func cleanScores100() throws {
        let result = try rulebook().evaluate(clean())
        #expect(result.score == 100)
        #expect(result.findings.isEmpty)
    }

    @Test("each defect gets its finding id, a fail or warn, and costs the preset's points")
    func eachDefect() throws {
        let book = try rulebook()
        var picture = clean().picture!
        let cases: [(String, (inout HookMetrics) -> Void, Severity)] = [
            ("black_open", { $0.opening.blackOpen = 1.0; $0.opening.firstFrameBlack = true }, .fail),
            ("frozen_open", { $0.opening.frozen = 3.0; $0.opening.frozenStart = 0 }, .fail),
            ("no_early_cut", { $0.opening.firstCut = nil; $0.opening.cuts = [] }, .warn),
            ("low_motion", { $0.opening.motion = 0.1 }, .warn),
            ("silent_open", { $0.opening.firstSound = 1.8 }, .fail),
            ("quiet_open", { $0.opening.openingLoudness = -42 }, .fail),
            ("clipping", { $0.opening.truePeak = 2.0 }, .fail),
            ("letterbox", { picture.bars = Bars(top: 0.34, bottom: 0.34, left: 0, right: 0); $0.picture = picture }, .fail),
            ("blurry", { picture = clean().picture!; picture.sharpness = 10; $0.picture = picture }, .fail),
            ("too_dark", { picture = clean().picture!; picture.meanLuma = 25; $0.picture = picture }, .fail),
            ("overexposed", { picture = clean().picture!; picture.meanLuma = 240; $0.picture = picture }, .fail),
            ("dull_colors", { picture = clean().picture!; picture.colorfulness = 3; $0.picture = picture }, .warn),
            ("wrong_aspect", { $0.width = 1920; $0.height = 1080; $0.aspect = 16.0 / 9 }, .fail),
            ("low_resolution", { $0.width = 360; $0.height = 640 }, .fail),
            ("too_short", { $0.duration = 2.5 }, .fail),
            ("too_long", { $0.duration = 75 }, .fail),
            ("no_audio", { $0.hasAudio = false; $0.opening.firstSound = nil; $0.opening.openingLoudness = nil; $0.opening.truePeak = nil }, .fail),
        ]
        #expect(Set(cases.map(\.0)) == Set(HookCheck.allCases.map(\.rawValue)))
        for (id, change, severity) in cases {
            var metrics = clean()
            change(&metrics)
            let result = book.evaluate(metrics)
            let finding = try #require(result.findings.first { $0.id == id }, "\(id) not found")
            #expect(finding.severity == severity, "\(id)")
            let level = try #require(book.preset.hook.checks[id]?.levels.first { $0.0 == severity.rawValue }?.1)
            #expect(finding.points == level.points, "\(id)")
            #expect(result.findings.count == 1, "\(id) fired \(result.findings.map(\.id))")
            #expect(result.score == 100 - level.points && result.score < 100, "\(id)")
            #expect(!finding.message.isEmpty && !finding.fix.isEmpty && !finding.message.contains("{"))
        }
    }

    @Test("thresholds are strict: a value exactly at `at` does not fire")
    func strictThresholds() throws {
        var metrics = clean()
        metrics.opening.firstSound = 0.5
        #expect(try rulebook().evaluate(metrics).findings.isEmpty)
        metrics.opening.firstSound = 0.51
        #expect(try rulebook().evaluate(metrics).findings.map(\.severity) == [.warn])
    }

    @Test("the most severe level wins and points add up; the score floors at 0")
    func severityAndScore() throws {
        var metrics = clean()
        metrics.opening.firstSound = 0.7        // warn 10
        metrics.opening.blackOpen = 0.1         // warn 15
        let result = try rulebook().evaluate(metrics)
        #expect(result.findings.map(\.id) == ["black_open", "silent_open"])
        #expect(result.score == 75)
        metrics = clean()
        metrics.opening.blackOpen = 2; metrics.opening.frozen = 3; metrics.opening.firstSound = nil; metrics.duration = 2; metrics.width = 300
        metrics.height = 300; metrics.aspect = 1
        #expect(try rulebook().evaluate(metrics).score == 0)
    }

    @Test("unmeasured values never fire; a silent window is silent_open, not quiet_open")
    func unmeasured() throws {
        var metrics = clean()
        metrics.picture = nil
        metrics.opening.motion = nil
        #expect(try rulebook().evaluate(metrics).findings.isEmpty)
        metrics.opening.firstSound = nil
        metrics.opening.openingLoudness = nil
        let finding = try #require(try rulebook().evaluate(metrics).findings.first)
        #expect(finding.id == "silent_open" && finding.value == nil && finding.end == 3)
    }

    @Test("findings are written in the chosen language with the value filled in")
    func languages() throws {
        var metrics = clean()
        metrics.opening.firstSound = 1.8
        let en = try #require(try rulebook("douyin-9x16", .en).evaluate(metrics).findings.first)
        let zh = try #require(try rulebook("douyin-9x16", .zh).evaluate(metrics).findings.first)
        #expect(en.message == "no sound until 1.8 s")
        #expect(zh.message == "1.8 秒前没有声音")
        #expect(en.fix != zh.fix)
        #expect(HookLanguage.fromLocale(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(HookLanguage.fromLocale(["LANG": "C.UTF-8"]) == .en)
    }

    @Test("the landscape preset wants 16:9: a 9:16 creative is the wrong aspect there")
    func landscapePreset() throws {
        let result = try rulebook("landscape-16x9").evaluate(clean())
        #expect(result.findings.map(\.id) == ["wrong_aspect"])
    }
}

@Suite("Platform presets")
struct PlatformPresetTests {
    @Test("every shipped preset loads, has every check, and its duration checks match its output spec")
    func shippedPresets() throws {
        _ = presets
        let names = PlatformPreset.names
        #expect(Set(names).isSuperset(of: ["douyin-9x16", "kuaishou-9x16", "tiktok-9x16", "reels-9x16", "shorts-9x16",
                                          "feed-1x1", "landscape-16x9"]))
        for name in names {
            let preset = try PlatformPreset.load(name)
            #expect(preset.name == name)
            #expect(Set(preset.hook.checks.keys) == Set(HookCheck.allCases.map(\.rawValue)), "\(name)")
            #expect(preset.hook.checks["too_short"]?.fail?.at == preset.output.minDuration, "\(name)")
            #expect(preset.hook.checks["too_long"]?.fail?.at == preset.output.maxDuration, "\(name)")
            let aspect = try #require(preset.output.aspectRatio)
            #expect(abs(aspect - Double(preset.output.width) / Double(preset.output.height)) < 0.01, "\(name)")
        }
    }

    @Test("a preset with a bad aspect or a missing key is one clear error naming the file")
    func badPresets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hook-preset-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = presets
        let good = try String(contentsOf: try PresetLocator.url(kind: "platforms", "douyin-9x16"), encoding: .utf8)
        let badAspect = folder.appendingPathComponent("bad-aspect.yaml")
        try good.replacingOccurrences(of: "aspect: \"9:16\"", with: "aspect: \"tall\"").write(to: badAspect, atomically: true, encoding: .utf8)
        #expect { try PlatformPreset.load(badAspect.path) } throws: { "\($0)".contains("bad-aspect.yaml: output.aspect 'tall'") }
        let missing = folder.appendingPathComponent("missing.yaml")
        try good.replacingOccurrences(of: "  fps: 30\n", with: "").write(to: missing, atomically: true, encoding: .utf8)
        #expect { try PlatformPreset.load(missing.path) } throws: { "\($0)".contains("missing.yaml: missing key 'output.fps'") }
    }
}
