import Foundation
import Testing
import TestSupport

/// `clipkit extract` run as an editor would, on a generated live room with known climaxes and decoys.
@Suite(.serialized) struct ExtractCLITests {
    static let room = Result { try LiveRecordingFixture.make() }

    /// Clips that overlap a climax by at least 10 s count as finding it.
    static func coverage(_ clips: [[String: Any]], _ room: LiveRecordingFixture) -> (recall: Double, precision: Double) {
        func overlap(_ clip: [String: Any], _ span: ClosedRange<Double>) -> Double {
            let start = clip["start"] as? Double ?? 0, end = clip["end"] as? Double ?? 0
            return max(0, min(end, span.upperBound) - max(start, span.lowerBound))
        }
        let found = room.climaxes.filter { span in clips.contains { overlap($0, span) >= 10 } }.count
        let good = clips.filter { clip in room.climaxes.contains { overlap(clip, $0) >= 10 } }.count
        return (Double(found) / Double(room.climaxes.count), clips.isEmpty ? 0 : Double(good) / Double(clips.count))
    }

    static func clips(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let recordings = try #require(object["recordings"] as? [[String: Any]])
        return try #require(recordings.first?["clips"] as? [[String: Any]])
    }

    @Test func withEventsAndTranscriptTheClimaxesAreFound() throws {
        let room = try Self.room.get()
        let result = try Fixtures.clipkit(["extract", room.path, "--out", try Fixtures.temporaryDirectory().path, "--count", "3",
                                           "--events", room.eventsCSV, "--transcript", room.transcript, "--json", "--no-hook"])
        #expect(result.status == 0, "\(result.stderr)")
        let clips = try Self.clips(result.stdout)
        let score = Self.coverage(clips, room)
        #expect(score.recall >= 0.9 && score.precision >= 0.8, "\(clips.map { ($0["start"]!, $0["end"]!) })")
        let reasons = clips.flatMap { $0["reasons"] as? [String] ?? [] }
        #expect(reasons.contains { $0.hasPrefix("orders ") && $0.contains("after pitch at") })
        #expect(reasons.contains { $0.contains("'上链接'") })
        #expect(reasons.contains { $0.hasPrefix("loudness +") })
    }

    @Test func withoutEventsTheRecordingAloneFindsThem() throws {
        let room = try Self.room.get()
        let result = try Fixtures.clipkit(["extract", room.path, "--out", "unused", "--count", "3", "--dry-run", "--json", "--no-hook"])
        #expect(result.status == 0, "\(result.stderr)")
        let clips = try Self.clips(result.stdout)
        let score = Self.coverage(clips, room)
        #expect(score.recall >= 0.7 && score.precision >= 0.7, "\(clips.map { ($0["start"]!, $0["end"]!) })")
        // The decoys lose: loud music without speech, and a quiet burst of rapid cuts.
        for clip in clips {
            let start = clip["start"] as? Double ?? 0, end = clip["end"] as? Double ?? 0
            #expect(!(start < room.musicDecoy.upperBound - 5 && end > room.musicDecoy.lowerBound + 5))
            #expect(!(start < room.cutsDecoy.upperBound - 3 && end > room.cutsDecoy.lowerBound + 3))
        }
        #expect(!FileManager.default.fileExists(atPath: "unused"))
    }

    @Test func copyAndExactClipsStartWhereTheySay() throws {
        let room = try Self.room.get()
        for mode in ["copy", "exact"] {
            let folder = try Fixtures.temporaryDirectory()
            let result = try Fixtures.clipkit(["extract", room.path, "--out", folder.path, "--count", "2", "--mode", mode,
                                               "--events", room.eventsCSV, "--json", "--no-hook"])
            #expect(result.status == 0, "\(result.stderr)")
            for clip in try Self.clips(result.stdout) {
                let file = folder.appendingPathComponent(clip["file"] as? String ?? "").path
                let decode = try Fixtures.run("/usr/bin/env", ["ffmpeg", "-v", "error", "-i", file, "-f", "null", "-"])
                #expect(decode.status == 0 && decode.stderr.isEmpty, "\(mode): \(decode.stderr)")
                let probe = try Fixtures.ffprobe(file)
                let duration = Double((probe["format"] as? [String: Any])?["duration"] as? String ?? "") ?? 0
                let start = clip["start"] as! Double, end = clip["end"] as! Double, actual = clip["actualStart"] as! Double
                let frame = 1.0 / 15
                if mode == "exact" {
                    #expect(abs(actual - start) <= frame + 1e-6)
                    #expect(abs(duration - (end - start)) <= frame + 0.03, "exact duration \(duration) vs \(end - start)")
                } else {
                    // Keyframes every 2 s in the fixture: copy starts at the one at or before the in point.
                    #expect(actual <= start + 1e-6 && start - actual < 2 + 1e-6)
                    #expect(abs(actual / 2 - (actual / 2).rounded()) < 0.01)
                    #expect(abs(duration - (end - actual)) <= frame + 0.05, "copy duration \(duration) vs \(end - actual)")
                }
            }
        }
    }

    @Test func encodeToAPlatformPresetFromAPath() throws {
        let room = try Self.room.get()
        let folder = try Fixtures.temporaryDirectory()
        let douyin = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Presets/platforms/douyin-9x16.yaml"), encoding: .utf8)
        let small = douyin.replacingOccurrences(of: "width: 1080", with: "width: 360").replacingOccurrences(of: "height: 1920", with: "height: 640")
        let preset = folder.appendingPathComponent("small-9x16.yaml")
        try small.write(to: preset, atomically: true, encoding: .utf8)
        let result = try Fixtures.clipkit(["extract", room.path, "--out", folder.path, "--count", "1", "--mode", "encode",
                                           "--preset", preset.path, "--events", room.eventsCSV, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let clip = try #require(try Self.clips(result.stdout).first)
        let probe = try Fixtures.ffprobe(folder.appendingPathComponent(clip["file"] as! String).path)
        let video = try #require((probe["streams"] as? [[String: Any]])?.first { $0["codec_type"] as? String == "video" })
        #expect(video["width"] as? Int == 360 && video["height"] as? Int == 640)
        #expect(clip["hookScore"] != nil)
    }

    @Test func rerunIsSkippedUnlessForced() throws {
        let room = try Self.room.get()
        let folder = try Fixtures.temporaryDirectory()
        let arguments = ["extract", room.path, "--out", folder.path, "--count", "1", "--no-hook"]
        #expect(try Fixtures.clipkit(arguments).status == 0)
        let again = try Fixtures.clipkit(arguments)
        #expect(again.status == 0 && again.stdout.contains("already extracted"))
        let forced = try Fixtures.clipkit(arguments + ["--force"])
        #expect(forced.status == 0 && !forced.stdout.contains("already extracted"))
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"reasons\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["live-room-01.mp4", "manifest.json"])
    }

    @Test func timelinesAndContactSheet() throws {
        let room = try Self.room.get()
        let folder = try Fixtures.temporaryDirectory()
        let result = try Fixtures.clipkit(["extract", room.path, "--out", folder.path, "--count", "2", "--no-hook",
                                           "--export", "edl,fcpxml,otio", "--contact-sheet"])
        #expect(result.status == 0, "\(result.stderr)")
        let edl = try String(contentsOf: folder.appendingPathComponent("live-room.edl"), encoding: .utf8)
        #expect(edl.contains("live-room-01") && edl.contains("FCM: NON-DROP FRAME"))
        let otio = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("live-room.otio"))) as? [String: Any]
        #expect(otio?["OTIO_SCHEMA"] as? String == "Timeline.1")
        #expect(try String(contentsOf: folder.appendingPathComponent("live-room.fcpxml"), encoding: .utf8).contains("<fcpxml"))
        let sheet = try Fixtures.ffprobe(folder.appendingPathComponent("live-room-contact-sheet.png").path)
        #expect((sheet["streams"] as? [[String: Any]])?.first?["codec_name"] as? String == "png")

        // The clips go straight into a plan: hook-scored, with their source span from the manifest.
        let db = ["CLIPKIT_DB": folder.appendingPathComponent("plans.sqlite").path]
        #expect(try Fixtures.clipkit(["plan", "add", "live-room-plan"], environment: db).status == 0)
        let added = try Fixtures.clipkit(["creative", "add", "--plan", "live-room-plan", folder.appendingPathComponent("live-room-01.mp4").path], environment: db)
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try Fixtures.clipkit(["creative", "list", "--json"], environment: db)
        let creative = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(creative["hookScore"] is Double)
        #expect((creative["sourceRecording"] as? String)?.hasSuffix("live-room.mp4") == true)
    }

    @Test func badInputsGiveOneLineAndNoOutput() throws {
        let room = try Self.room.get()
        let folder = try Fixtures.temporaryDirectory()
        let text = try MediaFixtures.write("notes-for-extract.mp4", Data("not a video".utf8))
        let far = try MediaFixtures.write("far-events.csv", Data("offset,orders\n5000,3\n5060,4\n".utf8))
        let badRow = try MediaFixtures.write("bad-events.csv", Data("offset,orders\n0,1\nlater,2\n".utf8))
        let cases: [([String], String)] = [
            ([text], text),
            (["/no/such/live.flv"], "/no/such/live.flv"),
            ([room.path, "--events", far], "do not overlap the recording"),
            ([room.path, "--events", badRow], "row 3"),
        ]
        for (arguments, expected) in cases {
            let result = try Fixtures.clipkit(["extract"] + arguments + ["--out", folder.path, "--no-hook"])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(expected), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try Fixtures.clipkit(["extract", room.path, "--out", folder.path, "--mode", "fancy"]).status == 2)
    }
}
