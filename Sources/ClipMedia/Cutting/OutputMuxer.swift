import CFFmpeg
import Foundation

/// An output media file being written: the container is chosen from the final name's extension
/// (.mp4 when there is none), packets go to a temporary name in the same folder, and `finish()`
/// renames it into place. Released unfinished, it deletes the temporary file: no half clip is left
/// under the final name. MP4/MOV get "faststart" (the index at the front, for web players).
final class OutputMuxer {
    let finalPath: String
    let temporaryPath: String
    let context: UnsafeMutablePointer<AVFormatContext>
    private var finished = false
    /// Time base each output stream's packets arrive in (the muxer may pick another for the file).
    private var inputTimeBases: [AVRational] = []

    init(path: String) throws {
        _ = quietFFmpegLog
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.isEmpty ? "mp4" : url.pathExtension.lowercased()
        guard let format = av_guess_format(nil, "clip.\(ext)", nil) else {
            throw MediaError(file: path, operation: "choosing the output container", message: "unknown extension '.\(ext)' (use .mp4, .mov, .mkv or .ts)")
        }
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MediaError(file: path, operation: "creating the output", message: "folder \(folder) does not exist")
        }
        finalPath = path
        temporaryPath = PartialFile.path(for: path, keepsExtension: true)
        var allocated: UnsafeMutablePointer<AVFormatContext>?
        try check(avformat_alloc_output_context2(&allocated, format, nil, temporaryPath), path, "creating the output")
        context = allocated!
    }

    deinit {
        if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
        avformat_free_context(context)
        if !finished { unlink(temporaryPath) }
    }

    /// The container's short name ("mp4", "mov", "matroska", "mpegts").
    var formatName: String { String(cString: context.pointee.oformat.pointee.name) }

    /// Whether the container wants codec headers out of band (MP4, MKV) rather than in the stream (TS).
    var wantsGlobalHeader: Bool { context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 }

    /// Adds a stream that carries the packets of `source` unchanged. Returns its index.
    func addStream(copying source: UnsafeMutablePointer<AVStream>) throws -> Int {
        guard let stream = avformat_new_stream(context, nil) else {
            throw MediaError(file: finalPath, operation: "adding a stream", message: "out of memory")
        }
        try check(avcodec_parameters_copy(stream.pointee.codecpar, source.pointee.codecpar), finalPath, "copying stream parameters")
        // Keep the source's codec tag (e.g. HEVC "hvc1", which Apple players need) when the container knows it.
        let parameters = stream.pointee.codecpar.pointee
        stream.pointee.codecpar.pointee.codec_tag = accepts(tag: parameters.codec_tag, for: parameters.codec_id) ? parameters.codec_tag : 0
        stream.pointee.time_base = source.pointee.time_base
        stream.pointee.sample_aspect_ratio = source.pointee.sample_aspect_ratio
        stream.pointee.avg_frame_rate = source.pointee.avg_frame_rate
        stream.pointee.r_frame_rate = source.pointee.r_frame_rate
        try copySideData(from: source, to: stream)
        copyTag("language", from: source.pointee.metadata, to: &stream.pointee.metadata)
        inputTimeBases.append(source.pointee.time_base)
        return Int(stream.pointee.index)
    }

    /// Adds a stream for the packets of an opened encoder. Returns its index.
    func addStream(encoder: UnsafeMutablePointer<AVCodecContext>, rotationSource: UnsafeMutablePointer<AVStream>? = nil) throws -> Int {
        guard let stream = avformat_new_stream(context, nil) else {
            throw MediaError(file: finalPath, operation: "adding a stream", message: "out of memory")
        }
        try check(avcodec_parameters_from_context(stream.pointee.codecpar, encoder), finalPath, "setting stream parameters")
        let hvc1 = UInt32(UInt8(ascii: "h")) | UInt32(UInt8(ascii: "v")) << 8 | UInt32(UInt8(ascii: "c")) << 16 | UInt32(UInt8(ascii: "1")) << 24
        if encoder.pointee.codec_id == AV_CODEC_ID_HEVC && accepts(tag: hvc1, for: AV_CODEC_ID_HEVC) {
            stream.pointee.codecpar.pointee.codec_tag = hvc1
        }
        stream.pointee.time_base = encoder.pointee.time_base
        stream.pointee.sample_aspect_ratio = encoder.pointee.sample_aspect_ratio
        stream.pointee.avg_frame_rate = encoder.pointee.framerate
        if let rotationSource { try copySideData(from: rotationSource, to: stream) }
        inputTimeBases.append(encoder.pointee.time_base)
        return Int(stream.pointee.index)
    }

    /// Whether the container's tag table maps `tag` to `codec`.
    private func accepts(tag: UInt32, for codec: AVCodecID) -> Bool {
        guard tag != 0, let tables = context.pointee.oformat.pointee.codec_tag else { return false }
        return av_codec_get_id(tables, tag) == codec
    }

    /// The codec parameters of an output stream, to adjust before `writeHeader()`.
    func parameters(_ index: Int) -> UnsafeMutablePointer<AVCodecParameters> {
        context.pointee.streams[index]!.pointee.codecpar
    }

    private func copySideData(from source: UnsafeMutablePointer<AVStream>, to stream: UnsafeMutablePointer<AVStream>) throws {
        for i in 0..<Int(source.pointee.nb_side_data) {
            let item = source.pointee.side_data[i]
            guard item.type == AV_PKT_DATA_DISPLAYMATRIX, let data = av_stream_new_side_data(stream, item.type, item.size) else { continue }
            data.update(from: item.data, count: item.size)
        }
    }

    private func copyTag(_ key: String, from source: OpaquePointer?, to target: inout OpaquePointer?) {
        guard let entry = av_dict_get(source, key, nil, 0) else { return }
        av_dict_set(&target, key, entry.pointee.value, 0)
    }

    /// Opens the temporary file and writes the container header.
    func writeHeader() throws {
        if context.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            try check(avio_open(&context.pointee.pb, temporaryPath, AVIO_FLAG_WRITE), finalPath, "creating \(temporaryPath)")
        }
        var options: OpaquePointer?
        defer { av_dict_free(&options) }
        if ["mp4", "mov"].contains(formatName) { av_dict_set(&options, "movflags", "+faststart", 0) }
        try check(avformat_write_header(context, &options), finalPath, "writing the container header")
    }

    /// Writes one packet of output stream `index`, its time stamps in the time base the stream was added with.
    /// The packet is consumed (left blank).
    func write(_ packet: UnsafeMutablePointer<AVPacket>, stream index: Int) throws {
        packet.pointee.stream_index = Int32(index)
        av_packet_rescale_ts(packet, inputTimeBases[index], context.pointee.streams[index]!.pointee.time_base)
        packet.pointee.pos = -1
        try check(av_interleaved_write_frame(context, packet), finalPath, "writing a packet")
    }

    /// Writes the trailer, closes the file and renames it to the final name.
    func finish() throws {
        try check(av_interleaved_write_frame(context, nil), finalPath, "flushing the output")
        try check(av_write_trailer(context), finalPath, "finishing the container")
        finished = true
        if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
        if rename(temporaryPath, finalPath) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw MediaError(file: finalPath, operation: "moving the finished clip into place", message: message)
        }
    }
}
