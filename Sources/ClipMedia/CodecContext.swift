import CFFmpeg

/// A problem a decoder hit and skipped (a corrupt packet, a broken frame): reported, not fatal.
public struct DecodeProblem: Sendable, CustomStringConvertible {
    /// Where in the file, in seconds from the container start, when known.
    public let time: Double?
    /// FFmpeg's message.
    public let message: String
    public var description: String {
        guard let time else { return message }
        return "at \(formatSeconds(time)): \(message)"
    }
}

/// An open FFmpeg decoder for one stream, with the frame it decodes into. Frees both.
final class CodecContext {
    let raw: UnsafeMutablePointer<AVCodecContext>
    let frame: UnsafeMutablePointer<AVFrame>
    let file: String
    let streamIndex: Int
    let timeBase: AVRational
    let startTime: Double
    private let kind: String
    /// Problems skipped so far; only the first few are kept, `problemCount` counts them all.
    private(set) var problems: [DecodeProblem] = []
    private(set) var problemCount = 0

    init(file: MediaFile, stream index: Int, threads: Int, configure: (UnsafeMutablePointer<AVCodecContext>) -> Void) throws {
        let stream = file.stream(index)
        let parameters = stream.pointee.codecpar!
        kind = parameters.pointee.codec_type == AVMEDIA_TYPE_VIDEO ? "video" : "audio"
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            let name = String(cString: avcodec_get_name(parameters.pointee.codec_id))
            throw MediaError(file: file.path, operation: "opening the \(kind) decoder", message: "no decoder for codec '\(name)' in this FFmpeg")
        }
        guard let context = avcodec_alloc_context3(codec), let frame = av_frame_alloc() else {
            throw MediaError(file: file.path, operation: "opening the \(kind) decoder", message: "out of memory")
        }
        raw = context
        self.frame = frame
        self.file = file.path
        streamIndex = index
        timeBase = stream.pointee.time_base
        startTime = file.startTime
        try check(avcodec_parameters_to_context(context, parameters), file.path, "configuring the \(kind) decoder")
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = Int32(threads)
        context.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
        configure(context)
        try check(avcodec_open2(context, codec, nil), file.path, "opening the \(kind) decoder")
    }

    deinit {
        var ownedFrame: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&ownedFrame)
        var ownedContext: UnsafeMutablePointer<AVCodecContext>? = raw
        avcodec_free_context(&ownedContext)
    }

    /// Seconds from the container start of the decoded frame, when it carries a time stamp.
    var frameTime: Double? {
        Timebase.seconds(frame.pointee.best_effort_timestamp, timeBase).map { $0 - startTime }
    }

    /// Sends one packet (nil drains the decoder) and calls `body` for every frame that comes out.
    /// Corrupt data is recorded in `problems` and skipped.
    func decode(_ packet: Packet?, _ body: () throws -> Void) throws {
        var sent = false
        while !sent {
            let code = avcodec_send_packet(raw, packet?.raw)
            if code == FFmpegCode.tryAgain {
                try receiveAll(body)
                continue
            }
            sent = true
            if code == FFmpegCode.endOfFile { return }
            if code < 0 {
                record(code, at: packet?.time)
                return
            }
        }
        try receiveAll(body)
    }

    private func receiveAll(_ body: () throws -> Void) throws {
        while true {
            let code = avcodec_receive_frame(raw, frame)
            if code == FFmpegCode.tryAgain || code == FFmpegCode.endOfFile { return }
            if code < 0 {
                record(code, at: nil)
                return
            }
            if frame.pointee.decode_error_flags != 0 || frame.pointee.flags & AV_FRAME_FLAG_CORRUPT != 0 {
                problemCount += 1
                if problems.count < 20 { problems.append(DecodeProblem(time: frameTime, message: "frame decoded with errors")) }
            }
            defer { av_frame_unref(frame) }
            try body()
        }
    }

    private func record(_ code: Int32, at time: Double?) {
        problemCount += 1
        if problems.count < 20 { problems.append(DecodeProblem(time: time, message: MediaError.text(for: code))) }
    }

    /// Forgets buffered frames, after a seek or a drain.
    func reset() { avcodec_flush_buffers(raw) }
}
