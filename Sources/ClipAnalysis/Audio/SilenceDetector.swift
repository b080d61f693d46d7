import Foundation

/// Finds silences the way ffmpeg's `silencedetect` does: a silence starts at the first sample whose every
/// channel is below the threshold and counts once it has lasted `minDuration`; it ends at the next sample
/// at or above the threshold.
public struct SilenceDetector: Sendable {
    public let settings: SilenceSettings
    private let threshold: Float
    private var quietSince: Double?
    private var lastTime: Double?
    public private(set) var intervals: [Interval] = []

    public init(settings: SilenceSettings) {
        self.settings = settings
        threshold = Float(pow(10, settings.thresholdDB / 20))
    }

    /// Feeds interleaved samples whose first sample plays at `time`.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>, channels: Int, sampleRate: Int, time: Double) {
        let frames = samples.count / channels
        let step = 1 / Double(sampleRate)
        for frame in 0..<frames {
            var loud = false
            for channel in 0..<channels where abs(samples[frame * channels + channel]) >= threshold { loud = true }
            let t = time + Double(frame) * step
            if loud {
                if firstSoundTime == nil { firstSoundTime = t }
                if let start = quietSince { close(start: start, end: t) }
                quietSince = nil
            } else if quietSince == nil {
                quietSince = t
            }
        }
        lastTime = time + Double(frames) * step
    }

    private mutating func close(start: Double, end: Double) {
        if end - start >= settings.minDuration - 1e-9 { intervals.append(Interval(start: start, end: end)) }
    }

    /// Closes a silence still open at the end of the audio.
    public mutating func finish() {
        if let start = quietSince, let end = lastTime { close(start: start, end: end) }
        quietSince = nil
    }

    /// Seconds from the container start of the first sample at or above the threshold, if any so far.
    public private(set) var firstSoundTime: Double?
}
