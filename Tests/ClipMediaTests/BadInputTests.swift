import ClipMedia
import Foundation
import Testing
import TestSupport

/// Broken inputs give a clear `MediaError` naming the file; never a crash or a hang.
@Suite struct BadInputTests {
    @Test func missingPath() {
        let error = #expect(throws: MediaError.self) { try MediaFile(path: "/no/such/recording.mp4") }
        #expect(error?.description == "/no/such/recording.mp4: opening: no such file")
    }

    @Test func emptyFile() throws {
        let path = try MediaFixtures.write("empty.mp4", Data())
        let error = #expect(throws: MediaError.self) { try MediaFile(path: path) }
        #expect(error?.file == path)
    }

    @Test func textFileNamedMP4() throws {
        let path = try MediaFixtures.write("notes.mp4", Data("这不是视频 — just some notes\n".utf8))
        let error = #expect(throws: MediaError.self) { try MediaFile(path: path) }
        #expect(error?.description.contains("Invalid data") == true)
    }

    @Test func randomBytes() throws {
        var generator = FixtureRandom(seed: 42)
        let bytes = Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let path = try MediaFixtures.write("random.mp4", bytes)
        #expect(throws: MediaError.self) { _ = try MediaFile(path: path).probe() }
    }

    @Test func mp4TruncatedAtHalfWithIndexAtTheEnd() throws {
        let source = try Data(contentsOf: URL(fileURLWithPath: MediaFixtures.h264AAC()))
        let path = try MediaFixtures.write("half.mp4", source.prefix(source.count / 2))
        let error = #expect(throws: MediaError.self) { try MediaFile(path: path) }
        #expect(error?.operation == "opening")
    }

    @Test func mp4TruncatedAtHalfWithIndexFirstStillDecodesItsIntactPart() throws {
        let full = try MediaFixtures.make("faststart.mp4", MediaFixtures.videoSource(seconds: 4) +
                                          ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-movflags", "+faststart"])
        let source = try Data(contentsOf: URL(fileURLWithPath: full))
        let path = try MediaFixtures.write("half-faststart.mp4", source.prefix(source.count / 2))
        let file = try MediaFile(path: path)
        let decoder = try VideoDecoder(file: file, options: VideoDecodeOptions(width: 32))
        var frames = 0
        do {
            try file.forEachPacket { packet in try decoder.decode(packet) { _ in frames += 1 } }
        } catch let error as MediaError {
            #expect(error.file == path)
        }
        #expect(frames > 10 && frames < 100)
    }

    @Test func truncatedTransportStreamReadsToWhereItEnds() throws {
        let full = try MediaFixtures.make("cut-off.ts", MediaFixtures.videoSource(seconds: 4) + ["-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts"])
        let source = try Data(contentsOf: URL(fileURLWithPath: full))
        let path = try MediaFixtures.write("cut-off-half.ts", source.prefix(source.count / 2 + 77))
        let file = try MediaFile(path: path)
        let decoder = try VideoDecoder(file: file, options: VideoDecodeOptions(width: 32))
        var last = 0.0
        try file.forEachPacket { packet in try decoder.decode(packet) { last = $0.time } }
        try decoder.flush { last = $0.time }
        #expect(last > 0.5 && last < 3.9)
    }
}
