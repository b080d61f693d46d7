import CFFmpeg

/// Exact mode: a frame-accurate cut. Decodes from the keyframe before the in point, re-encodes the
/// frames from the in point up to the next keyframe with an encoder matched to the source, and
/// stream-copies from that keyframe on ("smart cut"). H.264 joins by giving the re-encoded head its own
/// SPS/PPS ids, listed beside the source's in the codec header (or sent in band for Annex B sources).
/// Other codecs, and spans with no keyframe inside, are re-encoded whole — the result says so.
struct SmartCut {
    let cutter: ClipCutter
    let span: CutSpan
    let output: String
    let progress: ((Double) -> Void)?

    /// How the head joins the copied rest.
    fileprivate enum Plan {
        /// Re-encode `[start, keyframe)`, copy from `keyframe`; `delay` = its pts − dts.
        case smart(keyframe: Int64, delay: Int64, sequenceSetID: Int, record: H264ParameterSets.AVCC?)
        /// Re-encode the whole span, for `reason`.
        case whole(reason: String)
    }

    func run() throws -> CutResult {
        let file = cutter.file
        guard let v = file.videoStreamIndex else {
            return try CopyCut(cutter: cutter, span: span, output: output, progress: progress, requestedMode: "exact",
                               notes: ["audio-only source: packet copy is already as exact as the audio frames"]).run()
        }
        let stream = file.stream(v)
        let base = stream.pointee.time_base
        let frame = cutter.frameDuration(v)
        let neighbours = try file.keyframes(around: span.start, stream: v, tolerance: frame / 2, limit: span.end)
        let keyframeTime = file.mediaTime(neighbours.before, stream: v) ?? 0
        if keyframeTime >= span.start - frame / 2 {
            return try CopyCut(cutter: cutter, span: span, output: output, progress: progress, requestedMode: "exact",
                               notes: ["the in point is on a keyframe: a stream copy is already frame-accurate"]).run()
        }
        let plan = makePlan(stream: stream, neighbours: neighbours, endTicks: Timebase.ticks(span.end + file.startTime, base))
        let muxer = try OutputMuxer(path: output)
        let encoder: EncoderContext
        let videoOutput: Int
        switch plan {
        case .smart(_, _, let id, let record):
            encoder = try MatchedEncoder.open(for: stream, file: file.path, sequenceSetID: id, globalHeader: record != nil)
            videoOutput = try muxer.addStream(copying: stream)
            if let record { try setMergedHeader(record, encoder: encoder, muxer: muxer, stream: videoOutput) }
        case .whole:
            encoder = try MatchedEncoder.open(for: stream, file: file.path, sequenceSetID: nil, globalHeader: muxer.wantsGlobalHeader)
            videoOutput = try muxer.addStream(encoder: encoder.raw, rotationSource: stream)
        }
        let audioRoute = try file.audioStreamIndex.map { SpanCopier.Route(input: $0, output: try muxer.addStream(copying: file.stream($0))) }
        try muxer.writeHeader()

        let head = try HeadEncoder(cutter: cutter, span: span, stream: v, encoder: encoder, plan: plan.head,
                                   lengthSize: plan.record?.lengthSize)
        let copier = try head.run(from: neighbours.before, muxer: muxer, videoOutput: videoOutput, audio: audioRoute, progress: progress)
        try file.seek(reaching: neighbours.before, stream: v)
        while !copier.isDone, let packet = try file.readPacket() { try copier.accept(packet) }
        copier.finish()
        try copier.requireOutput(span: span)
        try muxer.finish()
        progress?(1)

        var notes: [String] = []
        var method = "smart"
        if case .whole(let reason) = plan {
            method = "encode"
            notes.append(reason)
        }
        if head.decodeProblems > 0 { notes.append("\(head.decodeProblems) decoding problem(s) in the source before \(formatSeconds(head.stopSeconds))") }
        var result = try CutResult.fromCopier(copier, cutter: cutter, span: span, output: output, mode: "exact", method: method,
                                              actualStart: head.originSeconds, reencoded: head.encodedSeconds,
                                              video: .init(input: v, output: videoOutput), audio: audioRoute, notes: notes)
        if case .whole = plan { result.video?.codec = String(cString: avcodec_get_name(encoder.raw.pointee.codec_id)) }
        return result
    }

    private func makePlan(stream: UnsafeMutablePointer<AVStream>, neighbours: KeyframeNeighbours, endTicks: Int64) -> Plan {
        let parameters = stream.pointee.codecpar.pointee
        let codec = String(cString: avcodec_get_name(parameters.codec_id))
        guard parameters.codec_id == AV_CODEC_ID_H264 else {
            return .whole(reason: "smart cut joins only H.264 streams; this \(codec) span was re-encoded whole with matched settings")
        }
        guard let next = neighbours.after, next < endTicks, let nextDTS = neighbours.afterDecodeTime else {
            return .whole(reason: "no keyframe inside the span: it was re-encoded whole with matched settings")
        }
        let extradata = parameters.extradata.map { Array(UnsafeBufferPointer(start: $0, count: Int(parameters.extradata_size))) } ?? []
        let record = H264ParameterSets.AVCC(extradata)
        let units: [ArraySlice<UInt8>] = record.map { r in (r.sequenceSets + r.pictureSets).map { $0[...] } }
            ?? H264ParameterSets.annexBUnits(extradata)
        let ids = units.compactMap(H264ParameterSets.parameterSetID)
        let id = (ids.max() ?? 0) + 1
        guard id <= 31 else {
            return .whole(reason: "the source uses every H.264 parameter-set id: the span was re-encoded whole")
        }
        return .smart(keyframe: next, delay: max(0, next - nextDTS), sequenceSetID: id, record: record)
    }

    /// The source's avcC with the encoder's SPS/PPS added, as the output stream's codec header.
    private func setMergedHeader(_ record: H264ParameterSets.AVCC, encoder: EncoderContext, muxer: OutputMuxer, stream: Int) throws {
        let units = H264ParameterSets.annexBUnits(encoder.extradata)
        let merged = H264ParameterSets.merged(record,
                                              sequenceSets: units.filter { H264ParameterSets.type($0) == H264ParameterSets.sps }.map(Array.init),
                                              pictureSets: units.filter { H264ParameterSets.type($0) == H264ParameterSets.pps }.map(Array.init))
        let bytes = merged.bytes
        let parameters = muxer.parameters(stream)
        av_freep(&parameters.pointee.extradata)
        guard let buffer = av_mallocz(bytes.count + Int(AV_INPUT_BUFFER_PADDING_SIZE))?.assumingMemoryBound(to: UInt8.self) else {
            throw MediaError(file: output, operation: "writing the codec header", message: "out of memory")
        }
        buffer.update(from: bytes, count: bytes.count)
        parameters.pointee.extradata = buffer
        parameters.pointee.extradata_size = Int32(bytes.count)
    }
}

fileprivate extension SmartCut.Plan {
    var record: H264ParameterSets.AVCC? {
        if case .smart(_, _, _, let record) = self { return record }
        return nil
    }

    var head: HeadEncoder.Plan {
        switch self {
        case .smart(let keyframe, let delay, _, _): return .untilKeyframe(keyframe, delay: delay)
        case .whole: return .wholeSpan
        }
    }
}
