import CFFmpeg

/// Decodes a video stream from a keyframe and re-encodes the frames from the in point on, either up to
/// the keyframe where stream copy takes over or to the end of the span. Creates the `SpanCopier` that
/// carries the rest once it knows the clip's first frame.
final class HeadEncoder {
    /// Where the re-encoding stops.
    enum Plan {
        /// Up to (not including) the frame with this pts; the copied part's pts − dts is `delay`.
        case untilKeyframe(Int64, delay: Int64)
        /// To the end of the span.
        case wholeSpan
    }

    private let cutter: ClipCutter
    private let span: CutSpan
    private let stream: Int
    private let encoder: EncoderContext
    private let plan: Plan
    /// NAL length size when packets must be rewritten from Annex B into the MP4 sample format.
    private let lengthSize: Int?
    private let startTicks: Int64
    private let stopTicks: Int64
    private var origin: Int64?
    private var lastPTS: Int64?
    private var copier: SpanCopier?
    private(set) var decodeProblems = 0

    init(cutter: ClipCutter, span: CutSpan, stream: Int, encoder: EncoderContext, plan: Plan, lengthSize: Int?) throws {
        self.cutter = cutter
        self.span = span
        self.stream = stream
        self.encoder = encoder
        self.plan = plan
        self.lengthSize = lengthSize
        let file = cutter.file
        let base = file.stream(stream).pointee.time_base
        let halfFrame = Timebase.ticks(cutter.frameDuration(stream) / 2, base)
        startTicks = Timebase.ticks(span.start + file.startTime, base) - halfFrame
        switch plan {
        case .untilKeyframe(let keyframe, _): stopTicks = keyframe
        case .wholeSpan: stopTicks = Timebase.ticks(span.end + file.startTime, base) - halfFrame + 1
        }
    }

    private var timeBase: AVRational { cutter.file.stream(stream).pointee.time_base }

    /// Container time of the clip's first frame.
    var originSeconds: Double { origin.flatMap { cutter.file.mediaTime($0, stream: stream) } ?? span.start }
    /// Seconds of video re-encoded.
    var encodedSeconds: Double {
        guard let origin, let lastPTS else { return 0 }
        return Timebase.seconds(lastPTS - origin, timeBase).map { $0 + cutter.frameDuration(stream) } ?? 0
    }
    /// Container time where re-encoding stopped.
    var stopSeconds: Double { cutter.file.mediaTime(stopTicks, stream: stream) ?? span.end }

    /// Decodes from `keyframe` (pts), encodes the head into `muxer`, and returns the copier for the rest.
    func run(from keyframe: Int64, muxer: OutputMuxer, videoOutput: Int, audio: SpanCopier.Route?,
             progress: ((Double) -> Void)?) throws -> SpanCopier {
        let file = cutter.file
        let decoder = try CodecContext(file: file, stream: stream, threads: 0) { _ in }
        try file.seek(reaching: keyframe, stream: stream, margin: 0)
        var reachedStop = false
        let handle = { [self] in
            let frame = decoder.frame
            let pts = frame.pointee.best_effort_timestamp
            guard pts != FFmpegCode.noPTS, pts >= startTicks else { return }
            if pts >= stopTicks { reachedStop = true; return }
            if origin == nil {
                origin = pts
                copier = SpanCopier(file: file, muxer: muxer, video: .init(input: stream, output: videoOutput), audio: audio,
                                    videoOrigin: pts, origin: originSeconds, end: span.end,
                                    videoStart: { if case .untilKeyframe(let k, _) = plan { return k } else { return nil } }(),
                                    copiesVideo: { if case .untilKeyframe = plan { return true } else { return false } }())
            }
            lastPTS = pts
            frame.pointee.pts = pts
            frame.pointee.pict_type = AV_PICTURE_TYPE_NONE
            try encoder.encode(frame) { try write($0) }
            if let progress, let time = file.mediaTime(pts, stream: stream) {
                progress(min(0.99, max(0, (time - span.start) / max(0.001, span.end - span.start))))
            }
        }
        var started = false
        while !reachedStop, let packet = try file.readPacket() {
            guard packet.streamIndex == stream else { continue }
            // Start decoding at a keyframe at or before the planned one, never mid-GOP.
            if !started {
                let raw = packet.raw.pointee
                guard packet.isKeyframe, (raw.pts != FFmpegCode.noPTS ? raw.pts : raw.dts) <= keyframe else { continue }
                started = true
            }
            try decoder.decode(packet, handle)
        }
        if !reachedStop { try decoder.decode(nil, handle) }
        decodeProblems = decoder.problemCount
        try encoder.encode(nil) { try write($0) }
        guard let copier else {
            throw MediaError(file: file.path, operation: "cutting \(formatSeconds(span.start))–\(formatSeconds(span.end))",
                             message: "no video frame decodes in this span")
        }
        return copier
    }

    /// Shifts an encoded packet to the clip's time line, puts it in the output's format and writes it.
    private func write(_ packet: OwnedPacket) throws {
        guard let origin, let copier else { return }
        let raw = packet.raw
        raw.pointee.pts -= origin
        if raw.pointee.duration <= 0 { raw.pointee.duration = Timebase.ticks(cutter.frameDuration(stream), timeBase) }
        switch plan {
        case .untilKeyframe(_, let delay):
            // No B-frames in the head: decode order is display order; shift dts by the copied part's delay
            // so decode times rise across the join.
            raw.pointee.dts = raw.pointee.pts - delay
        case .wholeSpan:
            raw.pointee.dts -= origin
        }
        if let lengthSize {
            let units = H264ParameterSets.annexBUnits(packet.bytes).filter {
                ![H264ParameterSets.sps, H264ParameterSets.pps, H264ParameterSets.accessUnitDelimiter].contains(H264ParameterSets.type($0))
            }
            try packet.replacePayload(H264ParameterSets.lengthPrefixed(units, lengthSize: lengthSize), file: cutter.file.path)
        }
        try copier.writeEncodedVideo(packet)
    }
}
