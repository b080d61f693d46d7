import CFFmpeg

extension MediaFile {
    /// Whether the container's time stamps may jump mid-file (stream reconnects): FFmpeg flags MPEG-TS and
    /// live FLV with AVFMT_TS_DISCONT; plain FLV recordings of live streams jump just the same.
    var timestampsMayJump: Bool {
        let format = context.pointee.iformat.pointee
        return format.flags & AVFMT_TS_DISCONT != 0 || String(cString: format.name) == "flv"
    }

    /// Reads every packet once, without decoding, to find the time stamp jumps, each stream's end and the
    /// main stream's keyframes. Stops quietly at a read error (reading will meet it again).
    func scanTimeline() -> Timeline {
        var timeline = Timeline()
        let main = videoStreamIndex ?? audioStreamIndex
        var stitcher = TimestampStitcher(discovers: true, mainStream: main)
        let raw = packet.raw
        while av_read_frame(context, raw) >= 0 {
            defer { av_packet_unref(raw) }
            let index = Int(raw.pointee.stream_index)
            guard let time = clockTime(raw.pointee, stream: index) else { continue }
            let offset = stitcher.offset(stream: index, time: time, duration: clockDuration(raw.pointee, stream: index),
                                         mayJump: isAudioOrVideo(index))
            let start = time &+ offset
            let shown = raw.pointee.pts != FFmpegCode.noPTS
                ? av_rescale_q(raw.pointee.pts, stream(index).pointee.time_base, clip_time_base_q()) &+ offset : start
            timeline.ends[index] = max(timeline.ends[index] ?? .min, max(start, shown) &+ clockDuration(raw.pointee, stream: index))
            if raw.pointee.pos >= 0 {
                timeline.firstPosition = timeline.firstPosition ?? raw.pointee.pos
                let isKeyframe = raw.pointee.flags & AV_PKT_FLAG_KEY != 0
                let spaced = timeline.syncPoints.last.map { start &- $0.time >= 500_000 } ?? true
                if index == main, isKeyframe, videoStreamIndex != nil || spaced {
                    timeline.syncPoints.append(.init(time: start, position: raw.pointee.pos))
                }
            }
        }
        timeline.offsets = stitcher.offsets
        return timeline
    }

    /// Shifts the packet just read onto the continuous timeline.
    func stitch(_ raw: UnsafeMutablePointer<AVPacket>, with stitcher: inout TimestampStitcher) {
        let index = Int(raw.pointee.stream_index)
        guard let time = clockTime(raw.pointee, stream: index) else { return }
        let offset = stitcher.offset(stream: index, time: time, duration: clockDuration(raw.pointee, stream: index),
                                     mayJump: isAudioOrVideo(index))
        guard offset != 0 else { return }
        let ticks = av_rescale_q(offset, clip_time_base_q(), stream(index).pointee.time_base)
        if raw.pointee.pts != FFmpegCode.noPTS { raw.pointee.pts &+= ticks }
        if raw.pointee.dts != FFmpegCode.noPTS { raw.pointee.dts &+= ticks }
    }

    /// Seconds of a stream on the continuous timeline (from its first time stamp to its last packet's end),
    /// when the time stamps jump; nil otherwise.
    func stitchedDuration(stream index: Int) -> Double? {
        guard let timeline, timeline.hasJumps, let end = timeline.ends[index] else { return nil }
        let first = stream(index).pointee.start_time
        let start = first != FFmpegCode.noPTS ? av_rescale_q(first, stream(index).pointee.time_base, clip_time_base_q()) : context.pointee.start_time
        return Double(end &- start) / Double(AV_TIME_BASE)
    }

    /// The decoding time stamp (else presentation) in microseconds of the file's clock.
    private func clockTime(_ packet: AVPacket, stream index: Int) -> Int64? {
        let value = packet.dts != FFmpegCode.noPTS ? packet.dts : packet.pts
        guard value != FFmpegCode.noPTS else { return nil }
        return av_rescale_q(value, stream(index).pointee.time_base, clip_time_base_q())
    }

    private func clockDuration(_ packet: AVPacket, stream index: Int) -> Int64 {
        max(0, av_rescale_q(packet.duration, stream(index).pointee.time_base, clip_time_base_q()))
    }

    private func isAudioOrVideo(_ index: Int) -> Bool {
        let type = stream(index).pointee.codecpar.pointee.codec_type
        return type == AVMEDIA_TYPE_AUDIO || type == AVMEDIA_TYPE_VIDEO
    }
}
