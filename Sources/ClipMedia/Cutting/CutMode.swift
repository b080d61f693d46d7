/// How `ClipCutter` turns a span of a recording into a clip.
public enum CutMode: Sendable, Equatable {
    /// Stream copy from the keyframe at or before the in point: lossless and fast, may start early.
    case copy
    /// Frame-accurate smart cut: re-encode from the in point to the next keyframe, stream-copy the rest.
    case exact
    /// Full re-encode to a delivery spec (size, fit, frame rate, bit rates, audio gain).
    case encode(EncodeSettings)

    /// "copy", "exact" or "encode".
    public var name: String {
        switch self {
        case .copy: return "copy"
        case .exact: return "exact"
        case .encode: return "encode"
        }
    }
}

/// How a source picture is fitted into a target frame of another shape.
public enum FitMode: String, Sendable, Codable, CaseIterable {
    /// Scale to cover the frame and cut off what sticks out (centred).
    case crop
    /// Scale to fit inside the frame and fill the rest with black.
    case pad
    /// Like `pad`, but the bars show a blurred, scaled-up copy of the picture.
    case blurpad
}

/// A delivery spec for `CutMode.encode`: H.264 High (libx264, yuv420p) + AAC in the output container.
public struct EncodeSettings: Sendable, Equatable, Codable {
    /// Output size in pixels (rounded down to even numbers).
    public var width: Int
    public var height: Int
    public var fit: FitMode
    /// Output frame rate; frames are picked by their time stamps, so variable-rate sources stay in sync.
    public var frameRate: Double
    /// Video bit rate in bits per second (average; the peak is capped at 1.5 times this).
    public var videoBitRate: Int
    /// AAC bit rate in bits per second.
    public var audioBitRate: Int
    /// AAC sample rate in Hz.
    public var audioSampleRate: Int
    /// Linear gain applied to the audio, in dB (the caller measures loudness); peaks stay below `peakCeiling`.
    public var audioGainDB: Double
    /// Highest sample peak allowed after the gain, in dBFS.
    public var peakCeilingDB: Double
    /// libx264 speed preset ("veryfast", "medium", …).
    public var preset: String

    public init(width: Int, height: Int, fit: FitMode = .crop, frameRate: Double = 30, videoBitRate: Int = 6_000_000,
                audioBitRate: Int = 128_000, audioSampleRate: Int = 48_000, audioGainDB: Double = 0,
                peakCeilingDB: Double = -1, preset: String = "veryfast") {
        self.width = width
        self.height = height
        self.fit = fit
        self.frameRate = frameRate
        self.videoBitRate = videoBitRate
        self.audioBitRate = audioBitRate
        self.audioSampleRate = audioSampleRate
        self.audioGainDB = audioGainDB
        self.peakCeilingDB = peakCeilingDB
        self.preset = preset
    }
}
