import Foundation
import Testing
import TestSupport

/// Recordings whose time stamps jump mid-file (a live stream that reconnected) or wrap (MPEG-TS's 33-bit clock):
/// `probe` and `analyze` see one continuous 20 s timeline, and what happens after the jump is found at its
/// place on it, within one frame. The cutting side is in `ClipCutTests/JumpCutTests`.
@Suite struct TimestampJumpTests {
    static let recordings = ["forward.ts", "backward.ts", "wrap.ts", "forward.flv", "backward.flv"]
    static let frame = 1 / TimestampJumpFixture.frameRate

    @Test(arguments: recordings)
    func probeGivesTheContinuousDuration(name: String) throws {
        let recording = try Self.fixture(name)
        let result = try Fixtures.clipkit(["probe", "--json", recording.path])
        #expect(result.status == 0, "\(result.stderr)")
        let info = try #require((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])?.first)
        let duration = try #require(info["duration"] as? Double)
        let expected = recording.firstFrame + TimestampJumpFixture.duration
        #expect(abs(duration - expected) <= Self.frame, "\(name): probe says \(duration) s, the recording lasts \(expected) s")
    }

    @Test(arguments: recordings, ["fast", "exhaustive"])
    func analysisFindsWhatFollowsTheJumpInPlace(name: String, mode: String) throws {
        let recording = try Self.fixture(name)
        let result = try Fixtures.clipkit(["analyze", "--json", "--mode", mode, recording.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let label = "\(name) \(mode)"

        let black = (report["black"] as? [[String: Any]] ?? []).compactMap(Self.interval)
        #expect(black.count == 1, "\(label): black \(black)")
        if let black = black.first {
            #expect(abs(black.lowerBound - recording.time(ofFrame: TimestampJumpFixture.blackFrames.lowerBound)) <= Self.frame, "\(label): black \(black)")
            #expect(abs(black.upperBound - recording.time(ofFrame: TimestampJumpFixture.blackFrames.upperBound)) <= Self.frame, "\(label): black \(black)")
        }
        let cuts = (report["cuts"] as? [[String: Any]] ?? []).compactMap { $0["time"] as? Double }
        let bars = recording.time(ofFrame: TimestampJumpFixture.cutFrame)
        #expect(cuts.contains { abs($0 - bars) <= Self.frame }, "\(label): no cut at \(bars) s in \(cuts)")

        let silence = (report["silence"] as? [[String: Any]] ?? []).compactMap(Self.interval)
        let expected = (recording.firstFrame + TimestampJumpFixture.silence.lowerBound)...(recording.firstFrame + TimestampJumpFixture.silence.upperBound)
        #expect(silence.count == 1, "\(label): silence \(silence)")
        if let silence = silence.first {
            #expect(abs(silence.lowerBound - expected.lowerBound) <= Self.frame && abs(silence.upperBound - expected.upperBound) <= Self.frame,
                    "\(label): silence \(silence), expected \(expected)")
        }
    }

    static func fixture(_ name: String) throws -> TimestampJumpFixture {
        let parts = name.split(separator: ".")
        return try TimestampJumpFixture.make(try #require(TimestampJumpFixture.Jump(rawValue: String(parts[0]))), format: String(parts[1]))
    }

    static func interval(_ object: [String: Any]) -> ClosedRange<Double>? {
        guard let start = object["start"] as? Double, let end = object["end"] as? Double, end >= start else { return nil }
        return start...end
    }
}
