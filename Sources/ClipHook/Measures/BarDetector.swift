/// Letterbox (top/bottom) and pillarbox (left/right) bars: the uniform dark rows and columns at the
/// edges of a picture, the way ffmpeg's `cropdetect` finds them. A row or column belongs to a bar when
/// none of its pixels is brighter than `maxLuma`.
public struct BarDetector: Sendable {
    /// The brightest luma (full range) a bar pixel may have; compression noise on black stays far below it.
    public var maxLuma: UInt8

    public init(maxLuma: UInt8 = 24) {
        self.maxLuma = maxLuma
    }

    /// The bars of one picture. A picture that is dark all over (a black frame) has no measurable bars: nil.
    public func bars(in image: LumaImage) -> Bars? {
        let w = image.width, h = image.height
        guard w > 0, h > 0 else { return nil }
        return image.pixels.withUnsafeBufferPointer { p -> Bars? in
            func rowIsBar(_ y: Int) -> Bool {
                for x in 0..<w where p[y * w + x] > maxLuma { return false }
                return true
            }
            var top = 0
            while top < h, rowIsBar(top) { top += 1 }
            if top == h { return nil }
            var bottom = 0
            while bottom < h - top, rowIsBar(h - 1 - bottom) { bottom += 1 }
            func columnIsBar(_ x: Int) -> Bool {
                for y in top..<(h - bottom) where p[y * w + x] > maxLuma { return false }
                return true
            }
            var left = 0
            while left < w, columnIsBar(left) { left += 1 }
            var right = 0
            while right < w - left, columnIsBar(w - 1 - right) { right += 1 }
            return Bars(top: Double(top) / Double(h), bottom: Double(bottom) / Double(h),
                        left: Double(left) / Double(w), right: Double(right) / Double(w))
        }
    }
}

/// The share of the picture height (top, bottom) and width (left, right) taken by bars, each 0…1.
public struct Bars: Sendable, Equatable, Codable {
    public var top: Double
    public var bottom: Double
    public var left: Double
    public var right: Double

    public init(top: Double, bottom: Double, left: Double, right: Double) {
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    public static let none = Bars(top: 0, bottom: 0, left: 0, right: 0)

    /// The share of the frame's area covered by bars (0 with none; 0.68 for 16:9 letterboxed into 9:16).
    public var coveredFraction: Double {
        1 - max(0, 1 - top - bottom) * max(0, 1 - left - right)
    }

    /// The picture inside the bars, in pixels of a `width × height` frame.
    public func content(width: Int, height: Int) -> PixelRegion {
        let x = Int((left * Double(width)).rounded()), y = Int((top * Double(height)).rounded())
        let right = Int((self.right * Double(width)).rounded()), bottom = Int((self.bottom * Double(height)).rounded())
        return PixelRegion(x: x, y: y, width: width - x - right, height: height - y - bottom)
    }

    /// The bars present in every one of several pictures: the smallest on each side. Bars are fixed in a
    /// creative, so a dark scene edge in one frame does not count as a bar.
    public static func common(_ all: [Bars]) -> Bars? {
        guard let first = all.first else { return nil }
        return all.dropFirst().reduce(first) { a, b in
            Bars(top: min(a.top, b.top), bottom: min(a.bottom, b.bottom), left: min(a.left, b.left), right: min(a.right, b.right))
        }
    }
}
