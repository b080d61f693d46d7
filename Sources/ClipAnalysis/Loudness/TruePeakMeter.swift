import Foundation

/// Inter-sample ("true") peak per ITU-R BS.1770-4 Annex 2: 4× oversampling with a 48-tap windowed-sinc
/// interpolator, the largest absolute value of the oversampled signal. Work is skipped where the
/// interpolator provably cannot exceed the peak found so far, so quiet passages cost almost nothing.
struct TruePeakMeter: Sendable {
    static let factor = 4
    static let tapsPerPhase = 12
    /// phases[p][t]: coefficient applied to the sample t steps back for output phase p.
    private static let phases: [[Double]] = {
        let length = factor * tapsPerPhase
        let middle = Double(length) / 2
        let h = (0..<length).map { m -> Double in
            let x = (Double(m) - middle) / Double(factor)
            let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
            let window = 0.5 - 0.5 * cos(2 * Double.pi * (Double(m) + 0.5) / Double(length))
            return sinc * window
        }
        return (0..<factor).map { p in (0..<tapsPerPhase).map { t in h[factor * t + p] } }
    }()
    /// The most any phase can amplify its input: sum of absolute coefficients.
    private static let gainBound: Double = phases.map { $0.reduce(0) { $0 + abs($1) } }.max() ?? 1

    private var history: [[Double]]
    private var position = 0
    private var samplesSinceLoud: [Int]
    private(set) var peak = 0.0

    init(channels: Int) {
        history = Array(repeating: Array(repeating: 0, count: Self.tapsPerPhase), count: channels)
        samplesSinceLoud = Array(repeating: Self.tapsPerPhase, count: channels)
    }

    /// Adds one sample of one channel; call for every channel before advancing with `advance()`.
    @inline(__always)
    mutating func add(_ x: Double, channel: Int) {
        history[channel][position] = x
        if abs(x) * Self.gainBound > peak {
            samplesSinceLoud[channel] = 0
        } else if samplesSinceLoud[channel] < Self.tapsPerPhase {
            samplesSinceLoud[channel] += 1
        }
        guard samplesSinceLoud[channel] < Self.tapsPerPhase else { return }
        let taps = Self.tapsPerPhase
        history[channel].withUnsafeBufferPointer { h in
            for coefficients in Self.phases {
                var sum = 0.0
                var index = position
                for t in 0..<taps {
                    sum += coefficients[t] * h[index]
                    index = index == 0 ? taps - 1 : index - 1
                }
                if abs(sum) > peak { peak = abs(sum) }
            }
        }
    }

    @inline(__always)
    mutating func advance() {
        position = position + 1 == Self.tapsPerPhase ? 0 : position + 1
    }
}
