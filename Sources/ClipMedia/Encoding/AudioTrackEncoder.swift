import CFFmpeg

/// Builds the audio of an encoded clip: decoded audio placed on the clip's time line by sample index
/// (gaps filled with silence, overlaps dropped, so it never drifts from the video), cut to an exact
/// number of samples, gain and peak limit applied, encoded to AAC in encoder-sized frames.
final class AudioTrackEncoder {
    let encoder: EncoderContext
    private let sampleRate: Int
    private let channels: Int
    private let origin: Double
    private var limiter: PeakLimiter
    /// Samples (per channel) placed on the time line so far, and sent to the encoder.
    private var placed = 0
    private var sent = 0
    private var queue: [Float] = []
    private let frame: UnsafeMutablePointer<AVFrame>
    /// AAC's coding error lifts decoded peaks by a few tenths of a dB (0.27 dB measured on a limited sine):
    /// the limiter aims this far below the ceiling so the decoded clip stays under it.
    static let codecHeadroomDB = 0.5
    /// Samples per channel the clip must have; set before `finish`.
    var totalSamples: Int?

    /// `origin`: container time (seconds) of the clip's first sample.
    init(settings: EncodeSettings, channels: Int, origin: Double, file: String, globalHeader: Bool) throws {
        sampleRate = settings.audioSampleRate
        self.channels = max(1, min(2, channels))
        self.origin = origin
        limiter = PeakLimiter(channels: self.channels, sampleRate: sampleRate, gainDB: settings.audioGainDB,
                              ceilingDB: settings.peakCeilingDB - AudioTrackEncoder.codecHeadroomDB)
        let rate = sampleRate
        let count = self.channels
        encoder = try EncoderContext(name: "aac", file: file, globalHeader: globalHeader, options: [:]) { context in
            context.pointee.sample_rate = Int32(rate)
            context.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            av_channel_layout_default(&context.pointee.ch_layout, Int32(count))
            context.pointee.bit_rate = Int64(settings.audioBitRate)
            context.pointee.time_base = AVRational(num: 1, den: Int32(rate))
        }
        guard let frame = av_frame_alloc() else {
            throw MediaError(file: file, operation: "encoding audio", message: "out of memory")
        }
        self.frame = frame
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&owned)
    }

    /// Places a decoded chunk (at the encoder's rate and channel count) and encodes what is ready.
    func add(_ chunk: AudioChunk, _ write: (OwnedPacket) throws -> Void) throws {
        let first = Int(((chunk.time - origin) * Double(sampleRate)).rounded())
        var samples = chunk.samples
        var start = first
        if start < placed {
            let drop = min(chunk.frameCount, placed - start)
            samples.removeFirst(drop * channels)
            start += drop
        }
        if let totalSamples {
            let room = max(0, totalSamples - max(start, placed))
            if samples.count / channels > room { samples.removeLast(samples.count - room * channels) }
        }
        guard !samples.isEmpty else { return }
        if start > placed { try place([Float](repeating: 0, count: (start - placed) * channels), write) }
        try place(samples, write)
    }

    /// Pads with silence to `totalSamples`, flushes the limiter and the encoder.
    func finish(_ write: (OwnedPacket) throws -> Void) throws {
        if let totalSamples, totalSamples > placed {
            try place([Float](repeating: 0, count: (totalSamples - placed) * channels), write)
        }
        queue += limiter.flush()
        try encodeQueued(all: true, write)
        try encoder.encode(nil, write)
    }

    private func place(_ samples: [Float], _ write: (OwnedPacket) throws -> Void) throws {
        placed += samples.count / channels
        queue += limiter.process(samples)
        try encodeQueued(all: false, write)
    }

    private func encodeQueued(all: Bool, _ write: (OwnedPacket) throws -> Void) throws {
        let size = Int(encoder.raw.pointee.frame_size > 0 ? encoder.raw.pointee.frame_size : 1024)
        while queue.count >= size * channels || (all && !queue.isEmpty) {
            let count = min(size, queue.count / channels)
            av_frame_unref(frame)
            frame.pointee.nb_samples = Int32(count)
            frame.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
            frame.pointee.sample_rate = Int32(sampleRate)
            try check(av_channel_layout_copy(&frame.pointee.ch_layout, &encoder.raw.pointee.ch_layout), encoder.file, "encoding audio")
            try check(av_frame_get_buffer(frame, 0), encoder.file, "encoding audio")
            for c in 0..<channels {
                let plane = UnsafeMutableRawPointer(frame.pointee.extended_data[c]!).assumingMemoryBound(to: Float.self)
                for i in 0..<count { plane[i] = queue[i * channels + c] }
            }
            queue.removeFirst(count * channels)
            frame.pointee.pts = Int64(sent)
            sent += count
            try encoder.encode(frame, write)
        }
    }
}
