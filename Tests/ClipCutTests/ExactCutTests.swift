import ClipMedia
import Foundation
import Testing
import TestSupport

@Suite("exact mode (smart cut)")
struct ExactCutTests {
    private let frame = 1.0 / 30

    @Test("H.264: first frame is the in-point frame, clean decode, join frame right, A/V in sync")
    func smartCutH264() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: CutFixtures.h264, start: 3.1, end: 5.5, mode: .exact, output: out)
        #expect(result.method == "smart")
        #expect(abs(result.actualStart - 3.1) < frame / 2)
        // 3.1 → 4.0 re-encoded (27 frames), the rest copied.
        #expect(abs(result.reencodedSeconds - 0.9) < 0.001)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let times = try ClipCheck.frameTimes(out)
        #expect(times.count == 72)
        #expect(abs(times.first!) < 0.001)
        #expect(abs(times.last! + frame - 2.4) < frame)
        let clip = try Thumbnailer(path: out)
        #expect(try ClipCheck.bestMatch(clip.frame(at: 0, width: 0), in: CutFixtures.h264, around: 3.1) == 3.1)
        // Last re-encoded frame and first copied frame (the keyframe at 4.0 s).
        #expect(abs(try ClipCheck.bestMatch(clip.frame(at: 0.9 - frame, width: 0), in: CutFixtures.h264, around: 4.0 - frame) - (4.0 - frame)) < 0.001)
        #expect(try ClipCheck.bestMatch(clip.frame(at: 0.9, width: 0), in: CutFixtures.h264, around: 4.0) == 4.0)
        let audio = try #require(try ClipCheck.stream(out, "audio"))
        let audioStart = try #require(ClipCheck.number(audio["start_time"]))
        #expect(audioStart >= 0 && audioStart < 1024.0 / 48000)
        let audioEnd = audioStart + (ClipCheck.number(audio["duration"]) ?? 0)
        #expect(abs(audioEnd - 2.4) < 1024.0 / 48000 + 0.001)
    }

    @Test("H.264 smart cut into MKV, MOV and MPEG-TS", arguments: ["mkv", "mov", "ts"])
    func otherContainers(ext: String) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.\(ext)").path
        let result = try ClipCutter.cut(source: CutFixtures.h264, start: 3.1, end: 5.5, mode: .exact, output: out)
        #expect(result.method == "smart")
        #expect(try ClipCheck.decodeErrors(out) == "")
        #expect(try ClipCheck.frameTimes(out).count == 72)
        #expect(try ClipCheck.bestMatch(Thumbnailer(path: out).frame(at: 0, width: 0), in: CutFixtures.h264, around: 3.1) == 3.1)
    }

    @Test("MPEG-TS source with a non-zero start, into MP4 and into MPEG-TS", arguments: ["mp4", "ts"])
    func transportStream(ext: String) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.\(ext)").path
        let result = try ClipCutter.cut(source: CutFixtures.transportStream, start: 3.1, end: 5.5, mode: .exact, output: out)
        #expect(result.method == "smart")
        #expect(abs(result.actualStart - 3.1) <= frame / 2)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let times = try ClipCheck.frameTimes(out)
        #expect(abs(Double(times.count) * frame - 2.4) <= frame + 0.001)
        let first = try Thumbnailer(path: out).frame(at: 0, width: 0)
        #expect(abs(try ClipCheck.bestMatch(first, in: CutFixtures.transportStream, around: result.actualStart) - result.actualStart) < 0.001)
    }

    @Test("HEVC cannot be joined: the span is re-encoded whole with libx265, and the result says so")
    func hevcFallsBack() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: CutFixtures.hevc, start: 3.1, end: 5.5, mode: .exact, output: out)
        #expect(result.method == "encode")
        #expect(result.notes.contains { $0.contains("hevc") })
        #expect(result.video?.codec == "hevc")
        #expect(try ClipCheck.stream(out, "video")?["codec_tag_string"] as? String == "hvc1")
        #expect(try ClipCheck.decodeErrors(out) == "")
        #expect(try ClipCheck.frameTimes(out).count == 72)
        #expect(try ClipCheck.bestMatch(Thumbnailer(path: out).frame(at: 0, width: 0), in: CutFixtures.hevc, around: 3.1) == 3.1)
    }

    @Test("an in point on a keyframe is a plain copy; a span without a keyframe is re-encoded whole")
    func edgeCases() throws {
        let folder = try Fixtures.temporaryDirectory()
        let onKeyframe = try ClipCutter.cut(source: CutFixtures.h264, start: 4.0, end: 5.0, mode: .exact,
                                            output: folder.appendingPathComponent("a.mp4").path)
        #expect(onKeyframe.method == "copy")
        #expect(onKeyframe.actualStart == 4.0)
        let inside = folder.appendingPathComponent("b.mkv").path
        let noKeyframe = try ClipCutter.cut(source: CutFixtures.h264, start: 2.5, end: 3.5, mode: .exact, output: inside)
        #expect(noKeyframe.method == "encode")
        #expect(try ClipCheck.decodeErrors(inside) == "")
        #expect(try ClipCheck.frameTimes(inside).count == 30)
    }
}
