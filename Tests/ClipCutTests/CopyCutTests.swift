import ClipMedia
import Foundation
import Testing
import TestSupport

@Suite("copy mode")
struct CopyCutTests {
    @Test("starts at the keyframe before the in point, timestamps from 0, audio trimmed in sync")
    func copyFromKeyframe() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: CutFixtures.h264, start: 3.1, end: 5.5, mode: .copy, output: out)
        #expect(result.method == "copy")
        #expect(abs(result.actualStart - 2.0) < 0.001)
        #expect(abs(result.duration - 3.5) < 1.0 / 30 + 0.001)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let video = try #require(try ClipCheck.stream(out, "video"))
        let audio = try #require(try ClipCheck.stream(out, "audio"))
        #expect(ClipCheck.number(video["start_time"]) == 0)
        #expect(ClipCheck.number(video["nb_read_frames"]) == 105)
        let audioStart = try #require(ClipCheck.number(audio["start_time"]))
        #expect(audioStart >= 0 && audioStart < 1024.0 / 48000)
        let audioDuration = try #require(ClipCheck.number(audio["duration"]))
        #expect(abs(audioStart + audioDuration - 3.5) < 1024.0 / 48000 + 0.001)
        // The first frame is the keyframe at 2.0 s of the source.
        let first = try Thumbnailer(path: out).frame(at: 0, width: 0)
        #expect(try ClipCheck.bestMatch(first, in: CutFixtures.h264, around: 2.0) == 2.0)
    }

    @Test("MKV, MOV and MPEG-TS outputs", arguments: ["mkv", "mov", "ts"])
    func otherContainers(ext: String) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.\(ext)").path
        let result = try ClipCutter.cut(source: CutFixtures.h264, start: 1.0, end: 4.0, mode: .copy, output: out)
        #expect(result.actualStart == 0)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let times = try ClipCheck.frameTimes(out)
        #expect(times.count == 120)
        #expect(abs((times.last! - times.first!) - 119.0 / 30) < 0.002)
    }

    @Test("an MPEG-TS source with a non-zero start: times are relative to the container start")
    func transportStreamSource() throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let file = try MediaFile(path: CutFixtures.transportStream)
        #expect(file.startTime > 10)
        let result = try ClipCutter.cut(source: CutFixtures.transportStream, start: 4.5, end: 6.0, mode: .copy, output: out)
        // Video starts 1/45 s after the container (the audio starts first): keyframes at 0.0213 + 2k.
        #expect(abs(result.actualStart - 4.0213) < 0.002)
        #expect(try ClipCheck.decodeErrors(out) == "")
        #expect(ClipCheck.number(try ClipCheck.stream(out, "video")?["start_time"]) == 0)
    }

    @Test("while a cut runs only a hidden temporary file exists; the final name appears complete; progress reaches 1")
    func atomicOutput() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("clip.mp4").path
        var fractions: [Double] = []
        var seenDuring: [[String]] = []
        _ = try ClipCutter.cut(source: CutFixtures.h264, start: 0.5, end: 7.5, mode: .encode(EncodeSettings(width: 160, height: 90)),
                               output: out) { fraction in
            fractions.append(fraction)
            if fraction < 1 { seenDuring.append((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []) }
        }
        #expect(!seenDuring.isEmpty)
        #expect(seenDuring.allSatisfy { $0.count == 1 && $0[0].hasPrefix(".clip.partial-") && $0[0].hasSuffix(".mp4") })
        #expect(fractions == fractions.sorted() && fractions.last == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["clip.mp4"])
    }

    @Test("copy and exact keep a phone clip's display rotation", arguments: [CutMode.copy, .exact])
    func keepsRotation(mode: CutMode) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: CutFixtures.phone, start: 0.5, end: 2.5, mode: mode, output: out)
        #expect(result.video?.rotation == -90)
        let video = try #require(try ClipCheck.stream(out, "video"))
        let sideData = video["side_data_list"] as? [[String: Any]] ?? []
        #expect(sideData.contains { ClipCheck.number($0["rotation"]) == -90 })
        #expect(try ClipCheck.decodeErrors(out) == "")
    }

    @Test("bad input: one clear error naming the file, nothing left behind")
    func badInput() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("clip.mp4").path
        let cases: [(String, Double, Double, String)] = [
            ("/nonexistent/rec.mp4", 1, 2, "no such file"),
            (CutFixtures.h264, 3, 3, "out point must come after"),
            (CutFixtures.h264, 30, 40, "past the end"),
            (CutFixtures.h264, -1, 2, "0 s or more"),
        ]
        for (source, start, end, message) in cases {
            #expect {
                _ = try ClipCutter.cut(source: source, start: start, end: end, mode: .copy, output: out)
            } throws: { error in
                let text = "\(error)"
                return text.contains(source) && text.contains(message)
            }
        }
        #expect(throws: MediaError.self) {
            _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 2, mode: .copy, output: "/nonexistent-folder/clip.mp4")
        }
        #expect(throws: MediaError.self) {
            _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 2, mode: .copy, output: folder.appendingPathComponent("clip.xyz").path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a corrupt source fails with the file named and leaves no output")
    func corruptSource() throws {
        let folder = try Fixtures.temporaryDirectory()
        let broken = folder.appendingPathComponent("broken.mp4").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: CutFixtures.h264))
        try bytes.prefix(2000).write(to: URL(fileURLWithPath: broken))
        let out = folder.appendingPathComponent("clip.mp4").path
        #expect { _ = try ClipCutter.cut(source: broken, start: 1, end: 2, mode: .copy, output: out) } throws: { "\($0)".contains(broken) }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.mp4"])
    }
}
