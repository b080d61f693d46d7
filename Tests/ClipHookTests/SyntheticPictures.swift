@testable import ClipHook

/// Pictures made from formulas, for the measures' tests.
enum SyntheticPictures {
    /// A `width × height` luma picture whose pixel values come from `value(x, y)`.
    static func luma(_ width: Int, _ height: Int, _ value: (Int, Int) -> Int) -> LumaImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { pixels[y * width + x] = UInt8(clamping: value(x, y)) } }
        return LumaImage(width: width, height: height, pixels: pixels)
    }

    /// An RGB picture from `value(x, y) -> (r, g, b)`.
    static func rgb(_ width: Int, _ height: Int, _ value: (Int, Int) -> (Int, Int, Int)) -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = value(x, y)
                let i = 3 * (y * width + x)
                pixels[i] = UInt8(clamping: r); pixels[i + 1] = UInt8(clamping: g); pixels[i + 2] = UInt8(clamping: b)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// A checkerboard of `cell`-pixel squares between `low` and `high`.
    static func checkerboard(_ width: Int, _ height: Int, cell: Int, low: Int = 40, high: Int = 200) -> LumaImage {
        luma(width, height) { x, y in (x / cell + y / cell) % 2 == 0 ? low : high }
    }

    /// A box blur of radius `r` (a (2r+1)² mean), edges clamped.
    static func blurred(_ image: LumaImage, radius r: Int) -> LumaImage {
        luma(image.width, image.height) { x, y in
            var sum = 0, count = 0
            for dy in -r...r {
                for dx in -r...r {
                    let sx = min(max(x + dx, 0), image.width - 1), sy = min(max(y + dy, 0), image.height - 1)
                    sum += Int(image.pixels[sy * image.width + sx]); count += 1
                }
            }
            return sum / count
        }
    }
}
