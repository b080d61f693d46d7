import Foundation

/// Momentary and short-term loudness at one moment, every 100 ms (LUFS; nil below -70 LUFS).
public struct LoudnessPoint: Codable, Sendable, Equatable {
    /// Seconds from the container start at the end of the measured block.
    public var time: Double
    /// 400 ms window.
    public var momentary: Double?
    /// 3 s window (nil until 3 s of audio have been measured).
    public var shortTerm: Double?
}

/// The loudness figures of a whole analysed range (EBU R128 / ITU-R BS.1770-4).
public struct LoudnessSummary: Codable, Sendable, Equatable {
    /// Integrated loudness with gating, LUFS.
    public var integrated: Double?
    /// Loudness range (EBU Tech 3342), LU.
    public var range: Double?
    /// Largest momentary and short-term loudness, LUFS.
    public var maxMomentary: Double?
    public var maxShortTerm: Double?
    /// Largest absolute sample value, dBFS.
    public var samplePeak: Double?
    /// Largest inter-sample value after 4× oversampling, dBTP.
    public var truePeak: Double?

    public init(integrated: Double? = nil, range: Double? = nil, maxMomentary: Double? = nil, maxShortTerm: Double? = nil,
                samplePeak: Double? = nil, truePeak: Double? = nil) {
        self.integrated = integrated
        self.range = range
        self.maxMomentary = maxMomentary
        self.maxShortTerm = maxShortTerm
        self.samplePeak = samplePeak
        self.truePeak = truePeak
    }
}

/// Measures loudness per ITU-R BS.1770-4 / EBU R128 from interleaved samples: K-weighting, 100 ms
/// sub-blocks, momentary (400 ms), short-term (3 s), gated integrated loudness, loudness range and peaks.
/// Memory is bounded: gating uses 0.1 LU histograms.
public struct LoudnessMeter: Sendable {
    public let channels: Int
    public let sampleRate: Int
    private var shelves: [Biquad]
    private var highPasses: [Biquad]
    private var subBlockEnergy: [Double]
    private var subBlockFill = 0
    private let subBlockLength: Int
    /// Channel-summed mean-square of the last 30 sub-blocks, newest last.
    private var recent: [Double] = []
    private var integratedHistogram = LoudnessHistogram()
    private var rangeHistogram = LoudnessHistogram()
    private var truePeakMeter: TruePeakMeter
    private var samplePeak = 0.0
    private var maxMomentary: Double?
    private var maxShortTerm: Double?

    public init(sampleRate: Int, channels: Int) {
        self.sampleRate = sampleRate
        self.channels = channels
        shelves = Array(repeating: .kWeightingShelf(sampleRate: Double(sampleRate)), count: channels)
        highPasses = Array(repeating: .kWeightingHighPass(sampleRate: Double(sampleRate)), count: channels)
        subBlockEnergy = Array(repeating: 0, count: channels)
        subBlockLength = sampleRate / 10
        truePeakMeter = TruePeakMeter(channels: channels)
    }

    /// Feeds interleaved samples whose first sample plays at `time`; calls `point` every 100 ms of audio.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>, time: Double, point: (LoudnessPoint) -> Void) {
        let frames = samples.count / channels
        var done = 0
        // A sub-block's worth (or what is left) at a time, channel by channel, with the filter state in locals.
        while done < frames {
            let block = done..<min(frames, done + subBlockLength - subBlockFill)
            for channel in 0..<channels {
                var shelf = shelves[channel], highPass = highPasses[channel]
                var energy = subBlockEnergy[channel], peak = samplePeak
                for frame in block {
                    let x = Double(samples[frame * channels + channel])
                    let weighted = highPass.process(shelf.process(x))
                    energy += weighted * weighted
                    peak = max(peak, abs(x))
                }
                shelves[channel] = shelf
                highPasses[channel] = highPass
                subBlockEnergy[channel] = energy
                samplePeak = peak
                truePeakMeter.add(samples, frames: block, channel: channel, channels: channels)
            }
            subBlockFill += block.count
            done = block.upperBound
            if subBlockFill == subBlockLength {
                point(finishSubBlock(endTime: time + Double(done) / Double(sampleRate)))
            }
        }
    }

    private mutating func finishSubBlock(endTime: Double) -> LoudnessPoint {
        let power = subBlockEnergy.reduce(0, +) / Double(subBlockLength)
        for c in 0..<channels { subBlockEnergy[c] = 0 }
        subBlockFill = 0
        recent.append(power)
        if recent.count > 30 { recent.removeFirst() }
        var result = LoudnessPoint(time: endTime, momentary: nil, shortTerm: nil)
        if recent.count >= 4 {
            let momentaryPower = recent.suffix(4).reduce(0, +) / 4
            integratedHistogram.add(power: momentaryPower)
            result.momentary = Self.lufs(momentaryPower)
            if let m = result.momentary { maxMomentary = max(maxMomentary ?? m, m) }
        }
        if recent.count == 30 {
            let shortPower = recent.reduce(0, +) / 30
            rangeHistogram.add(power: shortPower)
            result.shortTerm = Self.lufs(shortPower)
            if let s = result.shortTerm { maxShortTerm = max(maxShortTerm ?? s, s) }
        }
        return result
    }

    /// LUFS for a channel-summed mean-square power; nil below the -70 LUFS absolute gate (silence).
    static func lufs(_ power: Double) -> Double? {
        guard power > 0 else { return nil }
        let value = LoudnessHistogram.loudness(power)
        return value >= LoudnessHistogram.floor ? value : nil
    }

    /// The figures so far.
    public var summary: LoudnessSummary {
        LoudnessSummary(
            integrated: integratedHistogram.gatedLoudness(relativeGate: -10),
            range: rangeHistogram.loudnessRange(),
            maxMomentary: maxMomentary,
            maxShortTerm: maxShortTerm,
            samplePeak: samplePeak > 0 ? 20 * log10(samplePeak) : nil,
            truePeak: truePeakMeter.peak > 0 ? 20 * log10(max(truePeakMeter.peak, samplePeak)) : nil
        )
    }
}
