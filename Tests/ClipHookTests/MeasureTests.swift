import Testing
@testable import ClipHook

@Suite("Picture measures")
struct MeasureTests {
    @Test("letterbox bars of a 16:9 picture inside a 9:16 frame cover about 68% of it")
    func letterbox() throws {
        // 90x160 frame, content 90x51 centred (16:9 → 9:16), black bars above and below.
        let image = SyntheticPictures.luma(90, 160) { x, y in (54..<105).contains(y) ? 60 + (x * 3 + y) % 150 : 3 }
        let bars = try #require(BarDetector().bars(in: image))
        #expect(bars.top == 54.0 / 160 && bars.bottom == 55.0 / 160)
        #expect(bars.left == 0 && bars.right == 0)
        #expect(abs(bars.coveredFraction - (1 - 51.0 / 160)) < 1e-9)
        #expect(bars.content(width: 90, height: 160) == PixelRegion(x: 0, y: 54, width: 90, height: 51))
    }

    @Test("pillarbox bars are found left and right; a frame without bars has none")
    func pillarbox() throws {
        let boxed = SyntheticPictures.luma(100, 50) { x, _ in (20..<80).contains(x) ? 128 : 10 }
        let bars = try #require(BarDetector().bars(in: boxed))
        #expect(bars.left == 0.2 && bars.right == 0.2 && bars.top == 0 && bars.bottom == 0)
        let full = SyntheticPictures.checkerboard(100, 50, cell: 5)
        #expect(BarDetector().bars(in: full) == Bars.none)
    }

    @Test("a dark picture edge with one bright pixel is not a bar; an all-black frame has no bars")
    func notBars() {
        let edge = SyntheticPictures.luma(40, 40) { x, y in y < 5 ? (x == 20 ? 90 : 5) : 120 }
        #expect(BarDetector().bars(in: edge)?.top == 0)
        #expect(BarDetector().bars(in: SyntheticPictures.luma(40, 40) { _, _ in 2 }) == nil)
    }

    @Test("common bars are the smallest on each side")
    func commonBars() {
        let a = Bars(top: 0.3, bottom: 0.2, left: 0, right: 0.1)
        let b = Bars(top: 0.1, bottom: 0.25, left: 0.05, right: 0)
        #expect(Bars.common([a, b]) == Bars(top: 0.1, bottom: 0.2, left: 0, right: 0))
        #expect(Bars.common([]) == nil)
    }

    @Test("Laplacian variance: exact on a known pattern, zero on flat, falls with blur")
    func sharpness() throws {
        // Vertical stripes 0/100 of width 1: Laplacian at interior = ±200 alternating → mean 0, variance 40000.
        let stripes = SyntheticPictures.luma(10, 6) { x, _ in x % 2 == 0 ? 0 : 100 }
        #expect(Sharpness.laplacianVariance(stripes) == 40_000)
        #expect(Sharpness.laplacianVariance(SyntheticPictures.luma(20, 20) { _, _ in 77 }) == 0)
        let sharp = SyntheticPictures.checkerboard(120, 120, cell: 6)
        let soft = SyntheticPictures.blurred(sharp, radius: 3)
        let sharpValue = try #require(Sharpness.laplacianVariance(sharp))
        let softValue = try #require(Sharpness.laplacianVariance(soft))
        #expect(softValue < sharpValue / 10)
        #expect(Sharpness.laplacianVariance(sharp, in: PixelRegion(x: 0, y: 0, width: 2, height: 50)) == nil)
    }

    @Test("sharpness inside a region ignores the bars")
    func sharpnessRegion() {
        let image = SyntheticPictures.luma(30, 30) { x, y in y < 10 ? 0 : ((x + y) % 2 == 0 ? 50 : 150) }
        let region = PixelRegion(x: 0, y: 10, width: 30, height: 20)
        // Inside the region every interior Laplacian is ±400 → variance 160000.
        #expect(Sharpness.laplacianVariance(image, in: region) == 160_000)
    }

    @Test("exposure: mean luma and the crushed/blown shares")
    func exposure() throws {
        let image = SyntheticPictures.luma(10, 10) { x, _ in x < 5 ? 0 : 250 }
        let e = try #require(Exposure(image))
        #expect(e.meanLuma == 125 && e.shadowShare == 0.5 && e.highlightShare == 0.5)
        let right = try #require(Exposure(image, in: PixelRegion(x: 5, y: 0, width: 5, height: 10)))
        #expect(right.meanLuma == 250 && right.shadowShare == 0)
        #expect(Exposure(image, in: PixelRegion(x: 0, y: 0, width: 0, height: 3)) == nil)
    }

    @Test("Hasler–Süsstrunk colourfulness: 0 for gray, the closed form for a two-colour picture")
    func colorfulness() throws {
        let gray = SyntheticPictures.rgb(8, 8) { x, y in let v = (x * 30 + y * 5) % 256; return (v, v, v) }
        #expect(Colorfulness.haslerSusstrunk(gray) == 0)
        // Half pure red (rg 255, yb 127.5), half pure blue (rg 0, yb -255).
        let redBlue = SyntheticPictures.rgb(8, 8) { x, _ in x < 4 ? (255, 0, 0) : (0, 0, 255) }
        let sdRG = 127.5, sdYB = (127.5 + 255) / 2, meanRG = 127.5, meanYB = (127.5 - 255) / 2
        let expected = (sdRG * sdRG + sdYB * sdYB).squareRoot() + 0.3 * (meanRG * meanRG + meanYB * meanYB).squareRoot()
        let value = try #require(Colorfulness.haslerSusstrunk(redBlue))
        #expect(abs(value - expected) < 1e-9)
        let saturated = SyntheticPictures.rgb(8, 8) { x, y in ((x * 37) % 256, (y * 91) % 256, ((x + y) * 53) % 256) }
        #expect(try #require(Colorfulness.haslerSusstrunk(saturated)) > 40)
    }

    @Test("luma from RGB uses BT.709 weights in full range")
    func lumaFromRGB() {
        let rgb = SyntheticPictures.rgb(4, 1) { x, _ in [(255, 255, 255), (0, 0, 0), (255, 0, 0), (0, 255, 0)][x] }
        #expect(LumaImage(rgb: rgb).pixels == [255, 0, 54, 182])
    }

    @Test("the sampler leaves black frames out and measures inside the common bars")
    func sampler() throws {
        var sampler = PictureSampler()
        let keptBlack = sampler.add(SyntheticPictures.rgb(40, 40) { _, _ in (5, 5, 5) })
        #expect(!keptBlack)
        let boxed = SyntheticPictures.rgb(40, 40) { x, y in y < 10 || y >= 30 ? (0, 0, 0) : ((x + y) % 2 == 0 ? (200, 40, 40) : (40, 40, 200)) }
        let kept = sampler.add(boxed) && sampler.add(boxed)
        #expect(kept)
        let summary = try #require(sampler.summary())
        #expect(summary.framesMeasured == 2)
        #expect(abs(summary.bars.coveredFraction - 0.5) < 1e-9)
        #expect(summary.meanLuma > 60 && summary.meanLuma < 80)  // mean of (200,40,40) and (40,40,200) luma, bars excluded
        #expect(summary.colorfulness > 50)
        #expect(PictureSampler().summary() == nil)
    }
}
