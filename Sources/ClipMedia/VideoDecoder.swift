import CFFmpeg

/// How much of a video stream to decode.
public enum FrameSkip: String, Sendable, CaseIterable {
    /// Every frame.
    case none
    /// Frames no other frame refers to (most B-frames) are skipped.
    case nonReference
    /// Every bidirectionally predicted frame (all B-frames, reference or not) is skipped: I- and P-frames
    /// only, about a third of the frames of typical H.264 at half the decoding cost.
    case bidirectional
    /// Only keyframes are decoded; other packets are not even sent to the decoder.
    case keyframesOnly
}

/// Options for decoding video into small frames.
public struct VideoDecodeOptions: Sendable {
    /// Output width in pixels (height follows the aspect, rounded to even); 0 keeps the coded size.
    public var width: Int
    public var layout: PixelLayout
    public var skip: FrameSkip
    /// Decoder threads; 0 lets FFmpeg use every core.
    public var threads: Int
    /// Run the deblocking (loop) filter on keyframes only: about a tenth less decoding work for H.264 with
    /// deblocking on. Later frames then show faint block edges and drift slightly from the encoder's pictures,
    /// which small analysis thumbnails average away; keyframes stay exact.
    public var deblockKeyframesOnly: Bool

    public init(width: Int = 160, layout: PixelLayout = .gray, skip: FrameSkip = .none, threads: Int = 0,
                deblockKeyframesOnly: Bool = false) {
        self.width = width
        self.layout = layout
        self.skip = skip
        self.threads = threads
        self.deblockKeyframesOnly = deblockKeyframesOnly
    }
}

/// Decodes one video stream of a `MediaFile` into `VideoFrame`s. Feed it the file's packets.
public final class VideoDecoder {
    /// The stream this decoder reads.
    public let streamIndex: Int
    public let options: VideoDecodeOptions
    private let codec: CodecContext
    private let scaler = FrameScaler()
    /// Scales the second outputs of `current(width:layout:)`, so that each scaler keeps its own cached context.
    private lazy var otherScaler = FrameScaler()
    private var produced = 0
    private var lastTime: Double?
    private let nominalFrameDuration: Double
    /// Whether frames may come out in another order than their packets go in (B-frames: the stream declares a
    /// reorder delay). When false, once a packet at time T has been read, every frame before T has been sent.
    public let mayReorderFrames: Bool

    /// Opens a decoder for `stream` (default: the file's best video stream).
    public init(file: MediaFile, stream: Int? = nil, options: VideoDecodeOptions = VideoDecodeOptions()) throws {
        guard let index = stream ?? file.videoStreamIndex else {
            throw MediaError(file: file.path, operation: "opening the video decoder", message: "the file has no video stream")
        }
        streamIndex = index
        self.options = options
        codec = try CodecContext(file: file, stream: index, threads: options.threads) { context in
            switch options.skip {
            case .none: break
            case .nonReference: context.pointee.skip_frame = AVDISCARD_NONREF
            case .bidirectional: context.pointee.skip_frame = AVDISCARD_BIDIR
            case .keyframesOnly: context.pointee.skip_frame = AVDISCARD_NONKEY
            }
            if options.deblockKeyframesOnly { context.pointee.skip_loop_filter = AVDISCARD_NONKEY }
        }
        let rate = file.stream(index).pointee.avg_frame_rate
        mayReorderFrames = file.stream(index).pointee.codecpar.pointee.video_delay > 0
        nominalFrameDuration = Timebase.value(rate).map { 1 / $0 } ?? 1.0 / 30
    }

    /// Problems skipped so far (corrupt packets, broken frames): the first few, and how many in all.
    public var problems: [DecodeProblem] { codec.problems }
    public var problemCount: Int { codec.problemCount }

    /// Decodes one packet of this decoder's stream; calls `body` for each frame that comes out.
    /// Packets of other streams, and non-keyframes in keyframes-only mode, are ignored.
    public func decode(_ packet: Packet, _ body: (VideoFrame) throws -> Void) throws {
        guard packet.streamIndex == streamIndex else { return }
        if options.skip == .keyframesOnly && !packet.isKeyframe { return }
        try codec.decode(packet) { try body(try makeFrame()) }
    }

    /// Drains the frames the decoder still holds at the end of the input, then makes it ready for more.
    public func flush(_ body: (VideoFrame) throws -> Void) throws {
        try codec.decode(nil) { try body(try makeFrame()) }
        codec.reset()
    }

    /// Forgets buffered frames and restarts numbering; call after `MediaFile.seek`.
    public func reset() {
        codec.reset()
        produced = 0
        lastTime = nil
    }

    /// The frame being handed to a `decode` or `flush` callback, at another width and layout: one decoded
    /// picture, two outputs (e.g. a luma thumbnail of every frame and an RGB picture of the keyframes).
    /// Call it only from inside such a callback.
    public func current(width: Int, layout: PixelLayout) throws -> VideoFrame {
        try makeFrame(time: lastTime ?? 0, index: max(0, produced - 1), width: width, layout: layout, scaler: otherScaler)
    }

    private func makeFrame() throws -> VideoFrame {
        let time = codec.frameTime ?? (lastTime.map { $0 + nominalFrameDuration } ?? 0)
        lastTime = time
        defer { produced += 1 }
        return try makeFrame(time: time, index: produced, width: options.width, layout: options.layout, scaler: scaler)
    }

    private func makeFrame(time: Double, index: Int, width: Int, layout: PixelLayout, scaler: FrameScaler) throws -> VideoFrame {
        let raw = codec.frame
        let scaled = try scaler.scale(raw, width: width, layout: layout, file: codec.file)
        let format = AVPixelFormat(rawValue: raw.pointee.format)
        let fullRange = raw.pointee.color_range == AVCOL_RANGE_JPEG
            || [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P].contains(format)
        return VideoFrame(time: time, index: index, width: scaled.width, height: scaled.height,
                          layout: layout, pixels: scaled.pixels,
                          isKeyframe: raw.pointee.key_frame != 0, isFullRange: fullRange,
                          sourceWidth: Int(raw.pointee.width), sourceHeight: Int(raw.pointee.height))
    }
}
