import Foundation
import Yams

/// A platform preset (`Presets/platforms/<name>.yaml`): the output spec clips are encoded to and the
/// thresholds and points of the hook checks for that platform.
public struct PlatformPreset: Codable, Sendable, Equatable {
    /// Short name, e.g. `douyin-9x16`.
    public var name: String
    /// Human name, e.g. "Douyin (抖音) vertical feed".
    public var title: String
    public var output: OutputSpec
    public var hook: HookRules
    /// The account's calibration of hook rate on the hook metrics (`clipkit hook calibrate`); nil in shipped presets.
    public var calibration: HookCalibration?

    public init(name: String, title: String, output: OutputSpec, hook: HookRules, calibration: HookCalibration? = nil) {
        self.name = name
        self.title = title
        self.output = output
        self.hook = hook
        self.calibration = calibration
    }

    /// Loads a preset by name (`douyin-9x16`) or path (`./my-douyin.yaml`) and checks that it is consistent.
    public static func load(_ nameOrPath: String) throws -> PlatformPreset {
        let file = try PresetLocator.url(kind: "platforms", nameOrPath)
        let preset = try PresetLocator.decode(PlatformPreset.self, from: file)
        if let problem = preset.problem { throw PresetError("\(file.path): \(problem)") }
        return preset
    }

    /// Names of the platform presets that can be loaded by name.
    public static var names: [String] { PresetLocator.names(kind: "platforms") }

    /// What is inconsistent in the preset, or nil when it can be used.
    public var problem: String? {
        if output.aspectRatio == nil { return "output.aspect '\(output.aspect)' is not of the form W:H" }
        if output.width <= 0 || output.height <= 0 { return "output.width and output.height must be positive" }
        if output.minDuration > output.maxDuration { return "output.minDuration is greater than output.maxDuration" }
        if !(hook.window > 0) { return "hook.window must be positive" }
        for (id, rule) in hook.checks {
            for (level, threshold) in rule.levels where threshold.points < 0 {
                return "hook.checks.\(id).\(level).points must not be negative"
            }
        }
        return calibration?.problem
    }
}

/// How a clip is fitted into the platform frame when its aspect differs.
public enum FitMode: String, Codable, Sendable, CaseIterable {
    /// Scale to fill and crop the overflow (centre).
    case crop
    /// Scale to fit and pad with black bars.
    case pad
    /// Scale to fit over a blurred, enlarged copy of the same picture.
    case blurpad
}

/// The encoding target of a platform: what `extract --mode encode --preset NAME` produces.
public struct OutputSpec: Codable, Sendable, Equatable {
    /// Display aspect "W:H", e.g. "9:16".
    public var aspect: String
    /// Output size in pixels.
    public var width: Int
    public var height: Int
    /// Frames per second.
    public var fps: Double
    /// Video bit rate in bits per second (target average) and the cap for the rate control.
    public var videoBitrate: Int
    public var maxVideoBitrate: Int
    /// AAC bit rate in bits per second, sample rate in Hz and channel count.
    public var audioBitrate: Int
    public var audioSampleRate: Int
    public var audioChannels: Int
    /// Accepted duration in seconds.
    public var minDuration: Double
    public var maxDuration: Double
    /// Integrated loudness target (LUFS) and the true-peak ceiling (dBTP).
    public var loudnessTarget: Double
    public var truePeakCeiling: Double
    public var fit: FitMode

    public init(aspect: String, width: Int, height: Int, fps: Double, videoBitrate: Int, maxVideoBitrate: Int,
                audioBitrate: Int, audioSampleRate: Int, audioChannels: Int, minDuration: Double, maxDuration: Double,
                loudnessTarget: Double, truePeakCeiling: Double, fit: FitMode) {
        self.aspect = aspect
        self.width = width
        self.height = height
        self.fps = fps
        self.videoBitrate = videoBitrate
        self.maxVideoBitrate = maxVideoBitrate
        self.audioBitrate = audioBitrate
        self.audioSampleRate = audioSampleRate
        self.audioChannels = audioChannels
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.loudnessTarget = loudnessTarget
        self.truePeakCeiling = truePeakCeiling
        self.fit = fit
    }

    /// `aspect` as width ÷ height (0.5625 for "9:16"), nil when it does not parse.
    public var aspectRatio: Double? {
        let parts = aspect.split(separator: ":").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        return parts[0] / parts[1]
    }
}

/// The hook checks of a platform: the opening window and, per finding id, its thresholds and points.
public struct HookRules: Codable, Sendable, Equatable {
    /// Seconds of the opening that are checked (the `--window` default).
    public var window: Double
    /// Per finding id (`black_open`, `quiet_open`, …): when it fires and what it costs.
    public var checks: [String: CheckRule]

    public init(window: Double, checks: [String: CheckRule]) {
        self.window = window
        self.checks = checks
    }
}

/// The severity levels of one check. A level fires when the measured value is beyond `at`
/// (strictly above it for checks where higher is worse, strictly below it where lower is worse);
/// the most severe level that fires becomes the finding and its `points` come off the score.
public struct CheckRule: Codable, Sendable, Equatable {
    public var fail: LevelThreshold?
    public var warn: LevelThreshold?
    public var info: LevelThreshold?

    public init(fail: LevelThreshold? = nil, warn: LevelThreshold? = nil, info: LevelThreshold? = nil) {
        self.fail = fail
        self.warn = warn
        self.info = info
    }

    /// The configured levels, most severe first.
    public var levels: [(String, LevelThreshold)] {
        [("fail", fail), ("warn", warn), ("info", info)].compactMap { name, level in level.map { (name, $0) } }
    }
}

/// One severity level of a check: the threshold (omitted for yes/no checks such as `no_audio`) and the points it costs.
public struct LevelThreshold: Codable, Sendable, Equatable {
    public var at: Double?
    public var points: Double

    public init(at: Double? = nil, points: Double) {
        self.at = at
        self.points = points
    }
}

extension PlatformPreset {
    /// The text of a calibrated preset: the base preset's own file (comments kept) without any earlier
    /// `calibration:` section, then `calibration` as a YAML section. Checked by decoding it back.
    public static func calibratedText(base: String, calibration: HookCalibration, header: [String]) throws -> String {
        var kept: [Substring] = []
        var inOldSection = false
        for line in base.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("calibration:") || line.hasPrefix("# clipkit hook calibrate:") { inOldSection = true; continue }
            if inOldSection, let first = line.first, first != " ", first != "#" { inOldSection = false }
            if !inOldSection { kept.append(line) }
        }
        while kept.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { kept.removeLast() }
        let text = kept.joined(separator: "\n") + "\n\n" + header.map { "# \($0)\n" }.joined() + calibration.yamlSection()
        let decoded = try YAMLDecoder().decode(PlatformPreset.self, from: text)
        guard decoded.calibration != nil, decoded.problem == nil else { throw PresetError("the calibrated preset does not read back") }
        return text
    }
}
