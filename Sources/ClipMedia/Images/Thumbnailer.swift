import CFFmpeg

/// Decodes single frames at given times into RGB pictures (thumbnails), upright as the source is meant to be shown.
public final class Thumbnailer {
    let file: MediaFile
    private let stream: Int

    /// Opens `path` (it must have a video stream).
    public init(path: String) throws {
        file = try MediaFile(path: path)
        guard let index = file.videoStreamIndex else {
            throw MediaError(file: path, operation: "making a thumbnail", message: "the file has no video stream")
        }
        stream = index
    }

    /// Display rotation of the video, degrees counter-clockwise.
    public var rotation: Double { clip_stream_rotation(file.stream(stream)) }

    /// The frame shown at `time` (seconds from the container start) scaled to `width` pixels (0: coded size),
    /// turned upright. Times past the last frame give the last frame.
    public func frame(at time: Double, width: Int) throws -> RGBImage {
        guard time >= 0, time.isFinite else {
            throw MediaError(file: file.path, operation: "making a thumbnail at \(formatSeconds(time))", message: "the time must be 0 s or more")
        }
        if let duration = file.duration, time > duration {
            throw MediaError(file: file.path, operation: "making a thumbnail at \(formatSeconds(time))", message: "past the end of the recording (\(formatSeconds(duration)))")
        }
        let rate = Timebase.value(file.stream(stream).pointee.avg_frame_rate) ?? 30
        let neighbours = try file.keyframes(around: time, stream: stream, tolerance: 0.5 / rate, limit: time)
        try file.seek(reaching: neighbours.before, stream: stream, margin: 0)
        // Quarter turns swap width and height: scale the side that ends up horizontal.
        let quarterTurn = Int(abs(rotation).rounded()) % 180 == 90
        let parameters = file.stream(stream).pointee.codecpar.pointee
        let scaleWidth = quarterTurn && width > 0
            ? max(2, Int((Double(width) * Double(parameters.width) / Double(max(1, parameters.height))).rounded()))
            : width
        let decoder = try VideoDecoder(file: file, stream: stream, options: VideoDecodeOptions(width: scaleWidth, layout: .rgb))
        var chosen: VideoFrame?
        var last: VideoFrame?
        let keep = { (frame: VideoFrame) in
            if chosen == nil, frame.time >= time - 0.5 / rate { chosen = frame }
            last = frame
        }
        while chosen == nil, let packet = try file.readPacket() {
            try decoder.decode(packet, keep)
        }
        if chosen == nil { try decoder.flush(keep) }
        guard let frame = chosen ?? last, let image = RGBImage(width: frame.width, height: frame.height, pixels: frame.pixels) else {
            throw MediaError(file: file.path, operation: "making a thumbnail at \(formatSeconds(time))", message: "no frame decodes there")
        }
        return image.rotated(degrees: rotation)
    }
}
