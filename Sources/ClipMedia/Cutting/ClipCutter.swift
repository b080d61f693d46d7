import CFFmpeg
import Foundation

/// Cuts clips out of one source recording: `cut(start:end:mode:output:)` writes one clip per call.
/// Keep one cutter per recording when cutting many spans (the file is opened once).
/// Times are seconds from the source's container start, like everywhere in ClipMedia.
public final class ClipCutter {
    /// The source path.
    public let source: String
    let file: MediaFile

    /// Opens the source recording.
    public init(source: String) throws {
        self.source = source
        file = try MediaFile(path: source)
    }

    /// Opens `source` and cuts one clip: see `cut(start:end:mode:output:progress:)`.
    public static func cut(source: String, start: Double, end: Double, mode: CutMode, output: String,
                           progress: ((Double) -> Void)? = nil) throws -> CutResult {
        try ClipCutter(source: source).cut(start: start, end: end, mode: mode, output: output, progress: progress)
    }

    /// Writes the span `start..<end` of the source to `output` (container from the extension).
    /// `progress` gets the fraction done (0…1) now and then. The clip appears under `output` only
    /// when complete; on any error nothing is left there.
    public func cut(start: Double, end: Double, mode: CutMode, output: String,
                    progress: ((Double) -> Void)? = nil) throws -> CutResult {
        let span = try validate(start: start, end: end, output: output)
        switch mode {
        case .copy:
            return try CopyCut(cutter: self, span: span, output: output, progress: progress).run()
        case .exact:
            return try SmartCut(cutter: self, span: span, output: output, progress: progress).run()
        case .encode(let settings):
            return try EncodeCut(cutter: self, span: span, settings: settings, output: output, progress: progress).run()
        }
    }

    private func validate(start: Double, end: Double, output: String) throws -> CutSpan {
        let where_ = "cutting \(formatSeconds(start))–\(formatSeconds(end))"
        guard start.isFinite, end.isFinite, start >= 0 else {
            throw MediaError(file: source, operation: where_, message: "the in point must be a time of 0 s or more")
        }
        guard end > start else {
            throw MediaError(file: source, operation: where_, message: "the out point must come after the in point")
        }
        if let duration = file.duration, start >= duration {
            throw MediaError(file: source, operation: where_, message: "the in point is past the end of the recording (\(formatSeconds(duration)))")
        }
        let same = URL(fileURLWithPath: output).standardizedFileURL.path == URL(fileURLWithPath: source).standardizedFileURL.path
        guard !same else {
            throw MediaError(file: output, operation: where_, message: "the output would overwrite the source")
        }
        guard file.videoStreamIndex != nil || file.audioStreamIndex != nil else {
            throw MediaError(file: source, operation: where_, message: "the file has no video or audio stream")
        }
        let clippedEnd = file.duration.map { min(end, $0) } ?? end
        return CutSpan(start: start, end: clippedEnd, requestedEnd: end)
    }

    /// Nominal seconds per frame of a video stream (1/30 when the file does not say).
    func frameDuration(_ index: Int) -> Double {
        let stream = file.stream(index).pointee
        let rate = Timebase.value(stream.avg_frame_rate) ?? Timebase.value(stream.r_frame_rate) ?? 30
        return 1 / rate
    }

    /// Facts of a copied video stream.
    func videoFacts(_ index: Int, frames: Int) -> VideoFacts {
        let stream = file.stream(index)
        let parameters = stream.pointee.codecpar.pointee
        return VideoFacts(codec: String(cString: avcodec_get_name(parameters.codec_id)),
                          width: Int(parameters.width), height: Int(parameters.height),
                          pixelFormat: av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)).map { String(cString: $0) },
                          frameRate: 1 / frameDuration(index), frames: frames, rotation: clip_stream_rotation(stream))
    }

    /// Facts of a copied audio stream.
    func audioFacts(_ index: Int, packets: Int, start: Double) -> AudioFacts {
        let parameters = file.stream(index).pointee.codecpar.pointee
        return AudioFacts(codec: String(cString: avcodec_get_name(parameters.codec_id)),
                          sampleRate: Int(parameters.sample_rate), channels: Int(parameters.ch_layout.nb_channels),
                          packets: packets, start: start)
    }
}

/// A validated span to cut, in container seconds (the end clipped to the recording).
struct CutSpan {
    var start: Double
    var end: Double
    var requestedEnd: Double
}
