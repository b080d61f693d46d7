import Foundation
import Testing
import TestSupport

/// The generated live room is what it claims: long enough, with audio, events and a transcript that line up.
@Suite struct FixtureTests {
    @Test func liveRoomFixtureIsWellFormed() throws {
        let room = try LiveRecordingFixture.make()
        let probe = try Fixtures.ffprobe(room.path)
        let duration = Double((probe["format"] as? [String: Any])?["duration"] as? String ?? "") ?? 0
        #expect(abs(duration - room.duration) < 0.2)
        let csv = try String(contentsOfFile: room.eventsCSV, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == Int(room.duration) + 1)
        let srt = try String(contentsOfFile: room.transcript, encoding: .utf8)
        #expect(srt.contains("上链接"))
        // The climax is louder than the calm talk: ffmpeg's own meter says so.
        let loud = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-ss", "\(room.climaxes[0].lowerBound + 5)", "-t", "10", "-i", room.path, "-af", "volumedetect", "-f", "null", "-"])
        let calm = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-hide_banner", "-ss", "5", "-t", "10", "-i", room.path, "-af", "volumedetect", "-f", "null", "-"])
        func meanVolume(_ text: String) -> Double {
            let line = text.split(separator: "\n").first { $0.contains("mean_volume") } ?? ""
            return Double(line.split(separator: " ").dropLast().last ?? "") ?? 0
        }
        #expect(meanVolume(loud.stderr) - meanVolume(calm.stderr) > 10)
    }
}
