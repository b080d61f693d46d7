import ClipMedia

/// The whole-file facts the hook checks need, read from the probe (no decoding): duration, display
/// size and aspect, frame rate, whether there is audio.
public struct FileFacts: Sendable, Equatable {
    public var duration: Double
    public var width: Int
    public var height: Int
    public var frameRate: Double?
    public var hasAudio: Bool
    /// Channels of the default audio stream (loudness is measured on up to two of them, as BS.1770 sums them).
    public var audioChannels: Int?
    /// The coded size (what decoded frames have before scaling).
    public var codedWidth: Int
    public var codedHeight: Int

    /// Reads the facts from a probe; the file must have a video stream.
    /// `scannedDuration` is used when neither the container nor the stream states a duration.
    public init(_ info: MediaInfo, videoStream: Int, scannedDuration: Double? = nil) throws {
        guard let stream = info.streams.first(where: { $0.index == videoStream }), let video = stream.video else {
            throw MediaError(file: info.path, operation: "checking the hook", message: "the file has no video stream")
        }
        guard let duration = info.duration ?? stream.duration ?? scannedDuration, duration > 0 else {
            throw MediaError(file: info.path, operation: "checking the hook", message: "the duration is unknown")
        }
        self.duration = duration
        width = video.displayWidth
        height = video.displayHeight
        codedWidth = video.width
        codedHeight = video.height
        frameRate = video.averageFrameRate ?? video.realFrameRate
        hasAudio = info.streams.contains { $0.kind == "audio" }
        audioChannels = info.streams.first { $0.audio != nil }?.audio?.channels
    }

    /// Display width ÷ height.
    public var aspect: Double { height > 0 ? Double(width) / Double(height) : 0 }
}
