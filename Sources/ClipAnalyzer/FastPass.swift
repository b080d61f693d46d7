import ClipAnalysis
import ClipMedia

/// Decodes only the video keyframes in one pass over the packets, and decodes in full, from
/// a second handle on the file, the GOPs the triage picks (candidate cuts, fades, black and freeze edges,
/// requested detail). The visual analysis sees keyframes everywhere and every frame in those GOPs, in order.
final class FastPass: AnalysisPass {
    private var triage: GopTriage!
    private var previous: (frame: VideoFrame, keyframe: GopTriage.Keyframe)?
    /// Video packets since the previous keyframe's time, in decoding order: (presentation time, size, keyframe).
    private var packets: [(time: Double, size: Int, key: Bool)] = []
    private var detail: (file: MediaFile, decoder: VideoDecoder)?

    func run(file: MediaFile, session: AnalysisSession, videoIndex: Int) throws {
        let settings = session.options.settings
        triage = GopTriage(settings: settings)
        let keyframes = try VideoDecoder(file: file, stream: videoIndex,
                                         options: VideoDecodeOptions(width: settings.frames.width, layout: .gray,
                                                                     skip: .keyframesOnly))
        if session.from > 0 { try file.seek(to: session.from) }
        let reader = RangeReader(session: session)
        while let packet = try file.readPacket() {
            guard packet.streamIndex == videoIndex else { continue }
            session.note(videoPacket: packet)
            if let time = packet.time { packets.append((time, packet.size, packet.isKeyframe)) }
            try keyframes.decode(packet) { try keyframe($0, session: session, videoIndex: videoIndex) }
            if reader.isPast(packet) { break }
        }
        try keyframes.flush { try keyframe($0, session: session, videoIndex: videoIndex) }
        try closeLastGop(session: session, videoIndex: videoIndex)
        session.record(keyframes.problems, count: keyframes.problemCount)
        if let detail { session.record(detail.decoder.problems, count: detail.decoder.problemCount) }
    }

    /// A decoded keyframe: triages the GOP that ends here, decodes it in full if needed, then feeds the keyframe.
    private func keyframe(_ frame: VideoFrame, session: AnalysisSession, videoIndex: Int) throws {
        let current = session.visual.keyframe(session.luma(frame))
        var follows = false
        if let previous {
            // Consecutive keyframes with no packet between them (intra-only streams) are adjacent frames.
            follows = !packets.contains { $0.time > previous.frame.time && $0.time < frame.time }
            let reasons = gopReasons(from: previous.frame.time, to: frame.time, next: current, session: session)
            if !follows, !reasons.isEmpty, frame.time > session.from {
                follows = try decodeGop(after: previous.frame.time, before: frame.time, reasons: reasons, session: session,
                                        videoIndex: videoIndex)
            }
        }
        session.feed(frame, followsPrevious: follows)
        previous = (frame, current)
    }

    private func gopReasons(from start: Double, to end: Double, next: GopTriage.Keyframe?, session: AnalysisSession) -> [GopTriage.Reason] {
        guard let previous else { return [] }
        let gop = packets.filter { $0.time >= start && $0.time < end }
        packets.removeAll { $0.time < end }
        let requested = session.options.detail.contains { $0.upperBound >= start && $0.lowerBound < end }
        let others = gop.filter { !$0.key }
        let reasons = triage.reasons(previous: previous.keyframe, next: next, keyframeSize: gop.first { $0.key }?.size,
                                     nonKeySizes: others.map(\.size), requested: requested)
        lastSpikeTime = triage.spikeIndices.map { others[$0].time }.max()
        return reasons
    }

    /// Presentation time of the last spike of the GOP triaged last.
    private var lastSpikeTime: Double?

    /// Where decoding a GOP may stop: half a second after its last spike when spikes are the only reason
    /// (enough for the cut detector's window and the flash check), else the next keyframe.
    private func stopTime(_ reasons: [GopTriage.Reason], end: Double) -> Double {
        guard reasons == [.packetSpike], let spike = lastSpikeTime else { return end }
        return min(end, spike + 0.5)
    }

    /// The GOP after the last keyframe, up to the end of the range: always decoded in full (there is no next
    /// keyframe to compare with, and it is one GOP per file).
    private func closeLastGop(session: AnalysisSession, videoIndex: Int) throws {
        guard let previous else { return }
        var reasons = gopReasons(from: previous.frame.time, to: .infinity, next: nil, session: session)
        if reasons.isEmpty { reasons = [.lastGop] }
        _ = try decodeGop(after: previous.frame.time, before: session.to, reasons: reasons, session: session, videoIndex: videoIndex)
    }

    /// Decodes the frames strictly between two keyframe times from the second handle and feeds them;
    /// true when it went all the way to `end` (so the next keyframe follows the last frame fed).
    private func decodeGop(after start: Double, before end: Double, reasons: [GopTriage.Reason],
                           session: AnalysisSession, videoIndex: Int) throws -> Bool {
        let stop = stopTime(reasons, end: end)
        if detail == nil {
            let file = try MediaFile(path: session.path)
            let settings = session.options.settings
            detail = (file, try VideoDecoder(file: file, stream: videoIndex,
                                             options: VideoDecodeOptions(width: settings.frames.width, layout: .gray)))
        }
        let (file, decoder) = detail!
        decoder.reset()
        guard let keyframe = try Self.keyframe(atOrBefore: start, in: file, videoIndex: videoIndex) else { return false }
        session.noteDetail(reasons)
        var done = false
        let feed: (VideoFrame) -> Void = { frame in
            if frame.time >= stop - 1e-9 { done = true }
            if !done, frame.time > start + 1e-9 { session.feed(frame, followsPrevious: true) }
        }
        try decoder.decode(keyframe, feed)
        while !done, let packet = try file.readPacket() {
            guard packet.streamIndex == videoIndex else { continue }
            try decoder.decode(packet, feed)
        }
        if !done { try decoder.flush(feed) }
        decoder.reset()
        return stop >= end
    }

    /// Seeks so that decoding can start at a keyframe at or before `time` and returns that keyframe's packet
    /// (the next packets follow it). Containers without an index (MPEG-TS, FLV) may seek past the target:
    /// then it seeks further back. Nil when no such keyframe can be reached.
    static func keyframe(atOrBefore time: Double, in file: MediaFile, videoIndex: Int) throws -> Packet? {
        for back in [0.0, 2, 8, 30] {
            let target = max(0, time - back)
            try file.seek(to: target, stream: videoIndex)
            while let packet = try file.readPacket() {
                guard packet.streamIndex == videoIndex, packet.isKeyframe, let packetTime = packet.time else { continue }
                if packetTime <= time + 1e-3 { return packet }
                break
            }
            if target == 0 { break }
        }
        return nil
    }
}
