import Foundation

/// Applies a linear gain to interleaved audio and keeps every sample peak at or below a ceiling, with a
/// short look-ahead so the gain is already down when a peak arrives, and a smooth release after it.
/// Channels are linked (one gain for all). Streams: `process` returns what is ready, `flush` the rest.
struct PeakLimiter {
    let channels: Int
    let gain: Float
    let ceiling: Float
    private let lookahead: Int
    private let release: Float
    /// Frames waiting for their look-ahead window, and the gain each needs on its own.
    private var pending: [Float] = []
    private var needed: [Float] = []
    /// Indices into `needed` of a rising sequence (sliding-window minimum).
    private var window: [Int] = []
    private var windowStart = 0
    private var current: Float = 1

    /// `gainDB`: linear gain in dB; `ceilingDB`: highest sample peak in dBFS; look-ahead 5 ms, release 80 ms.
    init(channels: Int, sampleRate: Int, gainDB: Double, ceilingDB: Double) {
        self.channels = max(1, channels)
        gain = Float(pow10(gainDB / 20))
        ceiling = Float(pow10(ceilingDB / 20))
        lookahead = max(1, sampleRate / 200)
        release = Float(1 - exp(-1 / (0.080 * Double(sampleRate))))
    }

    /// Takes interleaved samples; returns the limited samples that are ready (delayed by the look-ahead).
    mutating func process(_ samples: [Float]) -> [Float] {
        let frames = samples.count / channels
        for f in 0..<frames {
            var peak: Float = 0
            for c in 0..<channels {
                let value = samples[f * channels + c] * gain
                pending.append(value)
                peak = max(peak, abs(value))
            }
            needed.append(peak > ceiling ? ceiling / peak : 1)
            let index = needed.count - 1
            while let last = window.last, needed[last] >= needed[index] { window.removeLast() }
            window.append(index)
        }
        return emit(keeping: lookahead)
    }

    /// The samples still held back.
    mutating func flush() -> [Float] { emit(keeping: 0) }

    private mutating func emit(keeping held: Int) -> [Float] {
        let ready = max(0, needed.count - windowStart - held)
        guard ready > 0 else { return [] }
        var out = [Float](repeating: 0, count: ready * channels)
        for k in 0..<ready {
            let index = windowStart + k
            while let first = window.first, first < index { window.removeFirst() }
            // The least gain needed from this frame through its look-ahead window.
            let target = window.first.map { needed[$0] } ?? 1
            current = target < current ? target : current + (target - current) * release
            for c in 0..<channels {
                let value = pending[(index - windowStart) * channels + c] * current
                out[k * channels + c] = min(ceiling, max(-ceiling, value))
            }
        }
        // Drop what was emitted.
        pending.removeFirst(ready * channels)
        windowStart += ready
        if windowStart > 65_536 {
            needed.removeFirst(windowStart)
            window = window.map { $0 - windowStart }
            windowStart = 0
        }
        return out
    }
}

private func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
