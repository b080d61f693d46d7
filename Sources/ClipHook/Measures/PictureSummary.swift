/// The picture measures of the opening, summarised over the sampled frames that are not black:
/// bars common to all of them, median sharpness, mean exposure, median colourfulness.
public struct PictureSummary: Sendable, Equatable, Codable {
    /// Frames measured (black frames are left out: `black_open` speaks for them).
    public var framesMeasured: Int
    public var bars: Bars
    /// Laplacian variance inside the bars at the analysis size.
    public var sharpness: Double
    /// Mean luma 0–255 and shares of crushed/blown pixels inside the bars.
    public var meanLuma: Double
    public var shadowShare: Double
    public var highlightShare: Double
    /// Hasler–Süsstrunk M inside the bars.
    public var colorfulness: Double

    public init(framesMeasured: Int, bars: Bars, sharpness: Double, meanLuma: Double, shadowShare: Double,
                highlightShare: Double, colorfulness: Double) {
        self.framesMeasured = framesMeasured
        self.bars = bars
        self.sharpness = sharpness
        self.meanLuma = meanLuma
        self.shadowShare = shadowShare
        self.highlightShare = highlightShare
        self.colorfulness = colorfulness
    }
}

/// Collects sampled RGB frames of the opening and turns them into a `PictureSummary`.
public struct PictureSampler: Sendable {
    /// A pixel is black at or below this luma (0–255) …
    public var blackPixelLuma: Double
    /// … and a frame is black when at least this share of its pixels are (ffmpeg `blackdetect`'s rule).
    public var blackPictureRatio: Double
    public var barDetector: BarDetector
    private var frames: [(bars: Bars, luma: LumaImage, rgb: RGBImage)] = []

    public init(blackPixelLuma: Double = 25.5, blackPictureRatio: Double = 0.98, barDetector: BarDetector = BarDetector()) {
        self.blackPixelLuma = blackPixelLuma
        self.blackPictureRatio = blackPictureRatio
        self.barDetector = barDetector
    }

    /// Adds one frame; black frames are counted out. Returns whether the frame was kept.
    @discardableResult
    public mutating func add(_ rgb: RGBImage) -> Bool {
        let luma = LumaImage(rgb: rgb)
        guard !isBlack(luma), let bars = barDetector.bars(in: luma) else { return false }
        frames.append((bars, luma, rgb))
        return true
    }

    public var count: Int { frames.count }

    /// The summary, or nil when every sampled frame was black.
    public func summary() -> PictureSummary? {
        guard let bars = Bars.common(frames.map(\.bars)) else { return nil }
        var sharpness: [Double] = [], colorfulness: [Double] = [], exposures: [Exposure] = []
        for frame in frames {
            let region = bars.content(width: frame.luma.width, height: frame.luma.height)
            if let value = Sharpness.laplacianVariance(frame.luma, in: region) { sharpness.append(value) }
            if let value = Colorfulness.haslerSusstrunk(frame.rgb, in: region) { colorfulness.append(value) }
            if let value = Exposure(frame.luma, in: region) { exposures.append(value) }
        }
        guard !exposures.isEmpty else { return nil }
        let n = Double(exposures.count)
        return PictureSummary(framesMeasured: frames.count, bars: bars,
                              sharpness: Statistics.median(sharpness) ?? 0,
                              meanLuma: exposures.map(\.meanLuma).reduce(0, +) / n,
                              shadowShare: exposures.map(\.shadowShare).reduce(0, +) / n,
                              highlightShare: exposures.map(\.highlightShare).reduce(0, +) / n,
                              colorfulness: Statistics.median(colorfulness) ?? 0)
    }

    private func isBlack(_ image: LumaImage) -> Bool {
        let limit = UInt8(max(0, min(255, blackPixelLuma.rounded(.down))))
        let dark = image.pixels.reduce(0) { $0 + ($1 <= limit ? 1 : 0) }
        return Double(dark) >= blackPictureRatio * Double(image.pixels.count)
    }
}

/// Small order statistics.
enum Statistics {
    /// The median (mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
