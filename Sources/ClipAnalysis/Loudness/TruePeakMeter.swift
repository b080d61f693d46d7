import Foundation

/// Inter-sample ("true") peak per ITU-R BS.1770-4 Annex 2: 4× oversampling with a 48-tap windowed-sinc
/// interpolator, the largest absolute value of the oversampled signal. Work is skipped where the
/// interpolator provably cannot exceed the peak found so far, so quiet passages cost almost nothing.
struct TruePeakMeter: Sendable {
    static let factor = 4
    static let tapsPerPhase = 12
    /// phases[p * tapsPerPhase + t]: coefficient applied to the sample t steps back for output phase p.
    private static let phases: [Double] = {
        let length = factor * tapsPerPhase
        let middle = Double(length) / 2
        let h = (0..<length).map { m -> Double in
            let x = (Double(m) - middle) / Double(factor)
            let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
            let window = 0.5 - 0.5 * cos(2 * Double.pi * (Double(m) + 0.5) / Double(length))
            return sinc * window
        }
        return (0..<factor).flatMap { p in (0..<tapsPerPhase).map { t in h[factor * t + p] } }
    }()
    /// The most any phase can amplify its input: sum of absolute coefficients.
    private static let gainBound: Double = (0..<factor).map { p in
        phases[(p * tapsPerPhase)..<((p + 1) * tapsPerPhase)].reduce(0) { $0 + abs($1) }
    }.max() ?? 1

    /// Per channel: the last `tapsPerPhase` samples (a ring), where the newest is, and how many samples ago
    /// one was loud enough to matter.
    private var history: [[Double]]
    private var positions: [Int]
    private var samplesSinceLoud: [Int]
    private(set) var peak = 0.0

    init(channels: Int) {
        history = Array(repeating: Array(repeating: 0, count: Self.tapsPerPhase), count: channels)
        positions = Array(repeating: Self.tapsPerPhase - 1, count: channels)
        samplesSinceLoud = Array(repeating: Self.tapsPerPhase, count: channels)
    }

    /// Adds the samples of `frames` of one channel of interleaved audio. Channels are independent: each may be
    /// fed a block at a time (the peak is the largest value whatever the order).
    mutating func add(_ samples: UnsafeBufferPointer<Float>, frames: Range<Int>, channel: Int, channels: Int) {
        let taps = Self.tapsPerPhase, gainBound = Self.gainBound
        var position = positions[channel], sinceLoud = samplesSinceLoud[channel], peak = self.peak
        history[channel].withUnsafeMutableBufferPointer { h in
            Self.phases.withUnsafeBufferPointer { phases in
                for frame in frames {
                    let x = Double(samples[frame * channels + channel])
                    position = position + 1 == taps ? 0 : position + 1
                    h[position] = x
                    if abs(x) * gainBound > peak {
                        sinceLoud = 0
                    } else if sinceLoud < taps {
                        sinceLoud += 1
                    }
                    guard sinceLoud < taps else { continue }
                    for phase in 0..<Self.factor {
                        var sum = 0.0
                        var index = position
                        for t in 0..<taps {
                            sum += phases[phase * taps + t] * h[index]
                            index = index == 0 ? taps - 1 : index - 1
                        }
                        if abs(sum) > peak { peak = abs(sum) }
                    }
                }
            }
        }
        positions[channel] = position
        samplesSinceLoud[channel] = sinceLoud
        self.peak = peak
    }
}
