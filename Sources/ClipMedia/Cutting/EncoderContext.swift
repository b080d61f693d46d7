import CFFmpeg

/// An open FFmpeg encoder (video or audio). Frames go in, packets come out; frees itself.
final class EncoderContext {
    let raw: UnsafeMutablePointer<AVCodecContext>
    let file: String
    private let packet: OwnedPacket
    private let kind: String

    /// Opens encoder `name` (e.g. "libx264", "aac") after `configure` has set its fields; `options` are
    /// its private options ("preset", "x264-params", …). Flags the global-header mode when asked.
    init(name: String, file: String, globalHeader: Bool, options: [String: String],
         configure: (UnsafeMutablePointer<AVCodecContext>) -> Void) throws {
        _ = quietFFmpegLog
        guard let codec = avcodec_find_encoder_by_name(name) else {
            throw MediaError(file: file, operation: "opening the encoder", message: "this FFmpeg has no '\(name)' encoder")
        }
        kind = codec.pointee.type == AVMEDIA_TYPE_VIDEO ? "video" : "audio"
        guard let context = avcodec_alloc_context3(codec) else {
            throw MediaError(file: file, operation: "opening the \(name) encoder", message: "out of memory")
        }
        raw = context
        self.file = file
        packet = try OwnedPacket(file: file)
        configure(context)
        if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        var dictionary: OpaquePointer?
        defer { av_dict_free(&dictionary) }
        for (key, value) in options.sorted(by: { $0.key < $1.key }) { av_dict_set(&dictionary, key, value, 0) }
        try check(avcodec_open2(context, codec, &dictionary), file, "opening the \(name) encoder")
    }

    deinit {
        var owned: UnsafeMutablePointer<AVCodecContext>? = raw
        avcodec_free_context(&owned)
    }

    /// The codec header the encoder made (SPS/PPS for H.264 in global-header mode), empty if none.
    var extradata: [UInt8] {
        guard let data = raw.pointee.extradata, raw.pointee.extradata_size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(raw.pointee.extradata_size)))
    }

    /// Sends a frame (nil: end of input) and hands every packet that comes out to `body`.
    func encode(_ frame: UnsafeMutablePointer<AVFrame>?, _ body: (OwnedPacket) throws -> Void) throws {
        try check(avcodec_send_frame(raw, frame), file, "encoding \(kind)")
        while true {
            let code = avcodec_receive_packet(raw, packet.raw)
            if code == FFmpegCode.tryAgain || code == FFmpegCode.endOfFile { return }
            try check(code, file, "encoding \(kind)")
            let out = try OwnedPacket(file: file)
            av_packet_move_ref(out.raw, packet.raw)
            try body(out)
        }
    }
}
