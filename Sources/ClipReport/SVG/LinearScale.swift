/// Maps a numeric domain linearly onto a pixel range (the range may run backwards, as a y axis does).
public struct LinearScale: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let rangeStart: Double
    public let rangeEnd: Double

    /// A degenerate domain (lower == upper) is widened by one unit each way so values still map to the middle.
    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        if domain.lowerBound == domain.upperBound {
            lower = domain.lowerBound - 1
            upper = domain.upperBound + 1
        } else {
            lower = domain.lowerBound
            upper = domain.upperBound
        }
        rangeStart = range.0
        rangeEnd = range.1
    }

    public func callAsFunction(_ value: Double) -> Double {
        rangeStart + (value - lower) / (upper - lower) * (rangeEnd - rangeStart)
    }

    /// Round values (1, 2 or 5 × 10^k apart) inside the domain, about `count` intervals.
    public func ticks(_ count: Int = 5) -> [Double] {
        let step = LinearScale.niceStep((upper - lower) / Double(max(1, count)))
        let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }  // + 0 turns −0 into 0
    }

    /// A domain covering `values` whose ends are round tick values; `[0, 1]` without values. With `includeZero`
    /// the domain starts (or ends) at zero, as rates and costs should be drawn.
    public static func niceDomain(_ values: [Double], includeZero: Bool, count: Int = 5) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return 0...1 }
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= includeZero && low >= 0 ? 0 : pad
            high += pad
        }
        let step = niceStep((high - low) / Double(max(1, count)))
        return ((low / step + 1e-9).rounded(.down) * step)...((high / step - 1e-9).rounded(.up) * step)
    }

    /// The round step (1, 2, 2.5 or 5 × 10^k) nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= rough * (1 - 1e-9) {
            return magnitude * factor
        }
        return magnitude * 10
    }
}
