import ClipMedia
import Foundation

/// Decodes whole GOPs for fast mode on worker threads, so that several GOPs decode at once beside the keyframe pass.
/// Each worker has its own handle on the file and a single-threaded decoder: GOPs are independent, so this spreads
/// the work over the cores without the bookkeeping cost of FFmpeg's frame threads (about 40 % more CPU per frame
/// for H.264). Requests are answered through tickets; the caller consumes them in its own order.
final class GopDecoders: @unchecked Sendable {
    /// The frames strictly between `start` and `stop` (a keyframe time and where decoding may stop).
    struct Request: Sendable {
        var start: Double
        var stop: Double
        /// The next keyframe's time: reaching it means the frames run up to that keyframe without a gap.
        var end: Double
    }

    /// What a worker decoded for one request.
    struct Frames: Sendable {
        var frames: [VideoFrame] = []
        /// False when no keyframe at or before `start` could be reached (nothing was decoded).
        var found = false
        /// True when decoding went all the way to `end`.
        var reachedEnd = false
    }

    /// A request in flight; `wait()` blocks until a worker has answered it.
    final class Ticket: @unchecked Sendable {
        let request: Request
        private let done = DispatchSemaphore(value: 0)
        /// Written by the worker before it signals `done`.
        private var result: Result<Frames, Error>?

        init(_ request: Request) { self.request = request }

        fileprivate func answer(_ result: Result<Frames, Error>) {
            self.result = result
            done.signal()
        }

        func wait() throws -> Frames {
            done.wait()
            done.signal()
            return try result!.get()
        }
    }

    private let path: String
    private let videoIndex: Int
    private let options: VideoDecodeOptions
    private let condition = NSCondition()
    private var queue: [Ticket] = []
    private var closed = false
    private var workers: [BackgroundJob] = []
    /// Decoder problems of every worker, gathered as they finish.
    private(set) var problems: [DecodeProblem] = []
    private(set) var problemCount = 0

    init(path: String, videoIndex: Int, options: VideoDecodeOptions, workers: Int) {
        self.path = path
        self.videoIndex = videoIndex
        self.options = options
        self.workers = (0..<max(1, workers)).map { _ in BackgroundJob { [unowned self] in work() } }
    }

    /// Queues a request; a worker picks it up as soon as one is free.
    func submit(_ request: Request) -> Ticket {
        let ticket = Ticket(request)
        condition.lock()
        queue.append(ticket)
        condition.signal()
        condition.unlock()
        return ticket
    }

    /// Lets the workers finish what is queued, then joins them (once: later calls return at once).
    func close() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        let joining = workers
        workers = []
        for worker in joining { try worker.wait() }
    }

    private func next() -> Ticket? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// One worker: opens its own handle and decoder on first use, then answers requests until closed.
    private func work() {
        var decoder: (file: MediaFile, video: VideoDecoder)?
        while let ticket = next() {
            ticket.answer(Result {
                if decoder == nil {
                    let file = try MediaFile(path: path)
                    decoder = (file, try VideoDecoder(file: file, stream: videoIndex, options: options))
                }
                return try Self.decode(ticket.request, file: decoder!.file, decoder: decoder!.video, videoIndex: videoIndex)
            })
        }
        if let video = decoder?.video {
            condition.lock()
            problems += video.problems
            problemCount += video.problemCount
            condition.unlock()
        }
    }

    private static func decode(_ request: Request, file: MediaFile, decoder: VideoDecoder, videoIndex: Int) throws -> Frames {
        var result = Frames()
        decoder.reset()
        defer { decoder.reset() }
        guard let keyframe = try keyframe(atOrBefore: request.start, in: file, videoIndex: videoIndex) else { return result }
        result.found = true
        var done = false
        let keep: (VideoFrame) -> Void = { frame in
            if frame.time >= request.stop - 1e-9 { done = true }
            if !done, frame.time > request.start + 1e-9 { result.frames.append(frame) }
        }
        try decoder.decode(keyframe, keep)
        while !done, let packet = try file.readPacket() {
            guard packet.streamIndex == videoIndex else { continue }
            // Without reordering, a packet at `stop` or later holds no wanted frame (often the next keyframe, the
            // most expensive picture of all): what is wanted is out after the flush below.
            if !decoder.mayReorderFrames, let time = packet.time, time >= request.stop - 1e-9 { break }
            try decoder.decode(packet, keep)
        }
        if !done { try decoder.flush(keep) }
        result.reachedEnd = request.stop >= request.end
        return result
    }

    /// Seeks so that decoding can start at a keyframe at or before `time` and returns that keyframe's packet
    /// (the next packets follow it). Containers without an index (MPEG-TS, FLV) may seek past the target:
    /// then it seeks further back. Nil when no such keyframe can be reached.
    private static func keyframe(atOrBefore time: Double, in file: MediaFile, videoIndex: Int) throws -> Packet? {
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
