@testable import ClipMedia
import Testing

@Suite("cutting logic (pure)")
struct CuttingLogicTests {
    // A real x264 avcC header (High profile, level 1.3, 320x180): one SPS, one PPS, High-profile trailer.
    private let sps: [UInt8] = [0x67, 0x64, 0x00, 0x0D, 0xAC, 0xD9, 0x41, 0x41, 0xFB, 0x01, 0x10, 0x00, 0x00, 0x03, 0x00, 0x10, 0x00, 0x00, 0x03, 0x03, 0xC0, 0xF1, 0x42, 0x99, 0x60]
    private let pps: [UInt8] = [0x68, 0xEB, 0xE3, 0xCB, 0x22, 0xC0]

    private var record: [UInt8] {
        [1, 0x64, 0x00, 0x0D, 0xFF, 0xE1, 0, UInt8(sps.count)] + sps + [1, 0, UInt8(pps.count)] + pps + [0xFD, 0xF8, 0xF8, 0x00]
    }

    @Test("avcC parses, merges extra parameter sets, and writes back byte for byte")
    func avccRoundTrip() throws {
        let parsed = try #require(H264ParameterSets.AVCC(record))
        #expect(parsed.lengthSize == 4)
        #expect(parsed.sequenceSets == [sps] && parsed.pictureSets == [pps])
        #expect(parsed.trailer == [0xFD, 0xF8, 0xF8, 0x00])
        #expect(parsed.bytes == record)
        let merged = H264ParameterSets.merged(parsed, sequenceSets: [[0x67, 1]], pictureSets: [[0x68, 2]])
        let reparsed = try #require(H264ParameterSets.AVCC(merged.bytes))
        #expect(reparsed.sequenceSets.count == 2 && reparsed.pictureSets.count == 2)
        #expect(reparsed.trailer == parsed.trailer)
        #expect(H264ParameterSets.AVCC([0, 0, 0, 1, 0x67]) == nil)
    }

    @Test("parameter-set ids are read from SPS and PPS (Exp-Golomb)")
    func parameterSetIDs() {
        #expect(H264ParameterSets.parameterSetID(sps[...]) == 0)
        #expect(H264ParameterSets.parameterSetID(pps[...]) == 0)
        // ue(v) 1 is "010", ue(v) 2 is "011".
        #expect(H264ParameterSets.parameterSetID([0x68, 0b0100_0000][...]) == 1)
        #expect(H264ParameterSets.parameterSetID([0x67, 0x64, 0, 0x0D, 0b0110_0000][...]) == 2)
    }

    @Test("Annex B units become length-prefixed samples and back")
    func annexB() {
        let stream: [UInt8] = [0, 0, 0, 1, 0x67, 1, 2, 0, 0, 1, 0x68, 3, 0, 0, 0, 1, 0x65, 4, 5, 6]
        let units = H264ParameterSets.annexBUnits(stream)
        #expect(units.map(Array.init) == [[0x67, 1, 2], [0x68, 3], [0x65, 4, 5, 6]])
        let sample = H264ParameterSets.lengthPrefixed(units, lengthSize: 4)
        #expect(sample == [0, 0, 0, 3, 0x67, 1, 2, 0, 0, 0, 2, 0x68, 3, 0, 0, 0, 4, 0x65, 4, 5, 6])
        #expect(H264ParameterSets.removingEmulationPrevention([0, 0, 3, 1, 0, 0, 3][...]) == [0, 0, 1, 0, 0])
    }

    @Test("fit geometry: crop covers, pad fits, all even and centred")
    func geometry() {
        let crop = FitGeometry.make(displayWidth: 1920, displayHeight: 1080, targetWidth: 720, targetHeight: 1280, fit: .crop)
        #expect(crop == FitGeometry(contentWidth: 2276, contentHeight: 1280, x: -778, y: 0))
        let pad = FitGeometry.make(displayWidth: 1920, displayHeight: 1080, targetWidth: 720, targetHeight: 1280, fit: .pad)
        #expect(pad == FitGeometry(contentWidth: 720, contentHeight: 406, x: 0, y: 436))
        let same = FitGeometry.make(displayWidth: 1080, displayHeight: 1920, targetWidth: 720, targetHeight: 1280, fit: .blurpad)
        #expect(same == FitGeometry(contentWidth: 720, contentHeight: 1280, x: 0, y: 0))
    }

    @Test("the visible part of the source in crop mode, for every quarter turn")
    func visibleSource() {
        // 1920x1080 into 720x1280: the centre 608 of 1920 columns stays (about 0.342…0.658).
        let crop = FitGeometry.make(displayWidth: 1920, displayHeight: 1080, targetWidth: 720, targetHeight: 1280, fit: .crop)
        let straight = crop.visibleSource(targetWidth: 720, targetHeight: 1280, quarters: 0)
        #expect(abs(straight.left - 778.0 / 2276) < 1e-9 && abs(straight.right - 1498.0 / 2276) < 1e-9)
        #expect(straight.top == 0 && straight.bottom == 1)
        // A phone picture stored 1920x1080 and shown turned a quarter clockwise (3), cropped to a square:
        // the middle rows of the display are the middle columns of the stored picture.
        let phone = FitGeometry.make(displayWidth: 1080, displayHeight: 1920, targetWidth: 1080, targetHeight: 1080, fit: .crop)
        let turned = phone.visibleSource(targetWidth: 1080, targetHeight: 1080, quarters: 3)
        #expect(abs(turned.left - 420.0 / 1920) < 1e-9 && abs(turned.right - 1500.0 / 1920) < 1e-9)
        #expect(turned.top == 0 && turned.bottom == 1)
        #expect(FrameFitter.span(0.342, 0.658, of: 1920) == (656, 606))
    }

    @Test("frame-rate picking by time stamps: 60→30 drops, 24→30 repeats, VFR gaps are filled")
    func frameRate() {
        func pick(_ times: [Double], rate: Double, duration: Double) -> [Int] {
            var picker = FrameRatePicker(rate: rate)
            var shown: [Int] = []
            for (index, time) in times.enumerated() {
                let count = picker.frames(before: time)
                shown += Array(repeating: max(0, index - 1), count: count)
            }
            shown += Array(repeating: times.count - 1, count: picker.frames(before: duration))
            return shown
        }
        #expect(pick((0..<12).map { Double($0) / 60 }, rate: 30, duration: 0.2) == [0, 2, 4, 6, 8, 10])
        #expect(pick((0..<5).map { Double($0) / 24 }, rate: 30, duration: 5.0 / 24).count == 6)
        // Frames at 0, 0.1 and then 0.5 s: the gap repeats the frame at 0.1 s.
        #expect(pick([0, 0.1, 0.5], rate: 10, duration: 0.6) == [0, 1, 1, 1, 1, 2])
    }

    @Test("the limiter applies the gain, and holds peaks at the ceiling without touching quiet parts")
    func limiter() {
        var limiter = PeakLimiter(channels: 1, sampleRate: 1000, gainDB: 6, ceilingDB: -1)
        let quiet = [Float](repeating: 0.1, count: 100)
        let loud = [Float](repeating: 0.9, count: 20)
        var out = limiter.process(quiet + loud + quiet + quiet + quiet + quiet)
        out += limiter.flush()
        #expect(out.count == 520)
        let ceiling = Float(0.891251)
        #expect(out.allSatisfy { abs($0) <= ceiling + 1e-6 })
        #expect(abs(out[10] - 0.1 * 1.995262) < 1e-4)
        #expect(out[100..<120].allSatisfy { abs($0 - ceiling) < 1e-4 })
        // The gain recovers after the peak (release), back to +6 dB eventually.
        #expect(out[519] > out[121] && abs(out[519] - 0.1995) < 0.001)
        // Look-ahead: 5 ms = 5 samples here; the gain is already down 5 samples before the peak, not earlier.
        #expect(abs(out[94] - 0.1995) < 1e-4 && out[95] < 0.19)
    }

    @Test("planar pictures rotate and paste with clipping")
    func planar() {
        var picture = PlanarPicture(width: 4, height: 2, y: [1, 2, 3, 4, 5, 6, 7, 8], u: [9, 10], v: [11, 12])
        let turned = picture.rotated(quarters: 3) // clockwise
        #expect(turned.width == 2 && turned.height == 4)
        #expect(turned.y == [5, 1, 6, 2, 7, 3, 8, 4])
        #expect(turned.rotated(quarters: 1) == picture)
        picture.paste(PlanarPicture(width: 2, height: 2, luma: 0, chroma: 0), x: -0, y: 0)
        #expect(picture.y == [0, 0, 3, 4, 0, 0, 7, 8] && picture.u == [0, 10])
        let image = RGBImage(width: 2, height: 1, pixels: [1, 1, 1, 2, 2, 2])!
        #expect(image.rotated(degrees: -90).pixels == [1, 1, 1, 2, 2, 2] && image.rotated(degrees: -90).height == 2)
        #expect(image.rotated(degrees: 180).pixels == [2, 2, 2, 1, 1, 1])
    }
}
