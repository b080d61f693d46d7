import CFFmpeg

/// swscale passes between decoded FFmpeg frames, `PlanarPicture`s and encoder frames. Owns its contexts.
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
        let planes = UnsafeRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.data)!)
            .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
        let strides = UnsafeRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.linesize)!)
            .assumingMemoryBound(to: Int32.self)
        return try run(context, planes: planes, strides: strides, sourceHeight: source.height, width: width, height: height)
    }

    /// A picture resized (bilinear) to another even size.
    func resized(_ picture: PlanarPicture, width: Int, height: Int) throws -> PlanarPicture {
        if picture.width == width && picture.height == height { return picture }
        resizer = sws_getCachedContext(resizer, Int32(picture.width), Int32(picture.height), AV_PIX_FMT_YUV420P,
                                       Int32(width), Int32(height), AV_PIX_FMT_YUV420P, SWS_BILINEAR, nil, nil, nil)
        guard let context = resizer else {
            throw MediaError(file: file, operation: "scaling video", message: "swscale refused the size")
        }
        return try picture.y.withUnsafeBufferPointer { y in
            try picture.u.withUnsafeBufferPointer { u in
                try picture.v.withUnsafeBufferPointer { v in
                    var planes: [UnsafePointer<UInt8>?] = [y.baseAddress, u.baseAddress, v.baseAddress, nil]
                    var strides: [Int32] = [Int32(picture.width), Int32(picture.chromaWidth), Int32(picture.chromaWidth), 0]
                    return try run(context, planes: &planes, strides: &strides, sourceHeight: Int32(picture.height), width: width, height: height)
                }
            }
        }
    }

    private func run(_ context: OpaquePointer, planes: UnsafePointer<UnsafePointer<UInt8>?>, strides: UnsafePointer<Int32>,
                     sourceHeight: Int32, width: Int, height: Int) throws -> PlanarPicture {
        var out = PlanarPicture(width: width, height: height)
        let rows = out.y.withUnsafeMutableBufferPointer { y in
            out.u.withUnsafeMutableBufferPointer { u in
                out.v.withUnsafeMutableBufferPointer { v in
                    var targets: [UnsafeMutablePointer<UInt8>?] = [y.baseAddress, u.baseAddress, v.baseAddress, nil]
                    var targetStrides: [Int32] = [Int32(width), Int32(width / 2), Int32(width / 2), 0]
                    return sws_scale(context, planes, strides, 0, sourceHeight, &targets, &targetStrides)
                }
            }
        }
        if rows <= 0 { throw MediaError(file: file, operation: "scaling video", code: rows < 0 ? rows : -1) }
        return out
    }

    /// Copies a picture into an encoder frame of the same size (allocating its buffers).
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
