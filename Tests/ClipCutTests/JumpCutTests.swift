import ClipMedia
import Foundation
import Testing
import TestSupport

/// Cutting after a time stamp jump (a reconnected live stream) or a 33-bit wrap: continuous times map back to
/// the right place in the file. The oracle is ffmpeg's blackdetect on the clip: the source's black ends at
/// continuous frame 376, so in the clip it ends that long after the clip's first frame.
@Suite("cutting across a time stamp jump")
struct JumpCutTests {
    @Test(arguments: ["forward.ts", "backward.ts", "wrap.ts", "forward.flv", "backward.flv"], ["copy", "exact"])
    func clipStartsWherePlanned(name: String, mode: String) throws {
        let parts = name.split(separator: ".")
        let recording = try TimestampJumpFixture.make(try #require(TimestampJumpFixture.Jump(rawValue: String(parts[0]))),
                                                      format: String(parts[1]))
        let frame = 1 / TimestampJumpFixture.frameRate
        let start = recording.time(ofFrame: 362), end = recording.time(ofFrame: 437)
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: recording.path, start: start, end: end, mode: mode == "copy" ? .copy : .exact, output: out)
        // Copy starts at the keyframe before the in point (one every 25 frames); exact at the in point.
        let planned = mode == "copy" ? recording.time(ofFrame: 350) : start
        #expect(abs(result.actualStart - planned) < frame / 2, "\(name) \(mode): starts at \(result.actualStart) s, not \(planned) s")
        #expect(try ClipCheck.decodeErrors(out) == "")
        let blackEnd = try #require(try Self.blackEnd(out), "\(name) \(mode): no black at the start of the clip")
        let expected = recording.time(ofFrame: TimestampJumpFixture.blackFrames.upperBound) - planned
        #expect(abs(blackEnd - expected) <= frame, "\(name) \(mode): black ends \(blackEnd) s into the clip, not \(expected) s")
        let frames = try ClipCheck.frameTimes(out)
        #expect(abs(Double(frames.count) * frame - (end - planned)) <= frame, "\(name) \(mode): \(frames.count) frames")
    }

    /// Where ffmpeg's blackdetect sees the first black stretch of a clip end (seconds from the clip's start).
    static func blackEnd(_ path: String) throws -> Double? {
        let result = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-i", path, "-vf", "blackdetect=d=0.2:pix_th=0.1",
                                                        "-an", "-f", "null", "-"])
        guard let line = result.stderr.split(separator: "\n").first(where: { $0.contains("black_end:") }),
              let value = line.components(separatedBy: "black_end:").last?.split(separator: " ").first else { return nil }
        return Double(value)
    }
}
