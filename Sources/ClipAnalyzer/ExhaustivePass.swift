import ClipAnalysis
import ClipMedia

/// Decodes every video frame in one pass over the packets.
struct ExhaustivePass: AnalysisPass {
    func run(file: MediaFile, session: AnalysisSession, videoIndex: Int) throws {
        let settings = session.options.settings
        let video = try VideoDecoder(file: file, stream: videoIndex,
                                     options: VideoDecodeOptions(width: settings.frames.width, layout: .gray))
        if session.from > 0 { try file.seek(to: session.from) }
        // After a seek, video starts at its first keyframe (containers without an index may land between).
        var waitingForKeyframe = session.from > 0
        let reader = RangeReader(session: session)
        while let packet = try file.readPacket() {
            guard packet.streamIndex == videoIndex else { continue }
            session.note(videoPacket: packet)
            if waitingForKeyframe && !packet.isKeyframe { continue }
            waitingForKeyframe = false
            try video.decode(packet) { session.feed($0, followsPrevious: true) }
            if reader.isPast(packet) { break }
        }
        try video.flush { session.feed($0, followsPrevious: true) }
        session.record(video.problems, count: video.problemCount)
    }
}

/// Decides when the video packets have gone past the end of the range, allowing for reordering: a second
/// past `to` in decoding time. Reports progress on the way.
struct RangeReader {
    let session: AnalysisSession

    func isPast(_ packet: Packet) -> Bool {
        let time = packet.decodeTime ?? packet.time
        if let time { session.advance(to: time) }
        guard session.to.isFinite, let time else { return false }
        return time > session.to + 1
    }
}
