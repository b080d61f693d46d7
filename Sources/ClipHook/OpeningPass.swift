import ClipAnalysis
import ClipMedia

/// One demuxing pass over the opening that feeds everything the hook needs: the `ClipAnalysis` detectors
/// (luma thumbnails of the decoded frames → cuts, fades, black, freeze, motion; audio → loudness, peaks,
/// first sound) and the keyframe picture measures (RGB at the analysis size → `PictureSampler`).
///
/// It does what `ClipAnalyzer.MediaAnalyzer` does for a range, with the detectors of `ClipAnalysis`
/// unchanged, plus what the analyzer's options do not offer and the hook's speed needs: one decoder gives
/// both the thumbnails and the keyframe pictures (each keyframe is decoded once), it can skip B-frames (I- and
/// P-frames only: about a third of the frames, half the decoding cost), deblocks keyframes only (the
/// thumbnails do not need it; the keyframe pictures get it), runs with a caller-chosen thread count, and
/// stops at the first packet decoded after the end (no frame shown before the end comes later).
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
            width: settings.frames.width, layout: .gray, skip: skipBidirectional ? .bidirectional : .none, threads: threads,
            deblockKeyframesOnly: true))
        let pictureWidth = Self.pictureWidth(facts)
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

        func analyse(_ frame: VideoFrame) throws {
            if frame.isKeyframe, frame.time < window, pictureCount < Self.maxPictures {
                pictureCount += 1
                let picture = try thumbnails.current(width: pictureWidth, layout: .rgb)
                sampler.add(RGBImage(width: picture.width, height: picture.height, pixels: picture.pixels))
            }
            guard frame.time >= 0, frame.time < end else { return }
            let number = frameRate.map { Int((frame.time * $0).rounded()) } ?? frame.index
            visual.add(LumaFrame(time: frame.time, number: number, width: frame.width, height: frame.height,
                                 pixels: frame.pixels, isFullRange: frame.isFullRange))
            framesDecoded += 1
            lastFrameTime = frame.time
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

        // Read until every stream is past the end; a stream's packets from there on are not decoded.
        var past: Set<Int> = []
        let streams = audioIndex == nil ? 1 : 2
        while past.count < streams, let packet = try file.readPacket() {
            let stream = packet.streamIndex
            guard stream == videoIndex || stream == audioIndex, !past.contains(stream) else { continue }
            if isPast(packet, end: end, video: stream == videoIndex) {
                past.insert(stream)
            } else if stream == videoIndex {
                try thumbnails.decode(packet, analyse)
            } else {
                try audioDecoder?.decode(packet, listen)
            }
        }
        try thumbnails.flush(analyse)
        try audioDecoder?.flush(listen)

        let step = frameRate.map { 1 / $0 } ?? 0
        let videoEnd = min(end, (lastFrameTime ?? 0) + step)
        visual.finish(at: StreamEnd(time: videoEnd, frame: frameRate.map { Int((videoEnd * $0).rounded()) } ?? visual.frameCount))
        audio?.finish()
        let analysis = OpeningAnalysis(frameRate: frameRate, frames: visual.series, cuts: visual.cuts.cuts,
                                       fades: visual.fades.fades, black: visual.black.intervals, freeze: visual.freeze.intervals,
                                       loudnessSeries: audio?.series ?? [], loudness: audio?.meter.summary ?? LoudnessSummary(),
                                       firstSound: audio?.silence.firstSoundTime)
        let problems = thumbnails.problemCount + (audioDecoder?.problemCount ?? 0)
        return Result(analysis: analysis, picture: sampler.summary(), framesDecoded: framesDecoded, problems: problems)
    }

    /// Whether a packet lies past everything `[0, end)` needs. Video goes by decoding time: a frame is decoded
    /// no later than it is shown, so every frame shown before `end`, and every picture it refers to, is decoded
    /// before it. Audio goes by presentation time. Without time stamps to go by, a second of reordering is allowed.
    func isPast(_ packet: Packet, end: Double, video: Bool) -> Bool {
        if video, let decodeTime = packet.decodeTime { return decodeTime >= end }
        guard let time = packet.time ?? packet.decodeTime else { return false }
        return video ? time > end + 1 : time >= end
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
