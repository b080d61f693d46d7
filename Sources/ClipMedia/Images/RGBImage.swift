/// A packed 8-bit RGB picture in memory: `width * height * 3` bytes, rows top to bottom.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    /// An image of one colour.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: pixels.count, by: 3) {
            pixels[i] = fill.0
            pixels[i + 1] = fill.1
            pixels[i + 2] = fill.2
        }
        self.pixels = pixels
    }

    /// Wraps existing pixels; nil when the count does not match the size.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The picture turned by a multiple of 90° counter-clockwise (a display-matrix rotation as ffprobe prints it:
    /// -90 means "turn 90° clockwise to show upright"). Other angles are rounded to the nearest quarter turn.
    public func rotated(degrees: Double) -> RGBImage {
        let quarters = ((Int((degrees / 90).rounded()) % 4) + 4) % 4
        guard quarters != 0 else { return self }
        let outWidth = quarters == 2 ? width : height
        let outHeight = quarters == 2 ? height : width
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width {
                let (nx, ny): (Int, Int)
                switch quarters {
                case 1: (nx, ny) = (y, width - 1 - x)                  // 90° counter-clockwise
                case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
                default: (nx, ny) = (height - 1 - y, x)                // 90° clockwise
                }
                let from = (y * width + x) * 3
                let to = (ny * outWidth + nx) * 3
                out[to] = pixels[from]
                out[to + 1] = pixels[from + 1]
                out[to + 2] = pixels[from + 2]
            }
        }
        return RGBImage(width: outWidth, height: outHeight, pixels: out)!
    }
}
