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
    /// Frames not yet dropped (emitted ones before `windowStart` are dropped in batches), and the gain each needs on its own.
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
        var out: [Float] = []
        out.reserveCapacity(samples.count)
        for f in 0..<samples.count / channels {
            var peak: Float = 0
            for c in 0..<channels {
                let value = samples[f * channels + c] * gain
                pending.append(value)
                peak = max(peak, abs(value))
            }
            needed.append(peak > ceiling ? ceiling / peak : 1)
            let index = needed.count - 1
            while let last = window.last, last >= windowStart, needed[last] >= needed[index] { window.removeLast() }
            window.append(index)
            if needed.count - windowStart > lookahead { emitOne(into: &out) }
        }
        compact()
        return out
    }

    /// The samples still held back.
    mutating func flush() -> [Float] {
        var out: [Float] = []
        while windowStart < needed.count { emitOne(into: &out) }
        compact()
        return out
    }

    /// Emits the oldest held frame with the least gain needed over it and its look-ahead.
    private mutating func emitOne(into out: inout [Float]) {
        let index = windowStart
        while let first = window.first, first < index { window.removeFirst() }
        let target = window.first.map { needed[$0] } ?? 1
        current = target < current ? target : current + (target - current) * release
        let base = index * channels
        for c in 0..<channels { out.append(min(ceiling, max(-ceiling, pending[base + c] * current))) }
        windowStart += 1
    }

    /// Drops emitted frames from the buffers now and then.
    private mutating func compact() {
        let done = windowStart
        guard done > 4096 || windowStart == needed.count else { return }
        pending.removeFirst(done * channels)
        needed.removeFirst(done)
        window = window.map { $0 - done }
        windowStart = 0
    }
}

private func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
