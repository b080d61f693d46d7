import CFFmpeg

/// swscale passes between decoded FFmpeg frames, `PlanarPicture`s and encoder frames. Owns its contexts.
/// swscale reads and writes whole SIMD blocks, so every pass goes through padded, aligned FFmpeg frames,
/// never straight into Swift arrays.
final class PictureScaler {
    private var fromFrames: OpaquePointer?
    private var resizer: OpaquePointer?
    let file: String

    init(file: String) { self.file = file }

    deinit {
        sws_freeContext(fromFrames)
        sws_freeContext(resizer)
    }

    /// A decoded frame (any pixel format) scaled to a YUV 4:2:0 picture of the given even size.
    func picture(from frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) throws -> PlanarPicture {
        let source = frame.pointee
        fromFrames = sws_getCachedContext(fromFrames, source.width, source.height, AVPixelFormat(rawValue: source.format),
                                          Int32(width), Int32(height), AV_PIX_FMT_YUV420P, SWS_BICUBIC, nil, nil, nil)
        guard let context = fromFrames else {
            throw MediaError(file: file, operation: "scaling video", message: "swscale cannot convert this pixel format")
        }
        return try scale(context, frame, width: width, height: height)
    }

    /// A picture resized (bilinear) to another even size.
    func resized(_ picture: PlanarPicture, width: Int, height: Int) throws -> PlanarPicture {
        if picture.width == width && picture.height == height { return picture }
        resizer = sws_getCachedContext(resizer, Int32(picture.width), Int32(picture.height), AV_PIX_FMT_YUV420P,
                                       Int32(width), Int32(height), AV_PIX_FMT_YUV420P, SWS_BILINEAR, nil, nil, nil)
        guard let context = resizer else {
            throw MediaError(file: file, operation: "scaling video", message: "swscale refused the size")
        }
        let input = try OwnedFrame(file: file)
        try fill(input.raw, with: picture)
        return try scale(context, input.raw, width: width, height: height)
    }

    private func scale(_ context: OpaquePointer, _ frame: UnsafeMutablePointer<AVFrame>, width: Int, height: Int) throws -> PlanarPicture {
        let output = try OwnedFrame(file: file)
        output.raw.pointee.width = Int32(width)
        output.raw.pointee.height = Int32(height)
        output.raw.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        try check(av_frame_get_buffer(output.raw, 0), file, "allocating a video frame")
        let sourcePlanes = UnsafeRawPointer(planes(frame)).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
        let rows = sws_scale(context, sourcePlanes, strides(frame), 0, frame.pointee.height,
                             planes(output.raw), strides(output.raw))
        if rows <= 0 { throw MediaError(file: file, operation: "scaling video", code: rows < 0 ? rows : -1) }
        let o = output.raw.pointee
        return PlanarPicture(width: width, height: height,
                             y: read(o.data.0!, stride: Int(o.linesize.0), width: width, height: height),
                             u: read(o.data.1!, stride: Int(o.linesize.1), width: width / 2, height: height / 2),
                             v: read(o.data.2!, stride: Int(o.linesize.2), width: width / 2, height: height / 2))
    }

    private func planes(_ frame: UnsafeMutablePointer<AVFrame>) -> UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?> {
        UnsafeMutableRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.data)!)
            .assumingMemoryBound(to: UnsafeMutablePointer<UInt8>?.self)
    }

    private func strides(_ frame: UnsafeMutablePointer<AVFrame>) -> UnsafeMutablePointer<Int32> {
        UnsafeMutableRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.linesize)!)
            .assumingMemoryBound(to: Int32.self)
    }

    private func read(_ plane: UnsafeMutablePointer<UInt8>, stride: Int, width: Int, height: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height)
        out.withUnsafeMutableBufferPointer { target in
            for row in 0..<height { (target.baseAddress! + row * width).update(from: plane + row * stride, count: width) }
        }
        return out
    }

    /// Copies a picture into a frame of the same size (allocating its buffers).
    func fill(_ frame: UnsafeMutablePointer<AVFrame>, with picture: PlanarPicture) throws {
        frame.pointee.width = Int32(picture.width)
        frame.pointee.height = Int32(picture.height)
        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        try check(av_frame_get_buffer(frame, 0), file, "allocating a video frame")
        copy(picture.y, width: picture.width, height: picture.height, to: frame.pointee.data.0!, stride: Int(frame.pointee.linesize.0))
        copy(picture.u, width: picture.chromaWidth, height: picture.chromaHeight, to: frame.pointee.data.1!, stride: Int(frame.pointee.linesize.1))
        copy(picture.v, width: picture.chromaWidth, height: picture.chromaHeight, to: frame.pointee.data.2!, stride: Int(frame.pointee.linesize.2))
    }

    private func copy(_ plane: [UInt8], width: Int, height: Int, to target: UnsafeMutablePointer<UInt8>, stride: Int) {
        plane.withUnsafeBufferPointer { source in
            for row in 0..<height { (target + row * stride).update(from: source.baseAddress! + row * width, count: width) }
        }
    }
}
