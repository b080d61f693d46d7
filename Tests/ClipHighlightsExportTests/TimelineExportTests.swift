import ClipHighlights
import ClipMedia
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

@Suite("timeline exports")
struct TimelineExportTests {
    private let timeline = Timeline(
        name: "直播 highlights & more", rate: TimelineRate(fps: 30), width: 1920, height: 1080,
        sourceDurations: ["/media/live rec.mp4": 7200],
        clips: [
            TimelineClip(name: "上链接 moment", source: "/media/live rec.mp4", start: 93.1, end: 118.4, score: 0.87, comment: "chat spike <x>"),
            TimelineClip(name: "second", source: "/media/live rec.mp4", start: 3600.5, end: 3630.0, score: 0.5),
        ])

    @Test("frame rates become exact fractions; timecodes and FCPXML times are frame-exact")
    func rates() {
        let ntsc = TimelineRate(fps: 29.97)
        #expect(ntsc.frameNumerator == 1001 && ntsc.frameDenominator == 30000 && ntsc.timecodeBase == 30)
        #expect(ntsc.rationalTime(93) == "31031/10000s")
        #expect(TimelineRate(fps: 25).rationalTime(50) == "2s")
        #expect(TimelineRate(fps: 30).timecode(3 * 30 + 3 + 3600 * 30) == "01:00:03:03")
        #expect(TimelineRate(fps: 12.5).frameNumerator == 2 && TimelineRate(fps: 12.5).frameDenominator == 25)
    }

    @Test("CMX 3600 EDL: events, source file, clip name and score locator, read back by OpenTimelineIO")
    func edl() throws {
        let text = EDLWriter.render(timeline)
        #expect(text.contains("001  AX       V     C        00:01:33:03 00:01:58:12 01:00:00:00 01:00:25:09"))
        #expect(text.contains("* FROM FILE: /media/live rec.mp4"))
        #expect(!text.unicodeScalars.contains { !$0.isASCII })
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("t.edl").path
        try EDLWriter.write(timeline, to: path)
        if let reason = OTIOReader.available { Issue.record(Comment(rawValue: reason)); return }
        let clips = try OTIOReader.clips(path, adapter: "cmx_3600", rate: 30)
        #expect(clips.count == 2)
        #expect(clips.first?["start"] as? Double == 2793 && clips.first?["duration"] as? Double == 759)
        #expect(clips.first?["url"] as? String == "/media/live rec.mp4")
        #expect(clips.first?["markers"] as? [String] == ["SCORE 0.87"])
        #expect(clips.last?["start"] as? Double == 108015)
    }

    @Test("FCPXML 1.9: well-formed, escaped, frame-exact; OpenTimelineIO reads clips and markers")
    func fcpxml() throws {
        let text = FCPXMLWriter.render(timeline)
        #expect(text.contains("<fcpxml version=\"1.9\">"))
        #expect(text.contains("<media-rep kind=\"original-media\" src=\"file:///media/live%20rec.mp4\"/>"))
        #expect(text.contains("start=\"931/10s\" duration=\"253/10s\""), "2793 and 759 frames at 30 fps, reduced")
        #expect(text.contains("<note>chat spike &lt;x&gt;</note>"))
        _ = try XMLDocument(xmlString: text, options: [])
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("t.fcpxml").path
        try FCPXMLWriter.write(timeline, to: path)
        if let reason = OTIOReader.available { Issue.record(Comment(rawValue: reason)); return }
        let clips = try OTIOReader.clips(path, adapter: "fcpx_xml", rate: 30)
        #expect(clips.map { $0["name"] as? String } == ["上链接 moment", "second"])
        #expect(clips.first?["start"] as? Double == 2793 && clips.first?["duration"] as? Double == 759)
        #expect(clips.first?["markers"] as? [String] == ["score 0.87"])
    }

    @Test("OpenTimelineIO JSON: read back with names, ranges, media URL and markers")
    func otio() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("t.otio").path
        try OTIOWriter.write(timeline, to: path)
        if let reason = OTIOReader.available { Issue.record(Comment(rawValue: reason)); return }
        let clips = try OTIOReader.clips(path, adapter: "otio_json", rate: 30)
        #expect(clips.count == 2)
        #expect(clips.first?["name"] as? String == "上链接 moment")
        #expect(clips.first?["start"] as? Double == 2793 && clips.first?["duration"] as? Double == 759)
        #expect(clips.first?["rate"] as? Double == 30)
        #expect(clips.first?["url"] as? String == "file:///media/live%20rec.mp4")
        #expect(clips.last?["markers"] as? [String] == ["score 0.50"])
    }
}
