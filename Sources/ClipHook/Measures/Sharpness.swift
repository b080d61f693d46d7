/// Sharpness as the variance of the Laplacian (4-neighbour kernel `0 1 0 / 1 -4 1 / 0 1 0`) of luma,
/// the classic focus measure (Pech-Pacheco et al., 2000). Compare values only at the same analysis size:
/// the checker always measures a picture scaled to the same short side.
public enum Sharpness {
    /// The Laplacian variance inside `region` (its border pixels are only neighbours); nil when the region is
    /// smaller than 3×3.
    public static func laplacianVariance(_ image: LumaImage, in region: PixelRegion? = nil) -> Double? {
        let r = region ?? image.whole
        guard r.width >= 3, r.height >= 3, r.x >= 0, r.y >= 0, r.x + r.width <= image.width, r.y + r.height <= image.height
        else { return nil }
        let w = image.width
        var sum = 0.0, sumSquares = 0.0
        image.pixels.withUnsafeBufferPointer { p in
            for y in (r.y + 1)..<(r.y + r.height - 1) {
                var rowSum = 0, rowSquares = 0
                let row = y * w
                for x in (r.x + 1)..<(r.x + r.width - 1) {
                    let i = row + x
                    let value = Int(p[i - w]) + Int(p[i + w]) + Int(p[i - 1]) + Int(p[i + 1]) - 4 * Int(p[i])
                    rowSum += value
                    rowSquares += value * value
                }
                sum += Double(rowSum)
                sumSquares += Double(rowSquares)
            }
        }
        let count = Double((r.width - 2) * (r.height - 2))
        let mean = sum / count
        return max(0, sumSquares / count - mean * mean)
    }
}
