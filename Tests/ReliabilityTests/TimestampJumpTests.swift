import Foundation
import Testing
import TestSupport

/// Recordings whose time stamps jump mid-file (a live stream that reconnected) or wrap (MPEG-TS's 33-bit clock):
/// `probe` and `analyze` see one continuous 20 s timeline, and what happens after the jump is found at its
/// place on it, within one frame, and so are the clips `extract` cuts. Cuts at given times: `ClipCutTests/JumpCutTests`.
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

    /// `extract` cuts clips after the jump where it planned them: ffmpeg's scene detection on each clip finds the
    /// source's picture changes (black in, black out, colour bars) at their continuous time less the clip's start.
    @Test(arguments: ["forward.ts", "backward.flv"], ["copy", "exact"])
    func extractedClipsAfterTheJumpStartWherePlanned(name: String, mode: String) throws {
        let recording = try Self.fixture(name)
        let folder = try Fixtures.temporaryDirectory("jump-extract")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Fixtures.clipkit(["extract", recording.path, "--out", folder.path, "--mode", mode, "--count", "3",
                                           "--min-duration", "3", "--max-duration", "5", "--no-hook"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        let clips = (manifest["recordings"] as? [[String: Any]])?.first?["clips"] as? [[String: Any]] ?? []
        let changes = [TimestampJumpFixture.blackFrames.lowerBound, TimestampJumpFixture.blackFrames.upperBound, TimestampJumpFixture.cutFrame]
            .map(recording.time(ofFrame:))
        var checked = 0
        for clip in clips {
            guard let file = clip["file"] as? String, let start = clip["actualStart"] as? Double,
                  let duration = clip["actualDuration"] as? Double else { continue }
            let inside = changes.filter { $0 > start + 0.2 && $0 < start + duration - 0.2 }
            guard !inside.isEmpty else { continue }
            let seen = try Self.sceneChanges(folder.appendingPathComponent(file).path)
            for change in inside {
                #expect(seen.contains { abs($0 - (change - start)) <= Self.frame },
                        "\(name) \(mode) \(file) from \(start) s: the change at \(change) s should be at \(change - start) s, ffmpeg sees \(seen)")
                checked += 1
            }
        }
        #expect(checked > 0, "\(name) \(mode): no clip covers a picture change after the jump: \(clips)")
    }

    /// Times (seconds from the clip's start) of the frames ffmpeg's scene detection scores as a change.
    static func sceneChanges(_ path: String) throws -> [Double] {
        let result = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-i", path, "-vf", "select='gt(scene,0.3)',showinfo",
                                                        "-an", "-f", "null", "-"])
        return result.stderr.split(separator: "\n").filter { $0.contains("Parsed_showinfo") }.compactMap { line in
            line.components(separatedBy: "pts_time:").dropFirst().first?.split(separator: " ").first.flatMap { Double($0) }
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
