import CFFmpeg

/// Encode mode: the span fully re-encoded to a delivery spec — H.264 High (libx264, yuv420p) at the
/// target size, fit and frame rate, AAC with the caller's gain and a peak ceiling — in one demux pass.
struct EncodeCut {
    let cutter: ClipCutter
    let span: CutSpan
    let settings: EncodeSettings
    let output: String
    let progress: ((Double) -> Void)?

    func run() throws -> CutResult {
        let file = cutter.file
        try validate()
        guard let v = file.videoStreamIndex else {
            throw MediaError(file: file.path, operation: "encoding \(formatSeconds(span.start))–\(formatSeconds(span.end))", message: "the file has no video stream")
        }
        let stream = file.stream(v)
        let width = FitGeometry.evenFloor(Double(settings.width))
        let height = FitGeometry.evenFloor(Double(settings.height))
        let rate = av_d2q(settings.frameRate, 1_001_000)
        let duration = span.end - span.start
        let frameCount = max(1, Int((duration * settings.frameRate).rounded()))
        let clipSeconds = Double(frameCount) / settings.frameRate

        let muxer = try OutputMuxer(path: output)
        let videoEncoder = try openVideoEncoder(width: width, height: height, rate: rate, source: stream, globalHeader: muxer.wantsGlobalHeader)
        let videoOutput = try muxer.addStream(encoder: videoEncoder.raw)
        var audio: (input: Int, output: Int, track: AudioTrackEncoder, decoder: AudioDecoder)?
        if let a = file.audioStreamIndex {
            let channels = Int(file.stream(a).pointee.codecpar.pointee.ch_layout.nb_channels)
            let track = try AudioTrackEncoder(settings: settings, channels: channels, origin: span.start, file: output,
                                              globalHeader: muxer.wantsGlobalHeader)
            track.totalSamples = Int((clipSeconds * Double(settings.audioSampleRate)).rounded())
            let decoder = try AudioDecoder(file: file, stream: a, options: AudioDecodeOptions(sampleRate: settings.audioSampleRate, channels: channels))
            audio = (a, try muxer.addStream(encoder: track.encoder.raw), track, decoder)
        }
        try muxer.writeHeader()

        var sar = av_guess_sample_aspect_ratio(file.context, stream, nil)
        if sar.num <= 0 || sar.den <= 0 { sar = AVRational(num: 1, den: 1) }
        let parameters = stream.pointee.codecpar.pointee
        let fitter = FrameFitter(sourceWidth: Int(parameters.width), sourceHeight: Int(parameters.height),
                                 pixelAspect: Double(sar.num) / Double(sar.den), rotation: clip_stream_rotation(stream),
                                 width: width, height: height, fit: settings.fit, file: file.path)
        let base = stream.pointee.time_base
        let halfFrame = cutter.frameDuration(v) / 2
        let neighbours = try file.keyframes(around: span.start, stream: v, tolerance: halfFrame, limit: span.start)
        try file.seek(reaching: neighbours.before, stream: v)
        let decoder = try CodecContext(file: file, stream: v, threads: 0) { _ in }

        var picker = FrameRatePicker(rate: settings.frameRate)
        var held: OwnedFrame?
        var heldPicture: PlanarPicture?
        var videoDone = false
        var audioDone = audio == nil
        var videoPackets = 0
        var audioPackets = 0
        let writeVideo = { (packet: OwnedPacket) in
            try muxer.write(packet.raw, stream: videoOutput)
            videoPackets += 1
        }
        let writeAudio = { (packet: OwnedPacket) in
            try muxer.write(packet.raw, stream: audio!.output)
            audioPackets += 1
        }
        func emit(_ count: Int, from frame: UnsafeMutablePointer<AVFrame>) throws {
            guard count > 0 else { return }
            if heldPicture == nil { heldPicture = try fitter.fitted(frame) }
            for k in 0..<count where picker.emitted - count + k < frameCount {
                let out = try OwnedFrame(file: output)
                try fitter.fill(out.raw, with: heldPicture!)
                out.raw.pointee.pts = Int64(picker.emitted - count + k)
                try videoEncoder.encode(out.raw, writeVideo)
            }
        }
        var started = false
        let onFrame = {
            let frame = decoder.frame
            guard let time = Timebase.seconds(frame.pointee.best_effort_timestamp, base).map({ $0 - file.startTime }),
                  time >= span.start - halfFrame else { return }
            if time >= span.end - halfFrame { videoDone = true; return }
            let count = picker.frames(before: time - span.start)
            if count > 0 {
                try emit(count, from: held?.raw ?? frame)
            }
            held = try OwnedFrame(cloning: frame, file: file.path)
            heldPicture = nil
            progress?(min(0.99, (time - span.start) / max(0.001, duration)))
        }
        while !(videoDone && audioDone), let packet = try file.readPacket() {
            if packet.streamIndex == v, !videoDone {
                if !started {
                    guard packet.isKeyframe, (packet.time ?? .infinity) <= (file.mediaTime(neighbours.before, stream: v) ?? 0) + 1e-6 else { continue }
                    started = true
                }
                try decoder.decode(packet, onFrame)
            } else if let audio, packet.streamIndex == audio.input, !audioDone {
                if let time = packet.time, time > span.end + 1 { audioDone = true; continue }
                try audio.decoder.decode(packet) { try audio.track.add($0, writeAudio) }
            }
        }
        if !videoDone { try decoder.decode(nil, onFrame) }
        guard let last = held else {
            throw MediaError(file: file.path, operation: "encoding \(formatSeconds(span.start))–\(formatSeconds(span.end))", message: "no video frame decodes in this span")
        }
        try emit(picker.frames(before: clipSeconds), from: last.raw)
        try videoEncoder.encode(nil, writeVideo)
        if let audio {
            if !audioDone { try audio.decoder.flush { try audio.track.add($0, writeAudio) } }
            try audio.track.finish(writeAudio)
        }
        try muxer.finish()
        progress?(1)

        var notes: [String] = []
        if span.requestedEnd > span.end { notes.append("the out point is past the end of the recording; the clip ends at \(formatSeconds(span.end))") }
        if decoder.problemCount > 0 { notes.append("\(decoder.problemCount) decoding problem(s) in the source span") }
        if audio == nil { notes.append("the source has no audio stream") }
        return CutResult(output: output, requestedMode: "encode", method: "encode", plannedStart: span.start, plannedEnd: span.end,
                         actualStart: span.start, duration: clipSeconds, reencodedSeconds: clipSeconds,
                         video: VideoFacts(codec: "h264", width: width, height: height, pixelFormat: "yuv420p",
                                           frameRate: settings.frameRate, frames: frameCount, rotation: 0),
                         audio: audio.map { AudioFacts(codec: "aac", sampleRate: settings.audioSampleRate,
                                                       channels: Int($0.track.encoder.raw.pointee.ch_layout.nb_channels), packets: audioPackets, start: 0) },
                         notes: notes)
    }

    private func validate() throws {
        let problem: String?
        if settings.width < 16 || settings.height < 16 || settings.width > 8192 || settings.height > 8192 {
            problem = "output size \(settings.width)x\(settings.height) is outside 16…8192 pixels"
        } else if !(settings.frameRate > 0 && settings.frameRate <= 240) {
            problem = "frame rate \(settings.frameRate) is outside 0…240"
        } else if settings.videoBitRate < 10_000 || settings.audioBitRate < 8_000 {
            problem = "bit rates must be at least 10 kb/s (video) and 8 kb/s (audio)"
        } else if ![8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000].contains(settings.audioSampleRate) {
            problem = "AAC cannot use a sample rate of \(settings.audioSampleRate) Hz"
        } else if !settings.audioGainDB.isFinite || !(settings.peakCeilingDB <= 0) {
            problem = "the audio gain must be a number and the peak ceiling at most 0 dBFS"
        } else {
            problem = nil
        }
        if let problem { throw MediaError(file: output, operation: "checking the encode settings", message: problem) }
    }

    private func openVideoEncoder(width: Int, height: Int, rate: AVRational, source: UnsafeMutablePointer<AVStream>,
                                  globalHeader: Bool) throws -> EncoderContext {
        let parameters = source.pointee.codecpar.pointee
        let bitRate = Int64(settings.videoBitRate)
        let gop = max(1, Int32((settings.frameRate * 2).rounded()))
        return try EncoderContext(name: "libx264", file: output, globalHeader: globalHeader,
                                  options: ["preset": settings.preset, "profile": "high"]) { context in
            context.pointee.width = Int32(width)
            context.pointee.height = Int32(height)
            context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
            context.pointee.time_base = AVRational(num: rate.den, den: rate.num)
            context.pointee.framerate = rate
            context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
            context.pointee.gop_size = gop
            context.pointee.bit_rate = bitRate
            context.pointee.rc_max_rate = bitRate * 3 / 2
            context.pointee.rc_buffer_size = Int32(clamping: bitRate * 2)
            context.pointee.color_range = AVCOL_RANGE_MPEG
            context.pointee.color_primaries = parameters.color_primaries
            context.pointee.color_trc = parameters.color_trc
            context.pointee.colorspace = parameters.color_space
            context.pointee.thread_count = 0
        }
    }
}
