import CFFmpeg
import Foundation

/// An open media file (any container FFmpeg reads): its streams, packets, and seeking.
/// Owns the FFmpeg demuxer and frees it when released. Times are seconds from the container's start, on one
/// continuous timeline: where an MPEG-TS or FLV recording's time stamps jump (a stream reconnect), the packets
/// after the jump are shifted to follow on (see `TimestampStitcher`).
public final class MediaFile {
    /// The path as given.
    public let path: String
    let context: UnsafeMutablePointer<AVFormatContext>
    let packet: Packet
    /// The scanned timeline of a container whose time stamps may jump; nil for the others (MP4, MKV, …).
    private(set) var timeline: Timeline?
    /// Shifts packets onto the continuous timeline; only when the time stamps do jump.
    private var stitcher: TimestampStitcher?

    /// Opens `path` and reads enough of it to know its streams.
    public init(path: String) throws {
        _ = quietFFmpegLog
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MediaError(file: path, operation: "opening", message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw MediaError(file: path, operation: "opening", message: "is a directory, not a media file")
        }
        var opened: UnsafeMutablePointer<AVFormatContext>?
        try check(avformat_open_input(&opened, path, nil, nil), path, "opening")
        guard let context = opened else {
            throw MediaError(file: path, operation: "opening", message: "FFmpeg returned no demuxer")
        }
        let found = avformat_find_stream_info(context, nil)
        if found < 0 || context.pointee.nb_streams == 0 {
            avformat_close_input(&opened)
            if found < 0 { throw MediaError(file: path, operation: "reading stream information", code: found) }
            throw MediaError(file: path, operation: "reading stream information", message: "no audio or video streams")
        }
        self.path = path
        self.context = context
        self.packet = try Packet(file: path)
        if timestampsMayJump {
            let timeline = TimelineCache.shared.timeline(for: path) { scanTimeline() }
            self.timeline = timeline
            if timeline.hasJumps { stitcher = TimestampStitcher(offsets: timeline.offsets, discovers: false) }
            try rewind()
        }
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&owned)
    }

    /// The container's start time in seconds (0 when unknown); every clipkit time is relative to it.
    public var startTime: Double {
        Timebase.seconds(context.pointee.start_time, clip_time_base_q()) ?? 0
    }

    /// The container's duration in seconds, when known (on the continuous timeline when the time stamps jump).
    public var duration: Double? {
        if let timeline, timeline.hasJumps, let end = timeline.end {
            return Double(end) / Double(AV_TIME_BASE) - startTime
        }
        return Timebase.seconds(context.pointee.duration, clip_time_base_q())
    }

    var streamCount: Int { Int(context.pointee.nb_streams) }

    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
        context.pointee.streams[index]!
    }

    /// The index of the stream FFmpeg judges best for a kind, or nil when the file has none.
    func bestStream(_ type: AVMediaType) -> Int? {
        let index = av_find_best_stream(context, type, -1, -1, nil, 0)
        return index >= 0 ? Int(index) : nil
    }

    /// The default video stream, if any.
    public var videoStreamIndex: Int? { bestStream(AVMEDIA_TYPE_VIDEO) }
    /// The default audio stream, if any.
    public var audioStreamIndex: Int? { bestStream(AVMEDIA_TYPE_AUDIO) }

    /// Seconds from the container start for a time stamp of a stream.
    func mediaTime(_ value: Int64, stream index: Int) -> Double? {
        Timebase.seconds(value, stream(index).pointee.time_base).map { $0 - startTime }
    }

    /// Reads the next packet without decoding it. The returned packet is reused by the next call;
    /// nil at the end of the file.
    public func readPacket() throws -> Packet? {
        packet.unref()
        let code = av_read_frame(context, packet.raw)
        if code == FFmpegCode.endOfFile { return nil }
        if code < 0 {
            if context.pointee.pb != nil, avio_feof(context.pointee.pb) != 0 { return nil }
            throw MediaError(file: path, operation: "reading packet", code: code)
        }
        if stitcher != nil { stitch(packet.raw, with: &stitcher!) }
        let index = Int(packet.raw.pointee.stream_index)
        let base = stream(index).pointee.time_base
        packet.describe(stream: index, timeBase: base, startTime: startTime)
        return packet
    }

    /// Calls `body` with every packet to the end of the file.
    public func forEachPacket(_ body: (Packet) throws -> Void) throws {
        while let packet = try readPacket() { try body(packet) }
    }

    /// Seeks so that the next packets start at the keyframe at or before `seconds` (container time).
    /// Decoders must be `reset()` afterwards.
    public func seek(to seconds: Double, stream index: Int? = nil) throws {
        let target = seconds + startTime
        if let timeline, timeline.hasJumps {
            return try seek(onto: timeline, to: target)
        }
        if let index {
            let ticks = Timebase.ticks(target, stream(index).pointee.time_base)
            try check(av_seek_frame(context, Int32(index), ticks, AVSEEK_FLAG_BACKWARD), path,
                      "seeking to \(String(format: "%.3f", seconds)) s")
        } else {
            let ticks = Int64(target * Double(AV_TIME_BASE))
            try check(av_seek_frame(context, -1, ticks, AVSEEK_FLAG_BACKWARD), path,
                      "seeking to \(String(format: "%.3f", seconds)) s")
        }
    }

    /// Seeks a file whose time stamps jump (they are not monotonic, so FFmpeg's time seek cannot be trusted):
    /// to the byte position of the last keyframe scanned at or before `target` (seconds, the file's clock), or
    /// to the first packet when there is none (or `target` is nil).
    private func seek(onto timeline: Timeline, to target: Double?) throws {
        let point = target.flatMap { Int64(exactly: ($0 * Double(AV_TIME_BASE)).rounded()) }
            .flatMap(timeline.syncPoint(atOrBefore:))
        try check(av_seek_frame(context, -1, point?.position ?? timeline.firstPosition ?? 0, AVSEEK_FLAG_BYTE), path,
                  "seeking to \(formatSeconds((target ?? startTime) - startTime))")
        stitcher?.restart(near: point?.time)
    }

    /// Goes back to the first packet. A file whose time stamps jump goes back by byte to its first packet, as
    /// does MPEG-TS (a time seek there is an estimate that can land late); containers with an index seek by
    /// time (a byte seek to 0 would land on their header).
    func rewind() throws {
        if let timeline, timeline.hasJumps { return try seek(onto: timeline, to: nil) }
        let estimatesTime = context.pointee.iformat.pointee.flags & AVFMT_TS_DISCONT != 0
        if estimatesTime, av_seek_frame(context, -1, 0, AVSEEK_FLAG_BYTE) >= 0 { return }
        try seek(to: 0)
    }
}
