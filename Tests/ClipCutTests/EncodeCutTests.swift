import ClipMedia
import Foundation
import Testing
import TestSupport

@Suite("encode mode")
struct EncodeCutTests {
    @Test("exact size, frame rate by time stamps, bit rate near the target, AAC at the asked rate", arguments: [FitMode.crop, .pad, .blurpad])
    func deliverySpec(fit: FitMode) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let settings = EncodeSettings(width: 360, height: 640, fit: fit, frameRate: 25, videoBitRate: 1_000_000,
                                      audioBitRate: 96_000, audioSampleRate: 44_100)
        let result = try ClipCutter.cut(source: CutFixtures.noisy, start: 0.5, end: 3.5, mode: .encode(settings), output: out)
        #expect(result.method == "encode")
        #expect(result.video?.frames == 75)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let video = try #require(try ClipCheck.stream(out, "video"))
        #expect(video["width"] as? Int == 360 && video["height"] as? Int == 640)
        #expect(video["profile"] as? String == "High" && video["pix_fmt"] as? String == "yuv420p")
        #expect(video["r_frame_rate"] as? String == "25/1")
        #expect(ClipCheck.number(video["nb_read_frames"]) == 75)
        let bitRate = try #require(ClipCheck.number(video["bit_rate"]))
        #expect(bitRate > 700_000 && bitRate < 1_300_000, "video bit rate \(bitRate)")
        let audio = try #require(try ClipCheck.stream(out, "audio"))
        #expect(audio["sample_rate"] as? String == "44100" && audio["channels"] as? Int == 2)
        let audioDuration = try #require(ClipCheck.number(audio["duration"]))
        #expect(abs(audioDuration - 3.0) < 1024.0 / 44_100 + 0.001)
        let bottom = try Thumbnailer(path: out).frame(at: 1, width: 0)
        let corner = Array(bottom.pixels[0..<3])
        // Pad bars are black; blurpad bars show picture; crop has no bars.
        if fit == .pad { #expect(corner.allSatisfy { $0 < 30 }) } else { #expect(corner.contains { $0 > 40 }) }
    }

    @Test("gain in dB is applied and peaks stay below -1 dBFS")
    func gainAndCeiling() throws {
        let folder = try Fixtures.temporaryDirectory()
        // The source sine peaks at -20 dBFS.
        let quiet = folder.appendingPathComponent("quiet.mp4").path
        _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 3, mode: .encode(EncodeSettings(width: 160, height: 90, audioGainDB: 6)), output: quiet)
        let quietPeak = try #require(try ClipCheck.peakLevel(quiet))
        #expect(abs(quietPeak - -14) < 0.6, "peak \(quietPeak) dBFS")
        let loud = folder.appendingPathComponent("loud.mp4").path
        _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 3, mode: .encode(EncodeSettings(width: 160, height: 90, audioGainDB: 30)), output: loud)
        let loudPeak = try #require(try ClipCheck.peakLevel(loud))
        #expect(loudPeak <= -1 && loudPeak > -3, "peak \(loudPeak) dBFS")
    }

    @Test("a phone clip recorded upright stays upright (same shape, and cropped to a square)", arguments: [320, 180])
    func rotation(outputHeight: Int) throws {
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        _ = try ClipCutter.cut(source: CutFixtures.phone, start: 0.5, end: 2, mode: .encode(EncodeSettings(width: 180, height: outputHeight, fit: .crop)), output: out)
        let video = try #require(try ClipCheck.stream(out, "video"))
        #expect(video["width"] as? Int == 180 && video["height"] as? Int == outputHeight)
        let picture = try Thumbnailer(path: out).frame(at: 0.5, width: 0)
        let mean = { (rows: Range<Int>) -> Double in
            var sum = 0
            for y in rows { for x in 0..<picture.width { sum += Int(picture.pixels[(y * picture.width + x) * 3]) } }
            return Double(sum) / Double(rows.count * picture.width)
        }
        let half = outputHeight / 2
        #expect(mean(5..<half - 10) > 200, "top half should be white")
        #expect(mean(half + 10..<outputHeight - 5) < 40, "bottom half should be black")
    }

    @Test("a variable-frame-rate source (frames dropped) comes out at a constant rate")
    func variableFrameRate() throws {
        let source = Fixtures.evalFile("pyscenedetect/goldeneye-vfr-drop3.mp4")
        try #require(FileManager.default.fileExists(atPath: source), "evaldata missing: \(source)")
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("clip.mp4").path
        let result = try ClipCutter.cut(source: source, start: 2, end: 6, mode: .encode(EncodeSettings(width: 320, height: 136, fit: .pad, frameRate: 30)), output: out)
        #expect(result.video?.frames == 120)
        #expect(try ClipCheck.decodeErrors(out) == "")
        let times = try ClipCheck.frameTimes(out)
        #expect(times.count == 120)
        let steps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(steps.allSatisfy { abs($0 - 1.0 / 30) < 0.001 })
        // This source has no audio: none is invented, and the result says so.
        #expect(try ClipCheck.stream(out, "audio") == nil)
        #expect(result.audio == nil && result.notes.contains { $0.contains("no audio") })
    }

    @Test("bad settings are refused before anything is written")
    func badSettings() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("clip.mp4").path
        #expect { _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 2, mode: .encode(EncodeSettings(width: 4, height: 4)), output: out) }
            throws: { "\($0)".contains("output size 4x4") }
        #expect { _ = try ClipCutter.cut(source: CutFixtures.h264, start: 1, end: 2, mode: .encode(EncodeSettings(width: 320, height: 180, audioSampleRate: 12345)), output: out) }
            throws: { "\($0)".contains("12345 Hz") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
