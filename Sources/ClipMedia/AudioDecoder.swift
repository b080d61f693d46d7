import CFFmpeg

/// Options for decoding audio into Float32 samples.
public struct AudioDecodeOptions: Sendable {
    /// Output sample rate in Hz.
    public var sampleRate: Int
    /// 1 (mono, downmixed) or 2 (stereo).
    public var channels: Int

    public init(sampleRate: Int = 48_000, channels: Int = 1) {
        self.sampleRate = sampleRate
        self.channels = max(1, min(2, channels))
    }
}

/// A run of decoded audio: interleaved Float32 samples in -1…1 and the time of the first one.
public struct AudioChunk: Sendable {
    /// Seconds from the container start of the first sample.
    public let time: Double
    public let sampleRate: Int
    public let channels: Int
    /// Interleaved samples: `frameCount * channels` values.
    public let samples: [Float]
    /// Samples per channel.
    public var frameCount: Int { samples.count / channels }
}

/// Decodes one audio stream of a `MediaFile` and resamples it (swresample) to Float32 at a fixed rate.
public final class AudioDecoder {
    /// The stream this decoder reads.
    public let streamIndex: Int
    public let options: AudioDecodeOptions
    private let codec: CodecContext
    private var resampler: Resampler?

    /// Opens a decoder for `stream` (default: the file's best audio stream).
    public init(file: MediaFile, stream: Int? = nil, options: AudioDecodeOptions = AudioDecodeOptions()) throws {
        guard let index = stream ?? file.audioStreamIndex else {
            throw MediaError(file: file.path, operation: "opening the audio decoder", message: "the file has no audio stream")
        }
        streamIndex = index
        self.options = options
        codec = try CodecContext(file: file, stream: index, threads: 1) { _ in }
    }

    /// Problems skipped so far (corrupt packets): the first few, and how many in all.
    public var problems: [DecodeProblem] { codec.problems }
    public var problemCount: Int { codec.problemCount }

    /// Decodes one packet of this decoder's stream; calls `body` with the resampled audio.
    public func decode(_ packet: Packet, _ body: (AudioChunk) throws -> Void) throws {
        guard packet.streamIndex == streamIndex else { return }
        try codec.decode(packet) { try convert(body) }
    }

    /// Drains what the decoder and resampler still hold, then makes them ready for more.
    public func flush(_ body: (AudioChunk) throws -> Void) throws {
        try codec.decode(nil) { try convert(body) }
        if let resampler, let tail = try resampler.drain() { try body(tail) }
        codec.reset()
        resampler = nil
    }

    /// Forgets buffered audio; call after `MediaFile.seek`.
    public func reset() {
        codec.reset()
        resampler = nil
    }

    private func convert(_ body: (AudioChunk) throws -> Void) throws {
        let frame = codec.frame
        if resampler == nil || !resampler!.accepts(frame) {
            resampler = try Resampler(input: frame, options: options, file: codec.file)
        }
        guard let time = codec.frameTime ?? resampler!.nextTime else { return }
        if let chunk = try resampler!.convert(frame, time: time) { try body(chunk) }
    }
}

/// An owned SwrContext converting one input layout/rate/format to Float32 at the output rate.
final class Resampler {
    private var swr: OpaquePointer?
    private let options: AudioDecodeOptions
    private let file: String
    private let inputRate: Int32
    private let inputFormat: Int32
    private let inputChannels: Int32
    /// Time just after the last sample produced.
    private(set) var nextTime: Double?

    init(input frame: UnsafeMutablePointer<AVFrame>, options: AudioDecodeOptions, file: String) throws {
        self.options = options
        self.file = file
        inputRate = frame.pointee.sample_rate
        inputFormat = frame.pointee.format
        inputChannels = frame.pointee.ch_layout.nb_channels
        var inputLayout = AVChannelLayout()
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&inputLayout, inputChannels)
        } else {
            try check(av_channel_layout_copy(&inputLayout, &frame.pointee.ch_layout), file, "reading the channel layout")
        }
        defer { av_channel_layout_uninit(&inputLayout) }
        var outputLayout = AVChannelLayout()
        av_channel_layout_default(&outputLayout, Int32(options.channels))
        defer { av_channel_layout_uninit(&outputLayout) }
        try check(swr_alloc_set_opts2(&swr, &outputLayout, AV_SAMPLE_FMT_FLT, Int32(options.sampleRate),
                                      &inputLayout, AVSampleFormat(rawValue: inputFormat), inputRate, 0, nil),
                  file, "setting up the audio resampler")
        try check(swr_init(swr), file, "setting up the audio resampler")
    }

    deinit { swr_free(&swr) }

    func accepts(_ frame: UnsafeMutablePointer<AVFrame>) -> Bool {
        frame.pointee.sample_rate == inputRate && frame.pointee.format == inputFormat
            && frame.pointee.ch_layout.nb_channels == inputChannels
    }

    func convert(_ frame: UnsafeMutablePointer<AVFrame>, time: Double) throws -> AudioChunk? {
        let delay = Double(swr_get_delay(swr, Int64(options.sampleRate))) / Double(options.sampleRate)
        let input = UnsafeMutableRawPointer(frame.pointee.extended_data)
            .map { UnsafeMutablePointer<UnsafePointer<UInt8>?>(OpaquePointer($0)) }
        return try run(input: input, count: frame.pointee.nb_samples, startingAt: time - delay)
    }

    /// What the resampler still buffers, at the end of the input.
    func drain() throws -> AudioChunk? {
        guard let time = nextTime else { return nil }
        return try run(input: nil, count: 0, startingAt: time)
    }

    private func run(input: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32, startingAt time: Double) throws -> AudioChunk? {
        let capacity = swr_get_out_samples(swr, count)
        guard capacity > 0 else { return nil }
        var samples = [Float](repeating: 0, count: Int(capacity) * options.channels)
        let produced = try samples.withUnsafeMutableBytes { bytes -> Int32 in
            var output: UnsafeMutablePointer<UInt8>? = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let n = swr_convert(swr, &output, capacity, input, count)
            return try check(n, file, "resampling audio at \(formatSeconds(time))")
        }
        guard produced > 0 else { return nil }
        samples.removeSubrange(Int(produced) * options.channels..<samples.count)
        nextTime = time + Double(produced) / Double(options.sampleRate)
        return AudioChunk(time: time, sampleRate: options.sampleRate, channels: options.channels, samples: samples)
    }
}
