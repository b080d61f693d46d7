/// What `clipkit probe` reports about a file: container facts and one entry per stream.
/// Field names are the JSON names documented in README.
public struct MediaInfo: Codable, Sendable, Equatable {
    public var path: String
    /// FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "flv", "mpegts".
    public var container: String
    public var containerLongName: String?
    /// Seconds.
    public var duration: Double?
    /// Seconds; clipkit's times are relative to it.
    public var startTime: Double
    /// Bits per second.
    public var bitRate: Int?
    /// The `creation_time` tag (ISO 8601), when the file has one.
    public var creationTime: String?
    /// File size in bytes.
    public var size: Int
    public var streams: [StreamInfo]
}

/// One stream of a file.
public struct StreamInfo: Codable, Sendable, Equatable {
    public var index: Int
    /// "video", "audio", "subtitle", "data" or "attachment".
    public var kind: String
    public var codec: String
    public var codecLongName: String?
    public var profile: String?
    /// Bits per second, when known.
    public var bitRate: Int?
    /// Seconds from the container start to the stream's first time stamp.
    public var startTime: Double?
    public var duration: Double?
    /// "num/den".
    public var timeBase: String
    public var video: VideoStreamInfo?
    public var audio: AudioStreamInfo?
}

/// Facts of a video stream.
public struct VideoStreamInfo: Codable, Sendable, Equatable {
    /// Coded size.
    public var width: Int
    public var height: Int
    /// Size as shown, after the sample aspect ratio and the rotation are applied.
    public var displayWidth: Int
    public var displayHeight: Int
    /// "num:den".
    public var sampleAspectRatio: String
    public var displayAspectRatio: String
    /// Degrees, counter-clockwise, as ffprobe prints it (-90 for a phone held upright).
    public var rotation: Double
    public var pixelFormat: String?
    /// Frames per second averaged over the stream, and FFmpeg's "real" base rate (r_frame_rate).
    public var averageFrameRate: Double?
    public var realFrameRate: Double?
    /// Whether frame durations vary (seen in the packet time stamps scanned).
    public var variableFrameRate: Bool
    /// Number of frames, from the container or from a scan that reached the end; nil when unknown.
    public var frameCount: Int?
    /// Mean seconds between keyframes in the scanned packets; nil with fewer than two keyframes.
    public var keyframeInterval: Double?
}

/// Facts of an audio stream.
public struct AudioStreamInfo: Codable, Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    /// e.g. "stereo", "mono", "5.1".
    public var channelLayout: String?
    public var sampleFormat: String?
}
