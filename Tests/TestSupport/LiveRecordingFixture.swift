import Foundation

/// A generated live-room recording with known climaxes and decoys, plus its live-room export and transcript.
/// Calm talk (speech-band noise at a syllable rhythm) runs throughout; each climax is the host pitching louder
/// and faster with cue phrases, followed seconds later by an order spike; decoys are loud music without speech
/// or orders, and a quiet burst of rapid visual cuts.
public struct LiveRecordingFixture {
    public let path: String
    /// Per-second `offset,orders,comments,viewers` export.
    public let eventsCSV: String
    /// SRT transcript with cue phrases in the climaxes.
    public let transcript: String
    public let climaxes: [ClosedRange<Double>]
    public let musicDecoy: ClosedRange<Double>
    public let cutsDecoy: ClosedRange<Double>
    public let duration: Double

    /// Builds (once per test run) a recording `duration` seconds long at 320x180, 15 fps, keyframe every 2 s.
    public static func make(name: String = "live-room", duration: Double = 240, climaxes: [Double] = [40, 120, 190],
                            climaxLength: Double = 25, music: Double = 80, cuts: Double = 160) throws -> LiveRecordingFixture {
        let spans = climaxes.map { $0...($0 + climaxLength) }
        let musicSpan = music...(music + 20)
        let cutsSpan = cuts...(cuts + 12)
        func inside(_ spans: [ClosedRange<Double>]) -> String {
            spans.map { "between(t,\($0.lowerBound),\($0.upperBound))" }.joined(separator: "+")
        }
        let climax = inside(spans), musicTest = inside([musicSpan])
        // Talk: 3 syllables/s at a calm level; 6/s and 14 dB louder in a climax; off during the music.
        let talkVolume = "if(\(musicTest),0,if(\(climax),1.0,0.2))*(0.5+0.5*sin(2*PI*t*if(\(climax),6,3)))"
        let musicVolume = "if(\(musicTest),1,0)"
        // Picture: a test pattern whose brightness steps every 9 s (shot cuts), every 0.6 s in the cuts decoy.
        let shot = "if(between(t,\(cutsSpan.lowerBound),\(cutsSpan.upperBound)),floor(t/0.6),floor(t/9))"
        let filter = """
        [0:v]eq=brightness='-0.35*mod(\(shot.replacingOccurrences(of: ",", with: "\\,")),2)':eval=frame[v];\
        [1:a]highpass=f=250,lowpass=f=3000,volume='\(talkVolume.replacingOccurrences(of: ",", with: "\\,"))':eval=frame[talk];\
        [2:a]volume='\(musicVolume.replacingOccurrences(of: ",", with: "\\,"))':eval=frame[music];\
        [talk][music]amix=inputs=2:normalize=0[a]
        """
        let path = try MediaFixtures.make("\(name).mp4", [
            "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=15:duration=\(duration)",
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.5:sample_rate=48000:duration=\(duration)",
            "-f", "lavfi", "-i", "aevalsrc='0.25*sin(2*PI*220*t)+0.25*sin(2*PI*277*t)+0.25*sin(2*PI*330*t)':s=48000:d=\(duration)",
            "-filter_complex", filter, "-map", "[v]", "-map", "[a]",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-keyint_min", "30", "-sc_threshold", "0",
            "-c:a", "aac", "-b:a", "96k", "-metadata", "creation_time=2026-11-20T12:00:00Z", "-t", "\(duration)",
        ])

        // Orders: one every ~40 s at random, and a burst of 12 in the 20 s starting 8 s after each climax starts.
        var csv = "offset,orders,comments,viewers\n"
        var generator = FixtureRandom(seed: 11)
        for second in 0..<Int(duration) {
            let t = Double(second)
            let burst = spans.contains { t >= $0.lowerBound + 8 && t < $0.lowerBound + 28 }
            let orders = burst ? (second % 5 < 3 ? 1 : 0) : (generator.next() % 40 == 0 ? 1 : 0)
            let comments = burst || spans.contains { $0.contains(t) } ? 3 : Int(generator.next() % 3 == 0 ? 1 : 0)
            csv += "\(second),\(orders),\(comments),\(800 + Int(generator.next() % 50))\n"
        }
        let events = try MediaFixtures.write("\(name)-events.csv", Data(csv.utf8))

        var srt = ""
        var index = 1
        for start in stride(from: 0.0, to: duration - 4, by: 5) {
            let hot = spans.first { $0.contains(start + 2) }
            let text = hot.map { start - $0.lowerBound < 10 ? "家人们 三二一 上链接" : "最后三单 秒杀 赶紧拍" } ?? "大家好 欢迎来到直播间 看看这款"
            srt += "\(index)\n\(clock(start)) --> \(clock(start + 4))\n\(text)\n\n"
            index += 1
        }
        let transcript = try MediaFixtures.write("\(name).srt", Data(srt.utf8))
        return LiveRecordingFixture(path: path, eventsCSV: events, transcript: transcript, climaxes: spans,
                                    musicDecoy: musicSpan, cutsDecoy: cutsSpan, duration: duration)
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds)
        return String(format: "%02d:%02d:%02d,%03d", s / 3600, s / 60 % 60, s % 60, Int((seconds - Double(s)) * 1000))
    }
}

/// SplitMix64: deterministic noise for fixtures.
public struct FixtureRandom: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
