import CFFmpeg
import Foundation

/// Writes RGB pictures as PNG files with FFmpeg's png encoder, to a temporary name renamed into place.
public enum PNGWriter {
    /// The PNG bytes of `image`.
    public static func encode(_ image: RGBImage, file: String = "png") throws -> [UInt8] {
        let encoder = try EncoderContext(name: "png", file: file, globalHeader: false, options: [:]) { context in
            context.pointee.width = Int32(image.width)
            context.pointee.height = Int32(image.height)
            context.pointee.pix_fmt = AV_PIX_FMT_RGB24
            context.pointee.time_base = AVRational(num: 1, den: 1)
        }
        guard let frame = av_frame_alloc() else {
            throw MediaError(file: file, operation: "encoding PNG", message: "out of memory")
        }
        var owned: UnsafeMutablePointer<AVFrame>? = frame
        defer { av_frame_free(&owned) }
        frame.pointee.width = Int32(image.width)
        frame.pointee.height = Int32(image.height)
        frame.pointee.format = AV_PIX_FMT_RGB24.rawValue
        frame.pointee.pts = 0
        try check(av_frame_get_buffer(frame, 0), file, "encoding PNG")
        let stride = Int(frame.pointee.linesize.0)
        image.pixels.withUnsafeBufferPointer { source in
            for row in 0..<image.height {
                (frame.pointee.data.0! + row * stride).update(from: source.baseAddress! + row * image.width * 3, count: image.width * 3)
            }
        }
        var bytes: [UInt8] = []
        try encoder.encode(frame) { bytes += $0.bytes }
        try encoder.encode(nil) { bytes += $0.bytes }
        guard !bytes.isEmpty else { throw MediaError(file: file, operation: "encoding PNG", message: "the encoder produced nothing") }
        return bytes
    }

    /// Writes `image` to `path` (a temporary name in the same folder first, then renamed).
    public static func write(_ image: RGBImage, to path: String) throws {
        let bytes = try encode(image, file: path)
        try AtomicFile.write(Data(bytes), to: path)
    }
}
