/// What `ClipCutter.cut` wrote: where the clip really starts in the source, how long it is, and how it was made.
public struct CutResult: Sendable, Codable, Equatable {
    /// The clip file (the final name).
    public var output: String
    /// The mode asked for ("copy", "exact", "encode").
    public var requestedMode: String
    /// How the clip was actually made: "copy", "smart" (re-encoded head + copied rest), "encode"
    /// (the whole span re-encoded), or "copy" when an exact cut fell on a keyframe.
    public var method: String
    /// The span asked for, seconds from the source's container start.
    public var plannedStart: Double
    public var plannedEnd: Double
    /// Where the clip's first frame comes from in the source (copy mode: the keyframe at or before the in point).
    public var actualStart: Double
    /// Duration of the clip's video (or audio, for audio-only sources), seconds.
    public var duration: Double
    /// Seconds re-encoded at the head of a smart cut (0 for copy).
    public var reencodedSeconds: Double
    public var video: VideoFacts?
    public var audio: AudioFacts?
    /// Why the method differs from the mode asked for, and other things a user should know.
    public var notes: [String]
}

/// The video stream of a cut clip.
public struct VideoFacts: Sendable, Codable, Equatable {
    public var codec: String
    public var width: Int
    public var height: Int
    public var pixelFormat: String?
    /// Nominal frames per second of the source (or the output rate when re-encoded).
    public var frameRate: Double?
    /// Frames written.
    public var frames: Int
    /// Display rotation carried in the clip, degrees counter-clockwise.
    public var rotation: Double
}

/// The audio stream of a cut clip.
public struct AudioFacts: Sendable, Codable, Equatable {
    public var codec: String
    public var sampleRate: Int
    public var channels: Int
    /// Audio packets written.
    public var packets: Int
    /// Time of the first audio sample in the clip, seconds (0 = with the first video frame).
    public var start: Double
}
