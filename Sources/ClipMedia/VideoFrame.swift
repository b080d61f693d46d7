/// The pixel layout of a decoded, downscaled frame.
public enum PixelLayout: String, Sendable, Codable {
    /// One byte of luma per pixel.
    case gray
    /// Three bytes (R, G, B) per pixel.
    case rgb
}

/// A decoded video frame, scaled down for analysis: tightly packed pixels and its time.
public struct VideoFrame: Sendable {
    /// Presentation time in seconds from the container start (VFR-correct: from the frame's own time stamp).
    public let time: Double
    /// Position in output order since the decoder was opened or reset (0-based).
    public let index: Int
    /// Size of `pixels` in pixels.
    public let width: Int
    public let height: Int
    public let layout: PixelLayout
    /// Row-major pixels, `width * height` bytes for gray, three times that for RGB.
    public let pixels: [UInt8]
    /// Whether the decoder marked this frame as a keyframe.
    public let isKeyframe: Bool
    /// Whether luma uses the full 0–255 range (JPEG) rather than the video range 16–235.
    public let isFullRange: Bool
    /// The coded size before scaling.
    public let sourceWidth: Int
    public let sourceHeight: Int

    public init(time: Double, index: Int, width: Int, height: Int, layout: PixelLayout, pixels: [UInt8],
                isKeyframe: Bool = false, isFullRange: Bool = false, sourceWidth: Int? = nil, sourceHeight: Int? = nil) {
        self.time = time
        self.index = index
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
        self.isKeyframe = isKeyframe
        self.isFullRange = isFullRange
        self.sourceWidth = sourceWidth ?? width
        self.sourceHeight = sourceHeight ?? height
    }
}
