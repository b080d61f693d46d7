/// Every threshold of the analysis pass, grouped by detector. Loaded from `Presets/analysis/*.yaml`;
/// the defaults here equal `Presets/analysis/default.yaml` (a preset file must give every key).
public struct AnalysisSettings: Codable, Sendable, Equatable {
    public var silence = SilenceSettings()
    public var speech = SpeechSettings()
    public var frames = FrameSettings()
    public var cuts = CutSettings()
    public var fades = FadeSettings()
    public var black = BlackSettings()
    public var freeze = FreezeSettings()
    public var fast = FastModeSettings()

    public init() {}
}

/// Silence: audio whose every sample stays below `thresholdDB` (dBFS) for at least `minDuration` seconds
/// (the rule of ffmpeg's `silencedetect`).
public struct SilenceSettings: Codable, Sendable, Equatable {
    public var thresholdDB = -40.0
    public var minDuration = 0.3
    public init(thresholdDB: Double = -40.0, minDuration: Double = 0.3) {
        self.thresholdDB = thresholdDB
        self.minDuration = minDuration
    }
}

/// Speech presence: speech-band share of the energy and the syllable-rate modulation of its envelope.
public struct SpeechSettings: Codable, Sendable, Equatable {
    /// Speech band edges in Hz.
    public var lowHz = 300.0
    public var highHz = 3400.0
    /// Seconds whose speech-band level is below this (dBFS) score 0.
    public var floorDB = -50.0
    /// Share of the energy in the speech band that scores 0 and 1 (linear ramp between).
    public var bandShareLow = 0.05
    public var bandShareHigh = 0.20
    /// Standard deviation of the 10 ms speech-band envelope (dB) within a second that scores 0 and 1.
    public var modulationLowDB = 4.0
    public var modulationHighDB = 9.0
    public init() {}
}

/// How frames are measured.
public struct FrameSettings: Codable, Sendable, Equatable {
    /// Width of the luma thumbnails the visual detectors look at (height follows the aspect).
    public var width = 160
    public init() {}
}

/// Hard cuts: content score (mean absolute luma difference to the previous frame, 0–255) combined with
/// an adaptive ratio (score over the mean score of the `adaptiveWindow` frames on each side), as in
/// PySceneDetect's Content- and AdaptiveDetector. A cut needs `score ≥ minScore` and either
/// `score ≥ threshold` with `ratio ≥ minRatio`, or `ratio ≥ adaptiveThreshold`.
public struct CutSettings: Codable, Sendable, Equatable {
    public var threshold = 20.0
    public var minScore = 9.0
    public var minRatio = 2.0
    public var adaptiveThreshold = 3.0
    public var adaptiveWindow = 2
    /// A shot lasts at least this many frames (from the first frame, and between two cuts), as
    /// PySceneDetect's `min_scene_len` (default 15).
    public var minSceneFrames = 15
    /// A change that returns (score to the frame before it below `flashReturn`) within this many seconds
    /// is a flash (camera flash, strobe), not a cut.
    public var flashWindow = 0.2
    public var flashReturn = 8.0
    public init() {}
}

/// Fades to and from black: the mean luma crossing `threshold` (0–255 in full range), as in
/// PySceneDetect's ThresholdDetector; the fade's other end is where the luma stops moving monotonically.
public struct FadeSettings: Codable, Sendable, Equatable {
    public var threshold = 12.0
    /// A fade is at least this long (seconds) and changes the mean luma by at least `minChange`.
    public var minDuration = 0.2
    public var minChange = 20.0
    public init() {}
}

/// Black frames as ffmpeg's `blackdetect`: a pixel is black at or below `pixelThreshold` of the luma range,
/// a frame is black when `pictureRatio` of its pixels are; intervals last at least `minDuration` seconds.
public struct BlackSettings: Codable, Sendable, Equatable {
    public var pixelThreshold = 0.10
    public var pictureRatio = 0.98
    public var minDuration = 0.2
    public init() {}
}

/// Frozen video as ffmpeg's `freezedetect`: the mean absolute difference to the first frame of the run stays
/// below `noiseDB` (relative to full scale) for at least `minDuration` seconds.
public struct FreezeSettings: Codable, Sendable, Equatable {
    public var noiseDB = -60.0
    public var minDuration = 1.0
    public init() {}
}

/// What `fast` mode decodes besides keyframes: the GOPs around candidate cuts, found from keyframe
/// differences and packet sizes.
public struct FastModeSettings: Codable, Sendable, Equatable {
    /// Consecutive keyframes whose 8×8-block luma means differ by at least this (0–255), and by twice the
    /// usual difference, make the GOP between them a candidate.
    public var keyframeDifference = 20.0
    /// A video packet this many times the median size of its neighbours …
    public var packetSpike = 2.5
    /// … (this many on each side) …
    public var packetWindow = 15
    /// … and at least this share of a typical keyframe makes its GOP a candidate.
    public var spikeKeyframeShare = 0.3
    /// A GOP whose non-key packets all stay below this share of the file's median packet is static
    /// (black or frozen content), no need to decode it.
    public var staticPacketShare = 0.01
    public init() {}
}
