import ClipAnalysis
import ClipMedia
import Foundation

/// Decodes only the video keyframes in one pass over the packets, and has `GopDecoders` decode in full, on
/// worker threads, the GOPs the triage picks (candidate cuts, fades, black and freeze edges, requested detail).
/// The visual analysis sees keyframes everywhere and every frame in those GOPs, in time order.
final class FastPass: AnalysisPass {
    private var triage: GopTriage!
    private var previous: (frame: VideoFrame, keyframe: GopTriage.Keyframe)?
    /// Video packets since the previous keyframe's time, in decoding order: (presentation time, size, keyframe).
    private var packets: [(time: Double, size: Int, key: Bool)] = []
    private var gops: GopDecoders!
    /// What is decoded but not yet fed, in time order: keyframes, and GOPs the workers may still be decoding.
    private var pending: [Pending] = []
    /// Whether the GOP fed last went up to the next keyframe.
    private var lastGopReachedEnd = false

    private enum Pending {
        /// A keyframe; `follows` nil means "follows the GOP before it if that GOP was decoded to its end".
        case keyframe(VideoFrame, follows: Bool?)
        case gop(GopDecoders.Ticket, reasons: [GopTriage.Reason])
    }

    func run(file: MediaFile, session: AnalysisSession, videoIndex: Int) throws {
        let settings = session.options.settings
        triage = GopTriage(settings: settings)
        let keyframes = try VideoDecoder(file: file, stream: videoIndex,
                                         options: VideoDecodeOptions(width: settings.frames.width, layout: .gray,
                                                                     skip: .keyframesOnly, threads: 1))
        gops = GopDecoders(path: session.path, videoIndex: videoIndex,
                           options: VideoDecodeOptions(width: settings.frames.width, layout: .gray, threads: 1),
                           workers: Self.workers)
        defer { try? gops.close() }
        if session.from > 0 { try file.seek(to: session.from) }
        let reader = RangeReader(session: session)
        while let packet = try file.readPacket() {
            guard packet.streamIndex == videoIndex else { continue }
            session.note(videoPacket: packet)
            if let time = packet.time { packets.append((time, packet.size, packet.isKeyframe)) }
            try keyframes.decode(packet) { try keyframe($0, session: session) }
            if reader.isPast(packet) { break }
        }
        try keyframes.flush { try keyframe($0, session: session) }
        closeLastGop(session: session)
        try feedPending(session: session, keepingInFlight: 0)
        try gops.close()
        session.record(keyframes.problems, count: keyframes.problemCount)
        session.record(gops.problems, count: gops.problemCount)
    }

    /// GOP decoders beside the keyframe pass: one per core, at least two.
    static let workers = max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))

    /// A decoded keyframe: triages the GOP that ends here, queues it for decoding in full if needed, then the keyframe.
    private func keyframe(_ frame: VideoFrame, session: AnalysisSession) throws {
        let current = session.visual.keyframe(session.luma(frame))
        var follows: Bool? = false
        if let previous {
            // Consecutive keyframes with no packet between them (intra-only streams) are adjacent frames.
            let adjacent = !packets.contains { $0.time > previous.frame.time && $0.time < frame.time }
            follows = adjacent
            let reasons = gopReasons(from: previous.frame.time, to: frame.time, next: current, session: session)
            if !adjacent, !reasons.isEmpty, frame.time > session.from {
                queueGop(after: previous.frame.time, before: frame.time, reasons: reasons)
                follows = nil
            }
        }
        pending.append(.keyframe(frame, follows: follows))
        previous = (frame, current)
        try feedPending(session: session, keepingInFlight: 2 * Self.workers)
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
    private func closeLastGop(session: AnalysisSession) {
        guard let previous else { return }
        var reasons = gopReasons(from: previous.frame.time, to: .infinity, next: nil, session: session)
        if reasons.isEmpty { reasons = [.lastGop] }
        queueGop(after: previous.frame.time, before: session.to, reasons: reasons)
    }

    /// Asks the workers for the frames strictly between two keyframe times.
    private func queueGop(after start: Double, before end: Double, reasons: [GopTriage.Reason]) {
        let ticket = gops.submit(.init(start: start, stop: stopTime(reasons, end: end), end: end))
        pending.append(.gop(ticket, reasons: reasons))
    }

    /// Feeds what is pending in time order, waiting for GOPs still being decoded only while more than
    /// `keepingInFlight` of them are queued (so that the workers stay busy while the keyframe pass runs ahead).
    private func feedPending(session: AnalysisSession, keepingInFlight: Int) throws {
        while let head = pending.first {
            switch head {
            case .keyframe(let frame, let follows):
                session.feed(frame, followsPrevious: follows ?? lastGopReachedEnd)
            case .gop(let ticket, let reasons):
                let inFlight = pending.reduce(0) { count, item in if case .gop = item { count + 1 } else { count } }
                guard inFlight > keepingInFlight else { return }
                let result = try ticket.wait()
                if result.found { session.noteDetail(reasons) }
                for frame in result.frames { session.feed(frame, followsPrevious: true) }
                lastGopReachedEnd = result.reachedEnd
            }
            pending.removeFirst()
        }
    }
}
