import Foundation
import Testing
@testable import ClipAnalysis

/// Synthetic signals with known loudness (EBU Tech 3341 test cases 1–2 and peaks).
struct LoudnessMeterTests {
    /// Interleaved stereo sine, `seconds` long, peak amplitude in dBFS.
    static func stereoSine(dBFS: Double, hz: Double = 1000, seconds: Double, rate: Int = 48_000) -> [Float] {
        let amplitude = pow(10, dBFS / 20)
        let count = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: count * 2)
        for i in 0..<count {
            let v = Float(amplitude * sin(2 * .pi * hz * Double(i) / Double(rate)))
            out[2 * i] = v
            out[2 * i + 1] = v
        }
        return out
    }

    static func measure(_ samples: [Float], channels: Int = 2) -> (LoudnessSummary, [LoudnessPoint]) {
        var meter = LoudnessMeter(sampleRate: 48_000, channels: channels)
        var points: [LoudnessPoint] = []
        samples.withUnsafeBufferPointer { meter.process($0, time: 0) { points.append($0) } }
        return (meter.summary, points)
    }

    @Test func sineAtMinus23IsMinus23LUFS() throws {
        let (summary, points) = Self.measure(Self.stereoSine(dBFS: -23, seconds: 6))
        #expect(abs(try #require(summary.integrated) + 23) < 0.1)
        #expect(abs(try #require(points.last?.momentary) + 23) < 0.1)
        #expect(abs(try #require(points.last?.shortTerm) + 23) < 0.1)
        #expect(points.count == 60)
        #expect(abs(try #require(summary.samplePeak) + 23) < 0.01)
        #expect(try #require(summary.range) < 0.2)
    }

    @Test func gatingIgnoresQuietPartsAndRangeSeesTheSteps() throws {
        // 5 s at -36, 20 s at -23, 5 s at -36 dBFS (Tech 3341 case 3 in spirit): the -36 parts are above the
        // absolute gate but below the relative gate (-33), so integrated stays at -23.
        let quiet = Self.stereoSine(dBFS: -36, seconds: 5)
        let loud = Self.stereoSine(dBFS: -23, seconds: 20)
        let (summary, _) = Self.measure(quiet + loud + quiet)
        #expect(abs(try #require(summary.integrated) + 23) < 0.2)
        // Short-term values from -36 to -23: relative gate -20 keeps them, range ≈ 13 LU.
        #expect(abs(try #require(summary.range) - 13) < 1.0)
    }

    @Test func silenceHasNoLoudness() {
        let (summary, points) = Self.measure([Float](repeating: 0, count: 48_000 * 2 * 4))
        #expect(summary.integrated == nil)
        #expect(points.allSatisfy { $0.momentary == nil })
        #expect(summary.samplePeak == nil)
    }

    @Test func truePeakSeesBetweenSamples() throws {
        // A sine at a quarter of the sample rate with a 45° phase: samples hit ±0.707 of the true amplitude.
        let amplitude = 0.5
        let samples = (0..<48_000).map { Float(amplitude * sin(Double.pi / 2 * Double($0) + .pi / 4)) }
        let (summary, _) = Self.measure(samples, channels: 1)
        let sample = try #require(summary.samplePeak), truePeak = try #require(summary.truePeak)
        #expect(abs(sample - 20 * log10(amplitude * 0.7071)) < 0.05)
        #expect(abs(truePeak - 20 * log10(amplitude)) < 0.5)
    }
}
