import CFFmpeg

/// Copy mode: stream copy from the keyframe at or before the in point to the out point.
struct CopyCut {
    let cutter: ClipCutter
    let span: CutSpan
    let output: String
    let progress: ((Double) -> Void)?
    var requestedMode = "copy"
    var notes: [String] = []

    func run() throws -> CutResult {
        let file = cutter.file
        let muxer = try OutputMuxer(path: output)
        var notes = notes
        var videoRoute: SpanCopier.Route?
        var audioRoute: SpanCopier.Route?
        var origin = span.start
        var keyframe: Int64 = 0
        if let v = file.videoStreamIndex {
            let neighbours = try file.keyframes(around: span.start, stream: v, tolerance: cutter.frameDuration(v) / 2, limit: span.start)
            keyframe = neighbours.before
            origin = file.mediaTime(keyframe, stream: v) ?? span.start
            videoRoute = .init(input: v, output: try muxer.addStream(copying: file.stream(v)))
            if origin > span.start + cutter.frameDuration(v) / 2 {
                notes.append("the recording's first keyframe is at \(formatSeconds(origin)), after the in point")
            }
        }
        if let a = file.audioStreamIndex {
            audioRoute = .init(input: a, output: try muxer.addStream(copying: file.stream(a)))
        }
        try muxer.writeHeader()
        let copier = SpanCopier(file: file, muxer: muxer, video: videoRoute, audio: audioRoute, videoOrigin: keyframe,
                                origin: origin, end: span.end, videoStart: videoRoute == nil ? nil : keyframe)
        if let v = videoRoute?.input {
            try file.seek(reaching: keyframe, stream: v)
        } else {
            try file.seek(to: max(0, origin - 1))
        }
        try copyPackets(file: file, copier: copier, origin: origin)
        try copier.requireOutput(span: span)
        try muxer.finish()
        progress?(1)
        return try CutResult.fromCopier(copier, cutter: cutter, span: span, output: output, mode: requestedMode, method: "copy",
                                        actualStart: origin, reencoded: 0, video: videoRoute, audio: audioRoute, notes: notes)
    }

    private func copyPackets(file: MediaFile, copier: SpanCopier, origin: Double) throws {
        var lastReport = origin
        while !copier.isDone, let packet = try file.readPacket() {
            try copier.accept(packet)
            if let progress, let time = packet.time, time - lastReport > 1 {
                lastReport = time
                progress(min(1, max(0, (time - origin) / max(0.001, span.end - origin))))
            }
        }
        copier.finish()
    }
}

extension CutResult {
    /// The result of a cut whose packets went through `copier`.
    static func fromCopier(_ copier: SpanCopier, cutter: ClipCutter, span: CutSpan, output: String, mode: String, method: String,
                           actualStart: Double, reencoded: Double, video: SpanCopier.Route?, audio: SpanCopier.Route?,
                           notes: [String]) throws -> CutResult {
        let file = cutter.file
        var notes = notes
        if span.requestedEnd > span.end { notes.append("the out point is past the end of the recording; the clip ends at \(formatSeconds(span.end))") }
        let videoDuration = video.flatMap { route in
            copier.videoEndTicks.flatMap { Timebase.seconds($0, file.stream(route.input).pointee.time_base) }
        }
        let audioBase = audio.map { file.stream($0.input).pointee.time_base }
        let audioStart = audioBase.flatMap { base in copier.audioFirstTicks.flatMap { Timebase.seconds($0, base) } } ?? 0
        let audioDuration = audioBase.flatMap { base in copier.audioEndTicks.flatMap { Timebase.seconds($0, base) } }
        return CutResult(output: output, requestedMode: mode, method: method, plannedStart: span.start, plannedEnd: span.end,
                         actualStart: actualStart, duration: videoDuration ?? audioDuration ?? 0, reencodedSeconds: reencoded,
                         video: video.map { cutter.videoFacts($0.input, frames: copier.videoFrames) },
                         audio: audio.map { cutter.audioFacts($0.input, packets: copier.audioPackets, start: audioStart) },
                         notes: notes)
    }
}
