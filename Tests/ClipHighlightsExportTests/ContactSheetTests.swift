import ClipHighlights
import ClipMedia
import Foundation
import Testing
import TestSupport

@Suite("contact sheet")
struct ContactSheetTests {
    @Test("captions: clock time, number and score")
    func captions() {
        #expect(ContactSheet.clock(3723.44) == "1:02:03.4")
        #expect(ContactSheet.clock(59.96) == "1:00.0")
        let cell = ContactSheetCell(image: RGBImage(width: 4, height: 4), time: 83.2, score: 0.871, number: 3)
        #expect(cell.caption == "#3 1:23.2 S 0.87")
        #expect("#3 1:23.2 S 0.87-abc xyz".allSatisfy(BitmapFont.canDraw))
    }

    @Test("grid size, thumbnails placed, caption ink drawn under each, written as PNG")
    func grid() throws {
        let red = RGBImage(width: 80, height: 45, fill: (255, 0, 0))
        let blue = RGBImage(width: 160, height: 90, fill: (0, 0, 255))
        let style = ContactSheet.Style(columns: 2, cellWidth: 80, margin: 10, textScale: 1)
        let cells = [ContactSheetCell(image: red, time: 1, score: 0.5, number: 1),
                     ContactSheetCell(image: blue, time: 2, score: 0.9, number: 2),
                     ContactSheetCell(image: red, time: 3, number: 3)]
        let sheet = ContactSheet.render(cells, style: style)
        // 2 columns: 2×80 + 3×10; 2 rows of 45 + caption (7 + 5) + 3 margins.
        #expect(sheet.width == 190 && sheet.height == 2 * (45 + 12) + 30)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(sheet.pixels[(y * sheet.width + x) * 3..<(y * sheet.width + x) * 3 + 3]) }
        #expect(pixel(20, 20) == [255, 0, 0])
        #expect(pixel(110, 20) == [0, 0, 255], "a larger thumbnail is scaled into its cell")
        #expect(pixel(150, 100) == [24, 24, 28], "the empty fourth cell stays background")
        // Ink in the caption band under the first thumbnail, none under the empty cell.
        let band = (10 + 45 + 2)..<(10 + 45 + 2 + 7)
        #expect(band.contains { y in (10..<90).contains { x in pixel(x, y) == [240, 240, 240] } })
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("sheet.png").path
        try ContactSheet.write(cells, style: style, to: path)
        let stream = try #require((try Fixtures.ffprobe(path)["streams"] as? [[String: Any]])?.first)
        #expect(stream["codec_name"] as? String == "png" && stream["width"] as? Int == 190)
    }

    @Test("cells from clips: the middle frame of each clip from the source")
    func fromClips() throws {
        let folder = try Fixtures.temporaryDirectory()
        let source = folder.appendingPathComponent("src.mp4").path
        try Fixtures.ffmpeg(["-f", "lavfi", "-i", "color=red:size=160x90:rate=10:duration=2,format=yuv420p",
                             "-f", "lavfi", "-i", "color=blue:size=160x90:rate=10:duration=2,format=yuv420p",
                             "-filter_complex", "[0][1]concat=n=2", "-c:v", "libx264", source])
        let cells = try ContactSheet.cells(for: [TimelineClip(name: "a", source: source, start: 0, end: 1.5, score: 0.7),
                                                 TimelineClip(name: "b", source: source, start: 2.5, end: 3.5)], width: 80)
        #expect(cells.count == 2 && cells[0].image.width == 80)
        #expect(cells[0].image.pixels[0] > 200 && cells[0].image.pixels[2] < 60, "red half")
        #expect(cells[1].image.pixels[2] > 200 && cells[1].image.pixels[0] < 60, "blue half")
        #expect(cells[0].caption == "#1 0:00.0 S 0.70")
    }
}

@Suite("bitmap font")
struct BitmapFontTests {
    @Test("text running past the image edges is clipped, not a crash")
    func clipsAtTheEdges() {
        var image = RGBImage(width: 20, height: 10)
        BitmapFont.draw("#12 0:00.0 S 9.99", into: &image, x: 5, y: 3, scale: 2, color: (255, 255, 255))
        BitmapFont.draw("WIDE", into: &image, x: 40, y: -20, scale: 3, color: (255, 255, 255))
        #expect(image.pixels.contains(255))
    }
}
