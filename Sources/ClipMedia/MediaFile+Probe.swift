import CFFmpeg
import Foundation

extension MediaFile {
    /// Container and stream facts, with keyframe interval, frame-rate variability and (for short files)
    /// frame count measured from the packets of the first `scanSeconds` — demuxing only, no decoding.
    /// Leaves the read position at the start of the file.
    public func probe(scanSeconds: Double = 120) throws -> MediaInfo {
        let scan = try scanVideoPackets(upTo: scanSeconds)
        try seek(to: 0)
        let format = context.pointee
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return MediaInfo(
            path: path,
            container: String(cString: format.iformat.pointee.name),
            containerLongName: format.iformat.pointee.long_name.map { String(cString: $0) },
            duration: duration,
            startTime: startTime,
            bitRate: format.bit_rate > 0 ? Int(format.bit_rate) : nil,
            creationTime: tag("creation_time", in: format.metadata),
            size: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
            streams: (0..<streamCount).map { streamInfo($0, scan: scan[$0]) }
        )
    }

    private func streamInfo(_ index: Int, scan: PacketScan?) -> StreamInfo {
        let stream = stream(index).pointee
        let parameters = stream.codecpar.pointee
        let profile = avcodec_profile_name(parameters.codec_id, parameters.profile).map { String(cString: $0) }
        let descriptor = avcodec_descriptor_get(parameters.codec_id)
        var info = StreamInfo(
            index: index,
            kind: av_get_media_type_string(parameters.codec_type).map { String(cString: $0) } ?? "unknown",
            codec: String(cString: avcodec_get_name(parameters.codec_id)),
            codecLongName: descriptor?.pointee.long_name.map { String(cString: $0) },
            profile: profile,
            bitRate: parameters.bit_rate > 0 ? Int(parameters.bit_rate) : nil,
            startTime: mediaTime(stream.start_time, stream: index),
            duration: stitchedDuration(stream: index) ?? Timebase.seconds(stream.duration, stream.time_base),
            timeBase: Timebase.text(stream.time_base)
        )
        if parameters.codec_type == AVMEDIA_TYPE_VIDEO {
            info.video = videoInfo(index, scan: scan)
        } else if parameters.codec_type == AVMEDIA_TYPE_AUDIO {
            info.audio = audioInfo(parameters)
        }
        return info
    }

    private func videoInfo(_ index: Int, scan: PacketScan?) -> VideoStreamInfo {
        let stream = self.stream(index)
        let parameters = stream.pointee.codecpar.pointee
        var sampleAspect = av_guess_sample_aspect_ratio(context, stream, nil)
        if sampleAspect.num <= 0 || sampleAspect.den <= 0 { sampleAspect = AVRational(num: 1, den: 1) }
        var displayAspect = AVRational()
        av_reduce(&displayAspect.num, &displayAspect.den,
                  Int64(parameters.width) * Int64(sampleAspect.num), Int64(parameters.height) * Int64(sampleAspect.den), 1 << 20)
        let rotation = clip_stream_rotation(stream)
        let squareWidth = Int((Double(parameters.width) * Double(sampleAspect.num) / Double(sampleAspect.den)).rounded())
        let quarterTurn = Int(abs(rotation).rounded()) % 180 == 90
        let headerCount = stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil
        return VideoStreamInfo(
            width: Int(parameters.width),
            height: Int(parameters.height),
            displayWidth: quarterTurn ? Int(parameters.height) : squareWidth,
            displayHeight: quarterTurn ? squareWidth : Int(parameters.height),
            sampleAspectRatio: "\(sampleAspect.num):\(sampleAspect.den)",
            displayAspectRatio: "\(displayAspect.num):\(displayAspect.den)",
            rotation: rotation == 0 ? 0 : rotation,
            pixelFormat: av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)).map { String(cString: $0) },
            averageFrameRate: Timebase.value(stream.pointee.avg_frame_rate),
            realFrameRate: Timebase.value(stream.pointee.r_frame_rate),
            variableFrameRate: scan?.isVariableFrameRate(tick: Timebase.value(stream.pointee.time_base) ?? 0) ?? false,
            frameCount: headerCount ?? (scan?.reachedEnd == true ? scan?.times.count : nil),
            keyframeInterval: scan?.keyframeInterval
        )
    }

    private func audioInfo(_ parameters: AVCodecParameters) -> AudioStreamInfo {
        var layout = parameters.ch_layout
        var buffer = [CChar](repeating: 0, count: 64)
        let described = av_channel_layout_describe(&layout, &buffer, buffer.count) > 0
        return AudioStreamInfo(
            sampleRate: Int(parameters.sample_rate),
            channels: Int(parameters.ch_layout.nb_channels),
            channelLayout: described ? String(cString: buffer) : nil,
            sampleFormat: av_get_sample_fmt_name(AVSampleFormat(rawValue: parameters.format)).map { String(cString: $0) }
        )
    }

    private func tag(_ key: String, in dictionary: OpaquePointer?) -> String? {
        guard let entry = av_dict_get(dictionary, key, nil, 0) else { return nil }
        return String(cString: entry.pointee.value)
    }

    /// Reads packets from the start for up to `seconds` of media and keeps the video packets' times.
    private func scanVideoPackets(upTo seconds: Double) throws -> [Int: PacketScan] {
        var scans: [Int: PacketScan] = [:]
        for index in 0..<streamCount where stream(index).pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_VIDEO {
            scans[index] = PacketScan()
        }
        guard !scans.isEmpty else { return scans }
        var reachedEnd = true
        while let packet = try readPacket() {
            guard scans[packet.streamIndex] != nil, let time = packet.time else { continue }
            if time > seconds { reachedEnd = false; break }
            scans[packet.streamIndex]!.add(time: time, keyframe: packet.isKeyframe)
        }
        for index in scans.keys { scans[index]!.reachedEnd = reachedEnd }
        return scans
    }
}

/// Video packet times seen in a scan: enough to estimate keyframe spacing and frame-rate variability.
struct PacketScan {
    var times: [Double] = []
    var keyframes: [Double] = []
    var reachedEnd = false

    mutating func add(time: Double, keyframe: Bool) {
        times.append(time)
        if keyframe { keyframes.append(time) }
    }

    var keyframeInterval: Double? {
        let sorted = keyframes.sorted()
        guard sorted.count >= 2 else { return nil }
        return (sorted.last! - sorted.first!) / Double(sorted.count - 1)
    }

    /// True when some frame duration differs from the median by more than a quarter (and by more than
    /// rounding to the time base could explain).
    func isVariableFrameRate(tick: Double) -> Bool {
        let sorted = times.sorted()
        guard sorted.count >= 3 else { return false }
        let deltas = zip(sorted.dropFirst(), sorted).map { $0 - $1 }.filter { $0 > 0 }
        guard !deltas.isEmpty else { return false }
        let median = deltas.sorted()[deltas.count / 2]
        let tolerance = max(0.25 * median, 1.5 * tick)
        return deltas.contains { abs($0 - median) > tolerance }
    }
}
