import ClipAnalysis
import ClipMedia

/// One demuxing pass over the opening that feeds everything the hook needs: the `ClipAnalysis` detectors
/// (luma thumbnails of the decoded frames → cuts, fades, black, freeze, motion; audio → loudness, peaks,
/// first sound) and the keyframe picture measures (RGB at the analysis size → `PictureSampler`).
///
/// It does what `ClipAnalyzer.MediaAnalyzer` does for a range, with the detectors of `ClipAnalysis`
/// unchanged, plus two things the analyzer's options do not offer and the hook's speed needs: the
/// keyframe pass shares the same demuxing, and the thumbnail decoder can skip B-frames (I- and P-frames
/// only: about a third of the frames, half the decoding cost) and runs with a caller-chosen thread count.
struct OpeningPass {
    /// At most this many keyframes feed the picture measures (an all-intra file would otherwise convert every frame).
    static let maxPictures = 12

    struct Result {
        var analysis: OpeningAnalysis
        var picture: PictureSummary?
        var framesDecoded: Int
        var problems: Int
    }

    let settings: AnalysisSettings
    /// Decode I- and P-frames only for the analysis (B-frames skipped).
    let skipBidirectional: Bool
    let threads: Int

    /// Reads `[0, end)` of `file` (the window plus the lookahead); pictures only before `window`.
    func run(file: MediaFile, facts: FileFacts, window: Double, end: Double, sampler initial: PictureSampler) throws -> Result {
        guard let videoIndex = file.videoStreamIndex else {
            throw MediaError(file: file.path, operation: "checking the hook", message: "the file has no video stream")
        }
        let thumbnails = try VideoDecoder(file: file, stream: videoIndex, options: VideoDecodeOptions(
            width: settings.frames.width, layout: .gray, skip: skipBidirectional ? .bidirectional : .none, threads: threads))
        let pictures = try VideoDecoder(file: file, stream: videoIndex, options: VideoDecodeOptions(
            width: Self.pictureWidth(facts), layout: .rgb, skip: .keyframesOnly, threads: threads))
        let audioIndex = file.audioStreamIndex
        let channels = max(1, min(2, facts.audioChannels ?? 1))
        let audioDecoder = try audioIndex.map {
            try AudioDecoder(file: file, stream: $0, options: AudioDecodeOptions(sampleRate: 48_000, channels: channels))
        }
        var audio = audioDecoder.map { _ in AudioAnalysis(settings: settings, sampleRate: 48_000, channels: channels, keepSeries: true) }
        let visual = VisualAnalysis(settings: settings, keepSeries: true)
        var sampler = initial
        var pictureCount = 0, framesDecoded = 0, lastFrameTime: Double?
        let frameRate = facts.frameRate

        func analyse(_ frame: VideoFrame) {
            guard frame.time >= 0, frame.time < end else { return }
            let number = frameRate.map { Int((frame.time * $0).rounded()) } ?? frame.index
            visual.add(LumaFrame(time: frame.time, number: number, width: frame.width, height: frame.height,
                                 pixels: frame.pixels, isFullRange: frame.isFullRange))
            framesDecoded += 1
            lastFrameTime = frame.time
        }
        func picture(_ frame: VideoFrame) {
            guard frame.time < window, pictureCount < Self.maxPictures else { return }
            pictureCount += 1
            framesDecoded += 1
            sampler.add(RGBImage(width: frame.width, height: frame.height, pixels: frame.pixels))
        }
        func listen(_ chunk: AudioChunk) {
            let rate = Double(chunk.sampleRate)
            let first = max(0, Int((-chunk.time * rate).rounded(.up)))
            let last = min(chunk.frameCount, Int(((end - chunk.time) * rate).rounded(.up)))
            guard first < last else { return }
            let samples = first == 0 && last == chunk.frameCount ? chunk.samples
                : Array(chunk.samples[(first * chunk.channels)..<(last * chunk.channels)])
            audio?.process(samples,
                           time: chunk.time + Double(first) / rate)
        }

        // Stop once every stream is a second past the end in decoding order (B-frame reordering, audio priming).
        var pastEnd: [Int: Bool] = [videoIndex: false]
        if let audioIndex { pastEnd[audioIndex] = false }
        while let packet = try file.readPacket() {
            if packet.streamIndex == videoIndex {
                try thumbnails.decode(packet, analyse)
                if pictureCount < Self.maxPictures, !(packet.time.map { $0 >= window } ?? false) {
                    try pictures.decode(packet, picture)
                }
            } else if packet.streamIndex == audioIndex, let audioDecoder {
                try audioDecoder.decode(packet, listen)
            } else {
                continue
            }
            if let time = packet.decodeTime ?? packet.time { pastEnd[packet.streamIndex] = time > end + 1 }
            if pastEnd.values.allSatisfy({ $0 }) { break }
        }
        try thumbnails.flush(analyse)
        try pictures.flush(picture)
        try audioDecoder?.flush(listen)

        let step = frameRate.map { 1 / $0 } ?? 0
        let videoEnd = min(end, (lastFrameTime ?? 0) + step)
        visual.finish(at: StreamEnd(time: videoEnd, frame: frameRate.map { Int((videoEnd * $0).rounded()) } ?? visual.frameCount))
        audio?.finish()
        let analysis = OpeningAnalysis(frameRate: frameRate, frames: visual.series, cuts: visual.cuts.cuts,
                                       fades: visual.fades.fades, black: visual.black.intervals, freeze: visual.freeze.intervals,
                                       loudnessSeries: audio?.series ?? [], loudness: audio?.meter.summary ?? LoudnessSummary(),
                                       firstSound: audio?.silence.firstSoundTime)
        let problems = thumbnails.problemCount + pictures.problemCount + (audioDecoder?.problemCount ?? 0)
        return Result(analysis: analysis, picture: sampler.summary(), framesDecoded: framesDecoded, problems: problems)
    }

    /// Short side of the picture-measure frames in pixels: sharpness values compare across source sizes only
    /// at a fixed size.
    static let pictureShortSide = 360

    /// Width that scales the coded picture's short side to `pictureShortSide` (never up).
    static func pictureWidth(_ facts: FileFacts) -> Int {
        let shortSide = min(facts.codedWidth, facts.codedHeight)
        return shortSide > pictureShortSide ? pictureShortSide * facts.codedWidth / shortSide : facts.codedWidth
    }
}
