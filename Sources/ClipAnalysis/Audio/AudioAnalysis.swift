/// Runs every audio measure over one stream of samples: loudness, silence and speech presence, and keeps
/// per-second figures for the timeline (and the 100 ms loudness series when asked).
public struct AudioAnalysis: Sendable {
    public private(set) var meter: LoudnessMeter
    public private(set) var silence: SilenceDetector
    private var speech: SpeechPresence
    private let keepSeries: Bool
    /// 100 ms loudness points, when `keepSeries` was set.
    public private(set) var series: [LoudnessPoint] = []
    /// Per second: the short-term loudness at its last 100 ms point, the largest momentary loudness, speech.
    public private(set) var seconds: [Int: SecondAudio] = [:]
    /// Seconds of audio measured.
    public private(set) var duration = 0.0

    /// One second's audio figures.
    public struct SecondAudio: Sendable, Equatable {
        public var shortTerm: Double?
        public var maxMomentary: Double?
        public var speech: Double?
    }

    public init(settings: AnalysisSettings, sampleRate: Int, channels: Int, keepSeries: Bool = false) {
        meter = LoudnessMeter(sampleRate: sampleRate, channels: channels)
        silence = SilenceDetector(settings: settings.silence)
        speech = SpeechPresence(settings: settings.speech, sampleRate: sampleRate)
        self.keepSeries = keepSeries
    }

    /// Feeds interleaved samples (as many channels as the meter was made for) starting at `time`.
    public mutating func process(_ samples: [Float], time: Double) {
        let channels = meter.channels, rate = meter.sampleRate
        samples.withUnsafeBufferPointer { buffer in
            meter.process(buffer, time: time) { point in
                if keepSeries { series.append(point) }
                // A point at the end of a second belongs to that second.
                let second = Int((point.time - 1e-6).rounded(.down))
                if let s = point.shortTerm { seconds[second, default: SecondAudio()].shortTerm = s }
                if let m = point.momentary {
                    let old = seconds[second]?.maxMomentary
                    seconds[second, default: SecondAudio()].maxMomentary = max(old ?? m, m)
                }
            }
            silence.process(buffer, channels: channels, sampleRate: rate, time: time)
            speech.process(buffer, channels: channels, time: time) { second, score in
                seconds[second, default: SecondAudio()].speech = score
            }
        }
        duration += Double(samples.count / channels) / Double(rate)
    }

    /// Closes open silences and scores the last second.
    public mutating func finish() {
        silence.finish()
        speech.finish { second, score in seconds[second, default: SecondAudio()].speech = score }
    }
}
