/// Colourfulness after Hasler & Süsstrunk (2003), "Measuring colourfulness in natural images":
/// with rg = R − G and yb = (R + G)/2 − B, M = √(σrg² + σyb²) + 0.3·√(μrg² + μyb²).
/// Their scale: 0 not colourful, ≈15 slightly, ≈33 moderately, ≈45 averagely, ≈59 quite, ≈82 highly colourful.
public enum Colorfulness {
    /// M for the pixels of `region` (the whole picture by default); nil for an empty region.
    public static func haslerSusstrunk(_ image: RGBImage, in region: PixelRegion? = nil) -> Double? {
        let r = region ?? image.whole
        guard !r.isEmpty, r.x >= 0, r.y >= 0, r.x + r.width <= image.width, r.y + r.height <= image.height else { return nil }
        var sumRG = 0.0, sumYB = 0.0, squaresRG = 0.0, squaresYB = 0.0
        image.pixels.withUnsafeBufferPointer { p in
            for y in r.y..<(r.y + r.height) {
                for x in r.x..<(r.x + r.width) {
                    let i = 3 * (y * image.width + x)
                    let red = Double(p[i]), green = Double(p[i + 1]), blue = Double(p[i + 2])
                    let rg = red - green
                    let yb = 0.5 * (red + green) - blue
                    sumRG += rg
                    sumYB += yb
                    squaresRG += rg * rg
                    squaresYB += yb * yb
                }
            }
        }
        let n = Double(r.area)
        let meanRG = sumRG / n, meanYB = sumYB / n
        let varianceRG = max(0, squaresRG / n - meanRG * meanRG)
        let varianceYB = max(0, squaresYB / n - meanYB * meanYB)
        return (varianceRG + varianceYB).squareRoot() + 0.3 * (meanRG * meanRG + meanYB * meanYB).squareRoot()
    }
}
