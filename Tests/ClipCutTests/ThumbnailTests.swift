import ClipMedia
import Foundation
import Testing
import TestSupport

@Suite("thumbnails and PNG")
struct ThumbnailTests {
    @Test("the frame at a time, scaled to a width, written as a PNG ffprobe reads")
    func thumbnailToPNG() throws {
        let thumbnails = try Thumbnailer(path: CutFixtures.h264)
        let image = try thumbnails.frame(at: 3.1, width: 160)
        #expect(image.width == 160 && image.height == 90)
        let full = try thumbnails.frame(at: 3.1, width: 0)
        let neighbour = try thumbnails.frame(at: 3.1 + 1.0 / 30, width: 0)
        #expect(ClipCheck.difference(full, neighbour) > 0.1, "neighbouring frames differ in the fixture")
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("thumb.png").path
        try PNGWriter.write(image, to: path)
        let stream = try #require((try Fixtures.ffprobe(path)["streams"] as? [[String: Any]])?.first)
        #expect(stream["codec_name"] as? String == "png" && stream["width"] as? Int == 160 && stream["height"] as? Int == 90)
        // Decoding the PNG back gives the same pixels (lossless).
        let back = try Thumbnailer(path: path).frame(at: 0, width: 0)
        #expect(back == image)
    }

    @Test("a phone recording's thumbnail is upright (portrait, white half on top)")
    func uprightThumbnail() throws {
        let image = try Thumbnailer(path: CutFixtures.phone).frame(at: 1, width: 90)
        #expect(image.width == 90 && image.height == 160)
        #expect(image.pixels[(10 * 90 + 45) * 3] > 200)
        #expect(image.pixels[(150 * 90 + 45) * 3] < 40)
    }

    @Test("times outside the recording are refused with the file named")
    func outside() throws {
        let thumbnails = try Thumbnailer(path: CutFixtures.h264)
        #expect { _ = try thumbnails.frame(at: 99, width: 100) } throws: { "\($0)".contains(CutFixtures.h264) && "\($0)".contains("past the end") }
    }
}
