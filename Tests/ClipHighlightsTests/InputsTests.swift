import ClipHighlights
import Foundation
import Testing

/// Live-room exports, transcripts and keyword lists as users bring them.
@Suite struct InputsTests {
    static let columns: [String: [String]] = [
        "time": ["time", "时间"], "offset": ["offset"], "orders": ["orders", "成交订单数"], "comments": ["comments", "评论数"],
        "viewers": ["viewers", "在线人数"], "gmv": ["gmv", "成交金额"],
    ]

    @Test func chineseWallClockPerMinuteExport() throws {
        let reader = LiveEventsReader(file: "room.csv", columns: Self.columns)
        let start = try #require(EventTime.wallClock("2026-11-20 20:00:00"))
        let rows = [["2026-11-20 20:00:00", "1,200", "3", "¥299"], ["2026-11-20 20:01:00", "1,350", "14", "¥4,186"], ["2026-11-20 20:02:00", "1,300", "2", "--"]]
        let events = try reader.read(header: ["时间", "在线人数", "成交订单数", "成交金额"], rows: rows, recordingStart: start, duration: 200)
        #expect(events.interval == 60)
        #expect(abs(events.series[.orders]![90] - 14.0 / 60) < 1e-9)
        #expect(events.series[.viewers]![30] == 1200)
        #expect(events.series[.gmv]![150].isNaN)
    }

    @Test func offsetsInClockFormat() throws {
        let reader = LiveEventsReader(file: "room.csv", columns: Self.columns)
        let events = try reader.read(header: ["offset", "orders"], rows: [["0:00", "1"], ["1:00", "5"], ["01:02:00", "2"]], recordingStart: nil, duration: 4000)
        #expect(events.series[.orders]![3720] > 0)
    }

    @Test func cumulativeCountsAreDifferenced() throws {
        let reader = LiveEventsReader(file: "room.csv", columns: Self.columns)
        let totals = [0, 2, 2, 5, 9, 9, 12, 30, 31, 31, 33]
        let rows = totals.enumerated().map { ["\($0.offset * 60)", "\($0.element)"] }
        let events = try reader.read(header: ["offset", "orders"], rows: rows, recordingStart: nil, duration: 700)
        #expect(abs(events.series[.orders]![7 * 60 + 5] * 60 - 18) < 1e-9)
    }

    @Test func errorsNameFileAndRow() throws {
        let reader = LiveEventsReader(file: "room.csv", columns: Self.columns)
        let badTime = #expect(throws: HighlightInputError.self) {
            try reader.read(header: ["offset", "orders"], rows: [["0", "1"], ["soon", "2"]], recordingStart: nil, duration: 100)
        }
        #expect(badTime?.description == "room.csv: row 3: offset 'soon' is not seconds, MM:SS or HH:MM:SS")
        let outside = #expect(throws: HighlightInputError.self) {
            try reader.read(header: ["offset", "orders"], rows: [["5000", "1"]], recordingStart: nil, duration: 100)
        }
        #expect(outside?.description.contains("do not overlap the recording") == true)
        #expect(throws: HighlightInputError.self) {
            try reader.read(header: ["时间", "成交订单数"], rows: [["2026-11-20 20:00:00", "1"]], recordingStart: nil, duration: 100)
        }
        #expect(throws: HighlightInputError.self) {
            try reader.read(header: ["when", "orders"], rows: [["0", "1"]], recordingStart: nil, duration: 100)
        }
    }

    @Test func srtAndVttTranscripts() throws {
        let srt = "1\r\n00:41:05,000 --> 00:41:08,000\r\n家人们 上链接 了\r\n\r\n2\r\n00:41:09,500 --> 00:41:12,000\r\n最后三单\r\n"
        let transcript = try Transcript(text: srt, file: "a.srt")
        #expect(transcript.cues.count == 2)
        #expect(transcript.cues[0].start == 2465)
        let hits = KeywordList(text: "上链接\t2\n最后三单\n# comment\n").hits(in: transcript)
        #expect(hits.map(\.phrase) == ["上链接", "最后三单"])
        #expect(hits[0].weight == 2 && hits[1].weight == 1)
        #expect(hits[0].time > 2465 && hits[0].time < 2468)
        let vtt = try Transcript(text: "WEBVTT\n\n00:01.000 --> 00:03.500 align:start\n<v Host>Link is up, grab it now\n", file: "b.vtt")
        #expect(vtt.cues[0].end == 3.5)
        #expect(KeywordList(text: "link is up\ngrab it now").hits(in: vtt).count == 2)
        #expect(throws: HighlightInputError.self) { try Transcript(text: "not a subtitle", file: "c.srt") }
    }

    @Test func numbersAsExportsWriteThem() {
        #expect(EventTime.number("1,234") == 1234)
        #expect(EventTime.number("¥3,000.5") == 3000.5)
        #expect(EventTime.number("3.2万") == 32_000)
        #expect(EventTime.number("12.5%") == 0.125)
        #expect(EventTime.number("n/a") == nil)
    }
}
