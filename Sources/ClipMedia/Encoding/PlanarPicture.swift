/// An 8-bit YUV 4:2:0 picture in plain Swift arrays (even width and height): what the encode mode
/// rotates, crops, pads and blurs before handing it to the encoder.
struct PlanarPicture: Equatable {
    var width: Int
    var height: Int
    var y: [UInt8]
    var u: [UInt8]
    var v: [UInt8]

    var chromaWidth: Int { width / 2 }
    var chromaHeight: Int { height / 2 }

    /// A picture of one colour (video-range black by default).
    init(width: Int, height: Int, luma: UInt8 = 16, chroma: UInt8 = 128) {
        self.width = width
        self.height = height
        y = [UInt8](repeating: luma, count: width * height)
        u = [UInt8](repeating: chroma, count: (width / 2) * (height / 2))
        v = u
    }

    init(width: Int, height: Int, y: [UInt8], u: [UInt8], v: [UInt8]) {
        self.width = width
        self.height = height
        self.y = y
        self.u = u
        self.v = v
    }

    /// Turned by quarter turns counter-clockwise (1, 2 or 3; 0 returns the picture unchanged).
    func rotated(quarters: Int) -> PlanarPicture {
        let q = ((quarters % 4) + 4) % 4
        guard q != 0 else { return self }
        let size = q == 2 ? (width, height) : (height, width)
        return PlanarPicture(width: size.0, height: size.1,
                             y: PlanarPicture.rotate(y, width: width, height: height, quarters: q),
                             u: PlanarPicture.rotate(u, width: chromaWidth, height: chromaHeight, quarters: q),
                             v: PlanarPicture.rotate(v, width: chromaWidth, height: chromaHeight, quarters: q))
    }

    private static func rotate(_ plane: [UInt8], width: Int, height: Int, quarters: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: plane.count)
        let outWidth = quarters == 2 ? width : height
        plane.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    let row = y * width
                    for x in 0..<width {
                        let (nx, ny): (Int, Int)
                        switch quarters {
                        case 1: (nx, ny) = (y, width - 1 - x)
                        case 2: (nx, ny) = (width - 1 - x, height - 1 - y)
                        default: (nx, ny) = (height - 1 - y, x)
                        }
                        target[ny * outWidth + nx] = source[row + x]
                    }
                }
            }
        }
        return out
    }

    /// Draws `picture` with its top-left corner at (x, y) (even), clipped to this picture.
    mutating func paste(_ picture: PlanarPicture, x: Int, y top: Int) {
        PlanarPicture.paste(picture.y, width: picture.width, height: picture.height, into: &y, stride: width, rows: height, x: x, y: top)
        PlanarPicture.paste(picture.u, width: picture.chromaWidth, height: picture.chromaHeight, into: &u, stride: chromaWidth, rows: chromaHeight, x: x / 2, y: top / 2)
        PlanarPicture.paste(picture.v, width: picture.chromaWidth, height: picture.chromaHeight, into: &v, stride: chromaWidth, rows: chromaHeight, x: x / 2, y: top / 2)
    }

    private static func paste(_ plane: [UInt8], width: Int, height: Int, into target: inout [UInt8], stride: Int, rows: Int, x: Int, y: Int) {
        let left = max(0, -x), right = min(width, stride - x)
        guard left < right else { return }
        for row in max(0, -y)..<min(height, rows - y) {
            let from = row * width
            let to = (row + y) * stride + x
            target.replaceSubrange(to + left..<to + right, with: plane[from + left..<from + right])
        }
    }

    /// A box blur of the given radius, `passes` times (three passes look Gaussian).
    func blurred(radius: Int, passes: Int = 3) -> PlanarPicture {
        var out = self
        for _ in 0..<passes {
            out.y = PlanarPicture.boxBlur(out.y, width: width, height: height, radius: radius)
            out.u = PlanarPicture.boxBlur(out.u, width: chromaWidth, height: chromaHeight, radius: max(1, radius / 2))
            out.v = PlanarPicture.boxBlur(out.v, width: chromaWidth, height: chromaHeight, radius: max(1, radius / 2))
        }
        return out
    }

    /// Separable box blur with edge clamping (running sums: cost independent of the radius).
    static func boxBlur(_ plane: [UInt8], width: Int, height: Int, radius: Int) -> [UInt8] {
        guard radius > 0, width > 0, height > 0 else { return plane }
        var horizontal = [UInt8](repeating: 0, count: plane.count)
        let span = 2 * radius + 1
        for y in 0..<height {
            let row = y * width
            var sum = 0
            for k in -radius...radius { sum += Int(plane[row + min(width - 1, max(0, k))]) }
            for x in 0..<width {
                horizontal[row + x] = UInt8(sum / span)
                sum += Int(plane[row + min(width - 1, x + radius + 1)]) - Int(plane[row + max(0, x - radius)])
            }
        }
        var out = [UInt8](repeating: 0, count: plane.count)
        for x in 0..<width {
            var sum = 0
            for k in -radius...radius { sum += Int(horizontal[min(height - 1, max(0, k)) * width + x]) }
            for y in 0..<height {
                out[y * width + x] = UInt8(sum / span)
                sum += Int(horizontal[min(height - 1, y + radius + 1) * width + x]) - Int(horizontal[max(0, y - radius) * width + x])
            }
        }
        return out
    }
}
