/// A downscaled luma picture as the visual analysis takes it: packed 8-bit pixels, its time and frame number.
public struct LumaFrame: Sendable {
    /// Seconds from the container start (the frame's own time stamp: VFR-correct).
    public var time: Double
    /// Frame number: `round(time × nominal frame rate)`, so that it is the same whatever was decoded.
    public var number: Int
    public var width: Int
    public var height: Int
    /// Row-major luma, `width * height` bytes.
    public var pixels: [UInt8]
    /// Whether the luma spans 0–255 (JPEG range) rather than the video range 16–235.
    public var isFullRange: Bool

    public init(time: Double, number: Int, width: Int, height: Int, pixels: [UInt8], isFullRange: Bool = false) {
        self.time = time
        self.number = number
        self.width = width
        self.height = height
        self.pixels = pixels
        self.isFullRange = isFullRange
    }
}

/// One frame's measures, the per-frame series of a report (full-range luma levels 0–255).
public struct FrameMeasure: Codable, Sendable, Equatable {
    public var time: Double
    public var frame: Int
    /// Mean and standard deviation of luma.
    public var lumaMean: Double
    public var lumaStdev: Double
    /// Mean absolute luma difference to the previous frame; nil for the first frame and after a gap
    /// (fast mode decodes only some frames).
    public var motion: Double?
    /// Share of pixels at or below the black pixel threshold.
    public var blackRatio: Double
    /// The cut detector's adaptive ratio: this frame's motion over the mean motion of its neighbours
    /// (nil where it could not be computed).
    public var cutRatio: Double?
}

/// A frame as the detectors see it: its measures and its full-range luma thumbnail.
public struct MeasuredFrame: Sendable {
    public var measure: FrameMeasure
    /// Full-range luma (0 = black, 255 = white), `width * height` bytes.
    public var pixels: [UInt8]
    public var width: Int
    public var height: Int
    /// Whether the frame given before this one is the one just before it in the stream (false at the start
    /// and after frames were skipped).
    public var followsPrevious: Bool

    public var time: Double { measure.time }
    public var number: Int { measure.frame }
}

/// Where a detector's run ends: the time and frame number just after the last frame.
public struct StreamEnd: Sendable {
    public var time: Double
    public var frame: Int
    public init(time: Double, frame: Int) {
        self.time = time
        self.frame = frame
    }
}
