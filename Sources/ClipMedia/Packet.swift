import CFFmpeg

/// One compressed packet as the demuxer read it: which stream, when, how big, whether a keyframe.
/// Reading it costs nothing; a decoder turns it into frames. Valid until the file reads the next one.
public final class Packet {
    let raw: UnsafeMutablePointer<AVPacket>
    /// The stream the packet belongs to.
    public private(set) var streamIndex = 0
    /// Presentation time in seconds from the container start, when the packet has one.
    public private(set) var time: Double?
    /// Decoding time in seconds from the container start, when the packet has one.
    public private(set) var decodeTime: Double?
    /// Duration in seconds (0 when the container does not say).
    public private(set) var duration = 0.0
    /// Payload size in bytes.
    public private(set) var size = 0
    /// Whether the packet starts a keyframe.
    public private(set) var isKeyframe = false
    /// Whether the demuxer flagged the packet as corrupt.
    public private(set) var isCorrupt = false

    init(file: String) throws {
        guard let raw = av_packet_alloc() else {
            throw MediaError(file: file, operation: "allocating a packet", message: "out of memory")
        }
        self.raw = raw
    }

    deinit {
        var owned: UnsafeMutablePointer<AVPacket>? = raw
        av_packet_free(&owned)
    }

    func unref() { av_packet_unref(raw) }

    func describe(stream: Int, timeBase: AVRational, startTime: Double) {
        let p = raw.pointee
        streamIndex = stream
        time = Timebase.seconds(p.pts, timeBase).map { $0 - startTime }
        decodeTime = Timebase.seconds(p.dts, timeBase).map { $0 - startTime }
        duration = Timebase.seconds(p.duration, timeBase) ?? 0
        size = Int(p.size)
        isKeyframe = p.flags & AV_PKT_FLAG_KEY != 0
        isCorrupt = p.flags & AV_PKT_FLAG_CORRUPT != 0
    }
}
