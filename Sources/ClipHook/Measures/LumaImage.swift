/// A small full-range luma picture (0 = black, 255 = white), row-major, one byte per pixel: what the
/// picture measures of the opening (bars, sharpness, exposure) read.
public struct LumaImage: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "LumaImage: \(pixels.count) pixels for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The luma (BT.709 weights, full range) of a packed RGB picture.
    public init(rgb: RGBImage) {
        var luma = [UInt8](repeating: 0, count: rgb.width * rgb.height)
        rgb.pixels.withUnsafeBufferPointer { source in
            for i in 0..<luma.count {
                let r = Int(source[3 * i]), g = Int(source[3 * i + 1]), b = Int(source[3 * i + 2])
                // 0.2126, 0.7152, 0.0722 in 1/65536 steps.
                luma[i] = UInt8((13933 * r + 46871 * g + 4732 * b + 32768) >> 16)
            }
        }
        self.init(width: rgb.width, height: rgb.height, pixels: luma)
    }

    public var whole: PixelRegion { .whole(width: width, height: height) }
}

/// A small RGB picture, three bytes (R, G, B) per pixel, row-major.
public struct RGBImage: Sendable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGBImage: \(pixels.count) bytes for \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public var whole: PixelRegion { .whole(width: width, height: height) }
}
