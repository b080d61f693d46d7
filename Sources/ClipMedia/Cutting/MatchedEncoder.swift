import CFFmpeg

/// Encoders configured to produce a stream that can stand in for part of a source stream: same codec
/// family, profile, level, pixel format, size, aspect, colour description and time base.
enum MatchedEncoder {
    /// The libx264/libx265 encoder for a source codec, or nil when clipkit cannot match it (then
    /// the whole span is re-encoded to H.264).
    static func encoderName(for codec: AVCodecID) -> String? {
        switch codec {
        case AV_CODEC_ID_H264: return "libx264"
        case AV_CODEC_ID_HEVC: return "libx265"
        default: return nil
        }
    }

    /// Opens an encoder for frames of `stream`. `sequenceSetID` (H.264 only) numbers its SPS/PPS so they
    /// can sit beside the source's in one codec header, and turns B-frames off so its decode order ends
    /// before the copied packets begin. `quality` is the constant-rate factor.
    static func open(for stream: UnsafeMutablePointer<AVStream>, file: String, sequenceSetID: Int?, globalHeader: Bool,
                     quality: Int = 18, preset: String = "veryfast") throws -> EncoderContext {
        let parameters = stream.pointee.codecpar.pointee
        let name = encoderName(for: parameters.codec_id) ?? "libx264"
        var options = ["preset": preset, "crf": String(quality)]
        var paramsKey = "x264-params"
        var params: [String] = []
        switch name {
        case "libx265":
            paramsKey = "x265-params"
            params.append("log-level=error")
            if let profile = hevcProfile(parameters.profile) { options["profile"] = profile }
            if parameters.level > 0 { params.append("level-idc=\(Double(parameters.level) / 30)") }
        default:
            if parameters.codec_id == AV_CODEC_ID_H264, let profile = h264Profile(parameters.profile) { options["profile"] = profile }
            if let sequenceSetID { params += ["sps-id=\(sequenceSetID)", "bframes=0"] }
        }
        if !params.isEmpty { options[paramsKey] = params.joined(separator: ":") }
        let sourceFormat = AVPixelFormat(rawValue: parameters.format)
        let matchesSource = encoderName(for: parameters.codec_id) != nil
        return try EncoderContext(name: name, file: file, globalHeader: globalHeader, options: options) { context in
            context.pointee.width = parameters.width
            context.pointee.height = parameters.height
            context.pointee.pix_fmt = matchesSource && sourceFormat != AV_PIX_FMT_NONE ? sourceFormat : AV_PIX_FMT_YUV420P
            context.pointee.time_base = stream.pointee.time_base
            context.pointee.framerate = stream.pointee.avg_frame_rate.num > 0 ? stream.pointee.avg_frame_rate : stream.pointee.r_frame_rate
            context.pointee.sample_aspect_ratio = parameters.sample_aspect_ratio
            context.pointee.color_range = parameters.color_range
            context.pointee.color_primaries = parameters.color_primaries
            context.pointee.color_trc = parameters.color_trc
            context.pointee.colorspace = parameters.color_space
            context.pointee.chroma_sample_location = parameters.chroma_location
            if matchesSource && name == "libx264" && parameters.level > 0 { context.pointee.level = parameters.level }
            if parameters.bit_rate > 0 {
                context.pointee.rc_max_rate = parameters.bit_rate * 2
                context.pointee.rc_buffer_size = Int32(clamping: parameters.bit_rate * 2)
            }
            context.pointee.thread_count = 0
        }
    }

    /// libx264's name for an H.264 profile.
    static func h264Profile(_ profile: Int32) -> String? {
        switch profile & ~FF_PROFILE_H264_CONSTRAINED {
        case FF_PROFILE_H264_BASELINE: return "baseline"
        case FF_PROFILE_H264_MAIN: return "main"
        case FF_PROFILE_H264_HIGH: return "high"
        case FF_PROFILE_H264_HIGH_10: return "high10"
        case FF_PROFILE_H264_HIGH_422: return "high422"
        case FF_PROFILE_H264_HIGH_444_PREDICTIVE: return "high444"
        default: return nil
        }
    }

    /// libx265's name for an HEVC profile.
    static func hevcProfile(_ profile: Int32) -> String? {
        switch profile {
        case FF_PROFILE_HEVC_MAIN: return "main"
        case FF_PROFILE_HEVC_MAIN_10: return "main10"
        default: return nil
        }
    }
}
