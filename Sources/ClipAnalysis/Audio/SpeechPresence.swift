import Foundation

/// Scores each second 0…1 for a talking voice from two cues: the share of the energy in the speech band
/// (300–3400 Hz by default) and the syllable-rate modulation of that band's 10 ms envelope (speech swings
/// by 10 dB and more between syllables and pauses; music and room tone are steadier). Seconds whose
/// speech-band level is below the floor score 0. The score is the product of the two ramps.
public struct SpeechPresence: Sendable {
    public let settings: SpeechSettings
    private let sampleRate: Int
    private var band: [Biquad]
    private var frameLength: Int
    private var frameFill = 0
    private var frameBand = 0.0
    private var frameTotal = 0.0
    private var second: Int?
    private var envelope: [Double] = []
    private var secondBand = 0.0
    private var secondTotal = 0.0
    private var secondSamples = 0

    public init(settings: SpeechSettings, sampleRate: Int) {
        self.settings = settings
        self.sampleRate = sampleRate
        let rate = Double(sampleRate)
        band = [.highPass(cutoff: settings.lowHz, sampleRate: rate), .highPass(cutoff: settings.lowHz, sampleRate: rate),
                .lowPass(cutoff: settings.highHz, sampleRate: rate), .lowPass(cutoff: settings.highHz, sampleRate: rate)]
        frameLength = max(1, sampleRate / 100)
    }

    /// Feeds interleaved samples (channels are averaged) whose first sample plays at `time`;
    /// calls `scored(second, score)` when a second is complete.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>, channels: Int, time: Double,
                                 scored: (Int, Double) -> Void) {
        let frames = samples.count / channels
        let scale = 1 / Double(channels)
        // The band filters' state in locals for the loop (this runs on every sample), written back after it.
        var (high1, high2, low1, low2) = (band[0], band[1], band[2], band[3])
        defer { band = [high1, high2, low1, low2] }
        for frame in 0..<frames {
            var x = 0.0
            for channel in 0..<channels { x += Double(samples[frame * channels + channel]) }
            x *= scale
            let y = low2.process(low1.process(high2.process(high1.process(x))))
            frameBand += y * y
            frameTotal += x * x
            frameFill += 1
            if frameFill == frameLength {
                let t = time + Double(frame) / Double(sampleRate)
                let index = Int(t.rounded(.down))
                if let current = second, current != index { scored(current, finishSecond()) }
                second = index
                envelope.append(10 * log10(frameBand / Double(frameLength) + 1e-12))
                secondBand += frameBand
                secondTotal += frameTotal
                secondSamples += frameLength
                frameFill = 0; frameBand = 0; frameTotal = 0
            }
        }
    }

    /// Scores the last, possibly partial, second.
    public mutating func finish(scored: (Int, Double) -> Void) {
        if let current = second, !envelope.isEmpty { scored(current, finishSecond()) }
        second = nil
    }

    private mutating func finishSecond() -> Double {
        defer { envelope.removeAll(keepingCapacity: true); secondBand = 0; secondTotal = 0; secondSamples = 0 }
        return Self.score(bandLevelDB: 10 * log10(secondBand / Double(max(1, secondSamples)) + 1e-12),
                          bandShare: secondTotal > 0 ? secondBand / secondTotal : 0,
                          envelope: envelope, settings: settings)
    }

    /// The score of one second from its measures (pure, for tests and documentation).
    public static func score(bandLevelDB: Double, bandShare: Double, envelope: [Double], settings: SpeechSettings) -> Double {
        guard bandLevelDB >= settings.floorDB, envelope.count >= 10 else { return 0 }
        // Frames far below the floor are clamped so that digital silence between words does not dominate.
        let clamped = envelope.map { max($0, settings.floorDB - 20) }
        let mean = clamped.reduce(0, +) / Double(clamped.count)
        let deviation = (clamped.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(clamped.count)).squareRoot()
        let share = ramp(bandShare, settings.bandShareLow, settings.bandShareHigh)
        let modulation = ramp(deviation, settings.modulationLowDB, settings.modulationHighDB)
        return share * modulation
    }

    static func ramp(_ x: Double, _ low: Double, _ high: Double) -> Double {
        min(1, max(0, (x - low) / (high - low)))
    }
}
