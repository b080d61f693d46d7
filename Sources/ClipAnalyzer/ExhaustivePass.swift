import ClipAnalysis
import ClipMedia

/// Decodes every video frame and all audio in one pass over the packets.
struct ExhaustivePass: AnalysisPass {
    func run(file: MediaFile, session: AnalysisSession, videoIndex: Int?, audioIndex: Int?, sampleRate: Int) throws {
        let settings = session.options.settings
        let video = try videoIndex.map {
            try VideoDecoder(file: file, stream: $0, options: VideoDecodeOptions(width: settings.frames.width, layout: .gray))
        }
        let audio = try audioIndex.map { index in
            try AudioDecoder(file: file, stream: index,
                             options: AudioDecodeOptions(sampleRate: sampleRate, channels: session.audio?.meter.channels ?? 1))
        }
        if session.from > 0 { try file.seek(to: session.from) }
        // After a seek, video starts at its first keyframe (containers without an index may land between).
        var waitingForKeyframe = session.from > 0
        var reader = RangeReader(session: session, streams: [videoIndex, audioIndex].compactMap { $0 }.count)
        while let packet = try file.readPacket() {
            if packet.streamIndex == videoIndex, let video {
                session.note(videoPacket: packet)
                if waitingForKeyframe && !packet.isKeyframe { continue }
                waitingForKeyframe = false
                try video.decode(packet) { session.feed($0, followsPrevious: true) }
            } else if packet.streamIndex == audioIndex, let audio {
                try audio.decode(packet) { session.feed($0) }
            } else {
                continue
            }
            if reader.isPast(packet) { break }
        }
        try video?.flush { session.feed($0, followsPrevious: true) }
        try audio?.flush { session.feed($0) }
        if let video { session.record(video.problems, count: video.problemCount) }
        if let audio { session.record(audio.problems, count: audio.problemCount) }
    }
}

/// Decides when the packets have gone past the end of the range, allowing for reordering:
/// every stream must be a second past `to` in decoding time.
struct RangeReader {
    let session: AnalysisSession
    let streams: Int
    private var past: [Int: Bool] = [:]

    init(session: AnalysisSession, streams: Int) {
        self.session = session
        self.streams = streams
    }

    mutating func isPast(_ packet: Packet) -> Bool {
        let time = packet.decodeTime ?? packet.time
        if let time { session.advance(to: time) }
        guard session.to.isFinite, let time else { return false }
        past[packet.streamIndex] = time > session.to + 1
        return past.values.allSatisfy { $0 } && past.count >= streams
    }
}
