import CFFmpeg

/// Copies the packets of a span of a source's video and audio streams into an output, unchanged but
/// shifted so the clip starts at 0. Video starts at a given keyframe and ends with the last packet shown
/// before the end (plus the packets it depends on); audio keeps the packets that start inside the span.
final class SpanCopier {
    /// A source stream and the output stream its packets go to.
    struct Route {
        var input: Int
        var output: Int
    }

    private let file: MediaFile
    private let muxer: OutputMuxer
    private let video: Route?
    private let audio: Route?
    /// The clip's zero in each stream's ticks, and the span end.
    private let videoOrigin: Int64
    private let audioOrigin: Int64
    private let videoEnd: Int64
    private let audioEnd: Int64
    /// First video packet to copy (a keyframe's pts); nil until set, then packets before it are skipped.
    var videoStart: Int64?
    private var videoStarted = false
    private var pending: [OwnedPacket] = []
    private(set) var videoDone: Bool
    private(set) var audioDone: Bool
    /// What was written.
    private(set) var videoFrames = 0
    private(set) var audioPackets = 0
    private(set) var videoEndTicks: Int64?
    private(set) var audioFirstTicks: Int64?
    private(set) var audioEndTicks: Int64?

    /// `origin` and `end` are container times in seconds; `videoStart` the keyframe pts to copy from
    /// (nil: from the first keyframe the caller sends).
    /// `copiesVideo` false: the video is written elsewhere (`writeEncodedVideo`), only audio is copied.
    init(file: MediaFile, muxer: OutputMuxer, video: Route?, audio: Route?, videoOrigin: Int64, origin: Double, end: Double,
         videoStart: Int64?, copiesVideo: Bool = true) {
        self.file = file
        self.muxer = muxer
        self.video = video
        self.audio = audio
        self.videoOrigin = videoOrigin
        self.videoStart = videoStart
        videoDone = video == nil || !copiesVideo
        audioDone = audio == nil
        let videoBase = video.map { file.stream($0.input).pointee.time_base } ?? AVRational(num: 1, den: 1)
        let audioBase = audio.map { file.stream($0.input).pointee.time_base } ?? AVRational(num: 1, den: 1)
        videoEnd = Timebase.ticks(end + file.startTime, videoBase)
        audioOrigin = Timebase.ticks(origin + file.startTime, audioBase)
        audioEnd = Timebase.ticks(end + file.startTime, audioBase)
    }

    var isDone: Bool { videoDone && audioDone }

    /// Takes one demuxed packet; copies it if it belongs to the span.
    func accept(_ packet: Packet) throws {
        if let video, packet.streamIndex == video.input {
            try acceptVideo(packet)
        } else if let audio, packet.streamIndex == audio.input {
            try acceptAudio(packet, route: audio)
        }
    }

    /// Throws when nothing at all was written for the span.
    func requireOutput(span: CutSpan) throws {
        guard videoFrames == 0 && audioPackets == 0 else { return }
        throw MediaError(file: file.path, operation: "cutting \(formatSeconds(span.start))–\(formatSeconds(span.end))", message: "no packets in this span")
    }

    /// Forgets the packets held back at the end of the span (none of them is shown inside it).
    func finish() { pending.removeAll() }

    private func acceptVideo(_ packet: Packet) throws {
        guard !videoDone, let video else { return }
        let raw = packet.raw.pointee
        let pts = raw.pts != FFmpegCode.noPTS ? raw.pts : raw.dts
        guard pts != FFmpegCode.noPTS else { return }
        if !videoStarted {
            guard packet.isKeyframe, videoStart.map({ pts >= $0 }) ?? true else { return }
            videoStarted = true
            videoStart = pts
        }
        // Leading frames of an open GOP refer to pictures before the start: not decodable, not copied.
        if pts < videoStart! { return }
        if raw.dts != FFmpegCode.noPTS && raw.dts >= videoEnd {
            videoDone = true
            pending.removeAll()
            return
        }
        let copy = try OwnedPacket(copying: packet, file: file.path)
        if pts >= videoEnd {
            pending.append(copy)
            return
        }
        // A frame shown inside the span: it may depend on the held-back ones, so write those too.
        for held in pending { try writeVideo(held, route: video) }
        pending.removeAll()
        try writeVideo(copy, route: video)
    }

    private func writeVideo(_ packet: OwnedPacket, route: Route) throws {
        let raw = packet.raw
        let end = (raw.pointee.pts != FFmpegCode.noPTS ? raw.pointee.pts : raw.pointee.dts) + max(0, raw.pointee.duration) - videoOrigin
        videoEndTicks = max(videoEndTicks ?? end, end)
        if raw.pointee.pts != FFmpegCode.noPTS { raw.pointee.pts -= videoOrigin }
        if raw.pointee.dts != FFmpegCode.noPTS { raw.pointee.dts -= videoOrigin }
        try muxer.write(raw, stream: route.output)
        videoFrames += 1
    }

    /// Writes a packet made elsewhere (the re-encoded head of a smart cut), already relative to the clip start.
    func writeEncodedVideo(_ packet: OwnedPacket) throws {
        guard let video else { return }
        let end = packet.raw.pointee.pts + max(0, packet.raw.pointee.duration)
        videoEndTicks = max(videoEndTicks ?? end, end)
        try muxer.write(packet.raw, stream: video.output)
        videoFrames += 1
    }

    private func acceptAudio(_ packet: Packet, route: Route) throws {
        guard !audioDone else { return }
        let raw = packet.raw.pointee
        guard raw.pts != FFmpegCode.noPTS else { return }
        if raw.pts >= audioEnd {
            audioDone = true
            return
        }
        guard raw.pts >= audioOrigin else { return }
        let copy = try OwnedPacket(copying: packet, file: file.path)
        copy.raw.pointee.pts -= audioOrigin
        if copy.raw.pointee.dts != FFmpegCode.noPTS { copy.raw.pointee.dts -= audioOrigin }
        audioFirstTicks = audioFirstTicks ?? copy.raw.pointee.pts
        audioEndTicks = copy.raw.pointee.pts + max(0, copy.raw.pointee.duration)
        try muxer.write(copy.raw, stream: route.output)
        audioPackets += 1
    }
}
