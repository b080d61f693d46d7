import ClipMedia
import Foundation
import Testing
import TestSupport

/// Video and audio decoding: frame counts and times against ffprobe, skip modes, pixels, audio levels, seeking.
@Suite struct DecodeTests {
    /// Every frame, with the frame times ffprobe reports.
    @Test func everyFrameWithFFprobeTimes() throws {
        let path = Fixtures.evalFile("pyscenedetect/goldeneye-vfr-drop3.mp4")
        let frames = try decodeVideo(path, options: VideoDecodeOptions(width: 64))
        let probe = try Fixtures.ffprobe(path, extra: ["-select_streams", "v", "-show_frames", "-show_entries", "frame=best_effort_timestamp_time"])
        let times = (probe["frames"] as? [[String: Any]] ?? []).compactMap { Double($0["best_effort_timestamp_time"] as? String ?? "") }
        #expect(frames.count == times.count)
        for (frame, time) in zip(frames, times) {
            #expect(abs(frame.time - time) < 0.0005, "frame \(frame.index): \(frame.time) vs \(time)")
        }
        #expect(frames.allSatisfy { $0.width == 64 && $0.height == 28 && $0.pixels.count == 64 * 28 })
    }

    @Test func timesAreRelativeToTheContainerStart() throws {
        let frames = try decodeVideo(Fixtures.evalFile("pyscenedetect/delayed_start.mp4"), options: VideoDecodeOptions(width: 32))
        #expect(frames.count == 24)
        #expect(abs(frames[0].time) < 0.001)
        #expect(abs(frames[1].time - 0.04) < 0.001)
    }

    @Test func keyframesOnlyDecodesOnlyKeyframes() throws {
        let path = try MediaFixtures.h264AAC()
        let all = try decodeVideo(path, options: VideoDecodeOptions(width: 32))
        let keys = try decodeVideo(path, options: VideoDecodeOptions(width: 32, skip: .keyframesOnly))
        #expect(all.count == 100)
        #expect(keys.count == 4)
        #expect(keys.allSatisfy { $0.isKeyframe })
        #expect(keys.map(\.time) == all.filter(\.isKeyframe).map(\.time))
    }

    @Test func grayAndRGBPixelsOfASolidColour() throws {
        let path = try MediaFixtures.make("red.mp4", ["-f", "lavfi", "-i", "color=c=0xFF0000:size=320x240:rate=10:duration=1",
                                                      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"])
        let gray = try decodeVideo(path, options: VideoDecodeOptions(width: 40))
        let rgb = try decodeVideo(path, options: VideoDecodeOptions(width: 40, layout: .rgb))
        // BT.601 video-range luma of pure red is 81.
        let luma = gray[5].pixels.map(Int.init)
        #expect(luma.allSatisfy { abs($0 - 81) <= 2 })
        let pixel = Array(rgb[5].pixels[(20 * 40 + 20) * 3..<(20 * 40 + 20) * 3 + 3])
        #expect(pixel[0] > 240 && pixel[1] < 15 && pixel[2] < 15)
        #expect(rgb[5].width == 40 && rgb[5].height == 30)
    }

    @Test func audioLevelAndLength() throws {
        let path = try MediaFixtures.make("tone-half.wav", ["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=2", "-af", "volume=0.5"])
        var samples: [Float] = []
        var firstTime: Double?
        let file = try MediaFile(path: path)
        let decoder = try AudioDecoder(file: file, options: AudioDecodeOptions(sampleRate: 48_000))
        try file.forEachPacket { packet in
            try decoder.decode(packet) { chunk in
                if firstTime == nil { firstTime = chunk.time }
                samples += chunk.samples
            }
        }
        try decoder.flush { samples += $0.samples }
        #expect(abs(Double(samples.count) - 96_000) < 100)
        let steady = samples[4800..<91_200]
        let rms = sqrt(steady.reduce(0) { $0 + Double($1 * $1) } / Double(steady.count))
        // ffmpeg's sine source has amplitude 1/8; volume 0.5 makes 1/16 → RMS 0.0442.
        #expect(abs(rms - 0.0625 / 2.squareRoot()) < 0.002)
        #expect(abs(firstTime ?? 1) < 0.001)
    }

    @Test func stereoKeepsChannels() throws {
        let path = try MediaFixtures.make("stereo.wav", ["-f", "lavfi", "-i", "sine=frequency=500:duration=1", "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
                                                         "-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]", "-t", "1"])
        let file = try MediaFile(path: path)
        let decoder = try AudioDecoder(file: file, options: AudioDecodeOptions(sampleRate: 44_100, channels: 2))
        var left = 0.0, right = 0.0
        try file.forEachPacket { packet in
            try decoder.decode(packet) { chunk in
                for i in stride(from: 0, to: chunk.samples.count, by: 2) {
                    left += Double(abs(chunk.samples[i])); right += Double(abs(chunk.samples[i + 1]))
                }
            }
        }
        #expect(left > 1000 && right < 1)
    }

    @Test func seekLandsOnTheKeyframeBefore() throws {
        let path = try MediaFixtures.h264AAC()
        let file = try MediaFile(path: path)
        let decoder = try VideoDecoder(file: file, options: VideoDecodeOptions(width: 32))
        try file.seek(to: 2.5, stream: decoder.streamIndex)
        decoder.reset()
        var first: VideoFrame?
        while first == nil, let packet = try file.readPacket() {
            try decoder.decode(packet) { frame in if first == nil { first = frame } }
        }
        #expect(abs((first?.time ?? -1) - 2.0) < 0.001)
    }

    @Test func packetsWithoutDecoding() throws {
        let file = try MediaFile(path: MediaFixtures.h264AAC())
        var video = 0, audio = 0, keys = 0, bytes = 0
        try file.forEachPacket { packet in
            if packet.streamIndex == file.videoStreamIndex { video += 1; if packet.isKeyframe { keys += 1 } }
            if packet.streamIndex == file.audioStreamIndex { audio += 1 }
            bytes += packet.size
        }
        #expect(video == 100 && keys == 4)
        #expect(audio >= 187 && audio <= 190)   // 4 s of 1024-sample AAC frames at 48 kHz
        #expect(bytes > 0)
    }

    private func decodeVideo(_ path: String, options: VideoDecodeOptions) throws -> [VideoFrame] {
        let file = try MediaFile(path: path)
        let decoder = try VideoDecoder(file: file, options: options)
        var frames: [VideoFrame] = []
        try file.forEachPacket { packet in try decoder.decode(packet) { frames.append($0) } }
        try decoder.flush { frames.append($0) }
        return frames
    }
}
