/// Exposure of a picture: mean luma (full range 0–255) and the shares of crushed-black and blown-white pixels.
public struct Exposure: Sendable, Equatable, Codable {
    public var meanLuma: Double
    /// Share of pixels at or below 16 and at or above 240.
    public var shadowShare: Double
    public var highlightShare: Double

    /// Measures `region` of `image` (the whole picture by default); nil for an empty region.
    public init?(_ image: LumaImage, in region: PixelRegion? = nil) {
        let r = region ?? image.whole
        guard !r.isEmpty else { return nil }
        var sum = 0, shadows = 0, highlights = 0
        image.pixels.withUnsafeBufferPointer { p in
            for y in r.y..<(r.y + r.height) {
                for x in r.x..<(r.x + r.width) {
                    let v = Int(p[y * image.width + x])
                    sum += v
                    if v <= 16 { shadows += 1 }
                    if v >= 240 { highlights += 1 }
                }
            }
        }
        let count = Double(r.area)
        meanLuma = Double(sum) / count
        shadowShare = Double(shadows) / count
        highlightShare = Double(highlights) / count
    }
}
