import CFFmpeg

/// Turns decoded FFmpeg frames into small packed gray or RGB pixel arrays.
/// Gray from 8-bit planar/semi-planar YUV is a strided box average read straight off the luma plane
/// (much cheaper than a swscale pass); everything else goes through swscale. Owns its SwsContext.
final class FrameScaler {
    private var sws: OpaquePointer?

    deinit { sws_freeContext(sws) }

    /// The output size for a source size and a requested width (0 or larger than the source: the source width).
    static func size(sourceWidth: Int, sourceHeight: Int, requestedWidth: Int) -> (width: Int, height: Int) {
        guard requestedWidth > 0, requestedWidth < sourceWidth, sourceWidth > 0 else { return (sourceWidth, sourceHeight) }
        let width = max(2, requestedWidth & ~1)
        let height = max(2, Int((Double(sourceHeight) * Double(width) / Double(sourceWidth) / 2).rounded()) * 2)
        return (width, height)
    }

    func scale(_ frame: UnsafeMutablePointer<AVFrame>, width requested: Int, layout: PixelLayout, file: String) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let source = frame.pointee
        let (width, height) = FrameScaler.size(sourceWidth: Int(source.width), sourceHeight: Int(source.height), requestedWidth: requested)
        if layout == .gray, FrameScaler.hasPackedLuma(AVPixelFormat(rawValue: source.format)) {
            let pixels = FrameScaler.boxAverage(plane: source.data.0!, stride: Int(source.linesize.0),
                                                sourceWidth: Int(source.width), sourceHeight: Int(source.height),
                                                width: width, height: height)
            return (width, height, pixels)
        }
        let target = layout == .gray ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_RGB24
        sws = sws_getCachedContext(sws, source.width, source.height, AVPixelFormat(rawValue: source.format),
                                   Int32(width), Int32(height), target, SWS_AREA, nil, nil, nil)
        guard let sws else {
            throw MediaError(file: file, operation: "scaling video", message: "swscale cannot convert this pixel format")
        }
        let bytesPerPixel = layout == .gray ? 1 : 3
        // swscale writes whole SIMD blocks past the end of a row: scale into an aligned, padded buffer
        // and copy the rows out (writing straight into a tight array corrupts the heap for some widths).
        let rowBytes = width * bytesPerPixel
        let stride = (rowBytes + 63) & ~63
        var padded = [UInt8](repeating: 0, count: stride * (height + 1) + 64)
        try padded.withUnsafeMutableBufferPointer { buffer in
            var planes: [UnsafeMutablePointer<UInt8>?] = [buffer.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(stride), 0, 0, 0]
            let sourcePlanes = UnsafeRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.data)!)
                .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
            let sourceStrides = UnsafeRawPointer(frame).advanced(by: MemoryLayout<AVFrame>.offset(of: \AVFrame.linesize)!)
                .assumingMemoryBound(to: Int32.self)
            let rows = sws_scale(sws, sourcePlanes, sourceStrides, 0, source.height, &planes, &strides)
            if rows <= 0 { throw MediaError(file: file, operation: "scaling video", code: rows < 0 ? rows : -1) }
        }
        var pixels = [UInt8](repeating: 0, count: rowBytes * height)
        for row in 0..<height {
            pixels.replaceSubrange(row * rowBytes..<(row + 1) * rowBytes, with: padded[row * stride..<row * stride + rowBytes])
        }
        return (width, height, pixels)
    }

    /// Whether plane 0 of a format is 8-bit luma with one byte per pixel (yuv420p, nv12, yuvj422p, gray…).
    static func hasPackedLuma(_ format: AVPixelFormat) -> Bool {
        guard let descriptor = av_pix_fmt_desc_get(format) else { return false }
        let d = descriptor.pointee
        let notLuma = UInt64(AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_BITSTREAM)
        return d.flags & notLuma == 0 && d.comp.0.plane == 0 && d.comp.0.depth == 8 && d.comp.0.step == 1 && d.comp.0.shift == 0
    }

    /// The mean of each output pixel's block of luma, sampled on a grid of about 3×3 points per block.
    /// Plain pointer loops and no allocation per row: this runs on every decoded frame.
    static func boxAverage(plane: UnsafePointer<UInt8>, stride: Int, sourceWidth: Int, sourceHeight: Int,
                           width: Int, height: Int) -> [UInt8] {
        // Sample each block on a grid of about 3×3 points: plenty for a mean, a fraction of the reads.
        let stepX = max(1, (sourceWidth + width - 1) / width / 3)
        let stepY = max(1, (sourceHeight + height - 1) / height / 3)
        // Each output column's source columns: the first one and the end.
        let columns = (0..<width).map { x in
            (first: x * sourceWidth / width, end: max(x * sourceWidth / width + 1, (x + 1) * sourceWidth / width))
        }
        var sums = [UInt32](repeating: 0, count: width)
        return [UInt8](unsafeUninitializedCapacity: width * height) { output, initialized in
            columns.withUnsafeBufferPointer { columns in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<height {
                        let top = y * sourceHeight / height
                        let bottom = max(top + 1, (y + 1) * sourceHeight / height)
                        sums.update(repeating: 0)
                        var row = top, rows = 0
                        while row < bottom {
                            let line = plane + row * stride
                            for x in 0..<width {
                                var sum: UInt32 = 0
                                var column = columns[x].first
                                while column < columns[x].end {
                                    sum &+= UInt32(line[column])
                                    column += stepX
                                }
                                sums[x] &+= sum
                            }
                            rows += 1
                            row += stepY
                        }
                        for x in 0..<width {
                            let count = UInt32((columns[x].end - columns[x].first + stepX - 1) / stepX * rows)
                            output[y * width + x] = UInt8((sums[x] + count / 2) / count)
                        }
                    }
                }
            }
            initialized = width * height
        }
    }
}
