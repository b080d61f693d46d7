import Foundation
import Testing
@testable import ClipAnalysis

/// Silence and speech presence on synthetic mono signals at 48 kHz.
struct AudioDetectorTests {
    static let rate = 48_000

    static func tone(_ seconds: Double, amplitude: Double, hz: Double = 440) -> [Float] {
        (0..<Int(seconds * Double(rate))).map { Float(amplitude * sin(2 * .pi * hz * Double($0) / Double(rate))) }
    }

    static func zeros(_ seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * Double(rate))) }

    /// Deterministic white noise in -1…1.
    static func noise(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state >> 11) % 1_000_000) / 1_000_000
        }
    }

    @Test func silenceIntervalsFollowTheSilencedetectRule() {
        // 1 s tone, 0.5 s silence, 1 s tone, 0.2 s silence (shorter than the minimum), 1 s tone, 0.6 s silence at the end.
        let signal = Self.tone(1, amplitude: 0.1) + Self.zeros(0.5) + Self.tone(1, amplitude: 0.1) + Self.zeros(0.2)
            + Self.tone(1, amplitude: 0.1) + Self.zeros(0.6)
        var detector = SilenceDetector(settings: SilenceSettings(thresholdDB: -40, minDuration: 0.3))
        signal.withUnsafeBufferPointer { detector.process($0, channels: 1, sampleRate: Self.rate, time: 10) }
        detector.finish()
        // The sine's own zero crossings are single quiet samples, far shorter than the minimum.
        #expect(detector.intervals.count == 2)
        #expect(abs(detector.intervals[0].start - 11.0) < 0.001)
        #expect(abs(detector.intervals[0].end - 11.5) < 0.001)
        #expect(abs(detector.intervals[1].start - 13.7) < 0.001)
        #expect(abs(detector.intervals[1].end - 14.3) < 0.001)
        #expect(detector.firstSoundTime.map { $0 >= 10 && $0 < 10.001 } == true)
    }

    @Test func silenceNeedsEveryChannelQuiet() {
        // Stereo: left silent, right a tone: never silent.
        let right = Self.tone(1, amplitude: 0.1)
        var stereo = [Float](repeating: 0, count: right.count * 2)
        for i in right.indices { stereo[2 * i + 1] = right[i] }
        var detector = SilenceDetector(settings: SilenceSettings(thresholdDB: -40, minDuration: 0.3))
        stereo.withUnsafeBufferPointer { detector.process($0, channels: 2, sampleRate: Self.rate, time: 0) }
        detector.finish()
        #expect(detector.intervals.isEmpty)
    }

    /// Speech-like: band-limited noise switched on and off at syllable rate (about 4 Hz) with short pauses.
    static func speechLike(seconds: Int) -> [Float] {
        let n = seconds * rate
        let white = noise(n, seed: 7)
        var band = [Biquad.highPass(cutoff: 300, sampleRate: Double(rate)), .lowPass(cutoff: 3000, sampleRate: Double(rate))]
        return (0..<n).map { i in
            let t = Double(i) / Double(rate)
            let syllable = max(0, sin(2 * .pi * 4 * t))         // 4 syllables a second, silent half-cycles
            var y = white[i]
            for k in band.indices { y = band[k].process(y) }
            return Float(0.4 * syllable * y)
        }
    }

    /// Music-like: a sustained chord with a slow swell.
    static func musicLike(seconds: Int) -> [Float] {
        (0..<(seconds * rate)).map { i in
            let t = Double(i) / Double(rate)
            let chord = sin(2 * .pi * 220 * t) + sin(2 * .pi * 277.2 * t) + sin(2 * .pi * 329.6 * t) + 0.5 * sin(2 * .pi * 880 * t)
            return Float(0.08 * (1 + 0.2 * sin(2 * .pi * 0.5 * t)) * chord)
        }
    }

    static func scores(_ signal: [Float]) -> [Int: Double] {
        var presence = SpeechPresence(settings: SpeechSettings(), sampleRate: rate)
        var scores: [Int: Double] = [:]
        signal.withUnsafeBufferPointer { presence.process($0, channels: 1, time: 0) { scores[$0] = $1 } }
        presence.finish { scores[$0] = $1 }
        return scores
    }

    @Test func speechScoresAboveMusicAndRoomTone() {
        let speech = Self.scores(Self.speechLike(seconds: 4))
        let music = Self.scores(Self.musicLike(seconds: 4))
        let roomTone = Self.scores(Self.noise(4 * Self.rate, seed: 3).map { Float($0 * 0.001) })
        #expect(speech.count == 4 && music.count == 4 && roomTone.count == 4)
        #expect(speech.values.allSatisfy { $0 >= 0.7 }, "speech \(speech)")
        #expect(music.values.allSatisfy { $0 <= 0.2 }, "music \(music)")
        #expect(roomTone.values.allSatisfy { $0 == 0 }, "room tone \(roomTone)")
    }
}
