import Foundation

/// Block loudness values binned at 0.1 LU from -70 to +30 LUFS (as ffmpeg's ebur128 filter does), so that
/// integrated loudness and loudness range use bounded memory however long the recording.
struct LoudnessHistogram: Sendable {
    static let floor = -70.0
    static let binWidth = 0.1
    static let binCount = 1000
    private var counts = [Int](repeating: 0, count: binCount)
    private var powers = [Double](repeating: 0, count: binCount)

    /// Adds a block's mean-square power (K-weighted, channel-summed); blocks below -70 LUFS are gated out.
    mutating func add(power: Double) {
        let lufs = Self.loudness(power)
        guard lufs >= Self.floor else { return }
        let bin = min(Self.binCount - 1, Int((lufs - Self.floor) / Self.binWidth))
        counts[bin] += 1
        powers[bin] += power
    }

    static func loudness(_ power: Double) -> Double { -0.691 + 10 * log10(power) }
    static func power(_ lufs: Double) -> Double { pow(10, (lufs + 0.691) / 10) }

    private func bin(of lufs: Double) -> Int {
        max(0, min(Self.binCount - 1, Int(((lufs - Self.floor) / Self.binWidth).rounded(.up))))
    }

    /// Mean power of the blocks in bins from `first` on, and their count.
    private func mean(from first: Int) -> (power: Double, count: Int) {
        var total = 0.0, count = 0
        for i in first..<Self.binCount { total += powers[i]; count += counts[i] }
        return (count > 0 ? total / Double(count) : 0, count)
    }

    /// BS.1770 integrated loudness: absolute gate -70 LUFS, then relative gate `relativeGate` LU below the
    /// mean of the blocks above it. Nil when no block passes.
    func gatedLoudness(relativeGate: Double) -> Double? {
        let absolute = mean(from: 0)
        guard absolute.count > 0 else { return nil }
        let threshold = Self.loudness(absolute.power) + relativeGate
        let relative = mean(from: bin(of: threshold))
        guard relative.count > 0 else { return nil }
        return Self.loudness(relative.power)
    }

    /// EBU Tech 3342 loudness range of short-term values: relative gate -20 LU, then the spread between the
    /// 10th and 95th percentiles. Nil when no block passes.
    func loudnessRange() -> Double? {
        let absolute = mean(from: 0)
        guard absolute.count > 0 else { return nil }
        let first = bin(of: Self.loudness(absolute.power) - 20)
        let total = counts[first...].reduce(0, +)
        guard total > 0 else { return nil }
        func percentile(_ p: Double) -> Double {
            let target = Int((Double(total - 1) * p).rounded(.down))
            var seen = 0
            for i in first..<Self.binCount {
                seen += counts[i]
                if seen > target { return Self.floor + Double(i) * Self.binWidth }
            }
            return Self.floor + Double(Self.binCount - 1) * Self.binWidth
        }
        return percentile(0.95) - percentile(0.10)
    }
}
