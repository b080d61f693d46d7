import ClipMedia
import Foundation
import Testing
import TestSupport

/// Compares clipkit's probe with ffprobe: duration (±1 frame), size, rotation, frame rate and codecs.
enum ProbeOracle {
    static func compare(_ path: String) throws {
        let ours = try MediaFile(path: path).probe()
        let theirs = try Fixtures.ffprobe(path)
        let format = try #require(theirs["format"] as? [String: Any])
        let streams = try #require(theirs["streams"] as? [[String: Any]])

        #expect(ours.size == Int(format["size"] as? String ?? ""), "size of \(path)")
        #expect(ours.container == format["format_name"] as? String)
        let frame = ours.streams.compactMap { $0.video?.averageFrameRate }.first.map { 1 / $0 } ?? 0.05
        if let duration = Double(format["duration"] as? String ?? "") {
            let ourDuration = try #require(ours.duration)
            #expect(abs(ourDuration - duration) <= frame + 1e-6, "duration of \(path): \(ourDuration) vs \(duration)")
        }
        #expect(ours.streams.count == streams.count)
        for (mine, other) in zip(ours.streams, streams) {
            #expect(mine.codec == other["codec_name"] as? String, "codec of stream \(mine.index) in \(path)")
            #expect(mine.kind == other["codec_type"] as? String)
            if let video = mine.video {
                #expect(video.width == other["width"] as? Int && video.height == other["height"] as? Int)
                #expect(close(video.averageFrameRate, rate(other["avg_frame_rate"])), "avg fps of \(path)")
                #expect(close(video.realFrameRate, rate(other["r_frame_rate"])), "r fps of \(path)")
                #expect(video.rotation == rotation(other), "rotation of \(path)")
                if let count = Int(other["nb_frames"] as? String ?? "") { #expect(video.frameCount == count) }
                #expect(video.pixelFormat == other["pix_fmt"] as? String)
            }
            if let audio = mine.audio {
                #expect(audio.sampleRate == Int(other["sample_rate"] as? String ?? ""))
                #expect(audio.channels == other["channels"] as? Int)
                #expect(audio.channelLayout == other["channel_layout"] as? String)
            }
        }
    }

    static func rate(_ value: Any?) -> Double? {
        guard let text = value as? String else { return nil }
        let parts = text.split(separator: "/").compactMap { Double($0) }
        guard parts.count == 2, parts[1] != 0, parts[0] != 0 else { return nil }
        return parts[0] / parts[1]
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) < 1e-6 * max(1, y)
        default: return false
        }
    }

    static func rotation(_ stream: [String: Any]) -> Double {
        let sideData = stream["side_data_list"] as? [[String: Any]] ?? []
        for entry in sideData {
            if let value = entry["rotation"] as? Int { return Double(value) }
            if let value = entry["rotation"] as? Double { return value }
        }
        return 0
    }
}
