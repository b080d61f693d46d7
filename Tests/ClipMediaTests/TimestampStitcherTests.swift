@testable import ClipMedia
import Testing

/// The stitcher on made-up packet times (µs): video every 40 ms, audio every 20 ms, interleaved as muxers do.
@Suite struct TimestampStitcherTests {
    /// Continuous times of `packets` (stream, time on the file's clock) through one stitcher.
    static func stitch(_ packets: [(Int, Int64)], _ stitcher: inout TimestampStitcher) -> [Int64] {
        packets.map { stream, time in time + stitcher.offset(stream: stream, time: time, duration: stream == 0 ? 40_000 : 20_000, mayJump: true) }
    }

    /// 1 s of video (stream 0) and audio (stream 1) from `start`, audio packets first at each step.
    static func run(from start: Int64, audioLead: Int64 = 0) -> [(Int, Int64)] {
        (0..<25).flatMap { i -> [(Int, Int64)] in
            let t = start + Int64(i) * 40_000
            return [(1, t - audioLead), (1, t - audioLead + 20_000), (0, t)]
        }
    }

    @Test func forwardAndBackwardJumpsContinueTheTimeline() {
        var stitcher = TimestampStitcher(discovers: true, mainStream: 0)
        let packets = Self.run(from: 0) + Self.run(from: 600_000_000) + Self.run(from: 0)
        let times = Self.stitch(packets, &stitcher)
        #expect(stitcher.offsets == [0, 1_000_000 - 600_000_000, 2_000_000])
        let video = zip(packets, times).filter { $0.0.0 == 0 }.map(\.1)
        #expect(video == (0..<75).map { Int64($0) * 40_000 })
    }

    @Test func theVideoPlacesASegmentAudioFoundFirst() {
        var stitcher = TimestampStitcher(discovers: true, mainStream: 0)
        // After the jump the audio starts 10 ms before the video: the video still follows on without a gap,
        // and the audio keeps its 10 ms lead.
        let packets = Self.run(from: 0) + Self.run(from: 600_000_000, audioLead: 10_000)
        _ = Self.stitch(packets, &stitcher)
        #expect(stitcher.offsets == [0, 1_000_000 - 600_000_000])
        var reading = TimestampStitcher(offsets: stitcher.offsets, discovers: false)
        let times = Self.stitch(packets, &reading)
        #expect(times[75] == 1_000_000 - 10_000)
        #expect(times[77] == 1_000_000)
    }

    @Test func stragglersOfTheOldClockKeepTheirSegment() {
        var stitcher = TimestampStitcher(discovers: true, mainStream: 0)
        let packets = Self.run(from: 0) + [(0, 600_000_000), (1, 1_000_000), (0, 600_040_000), (1, 600_000_000)]
        let times = Self.stitch(packets, &stitcher)
        #expect(Array(times.suffix(4)) == [1_000_000, 1_000_000, 1_040_000, 1_000_000])
        #expect(stitcher.offsets.count == 2)
    }

    @Test func afterASeekThePacketsNearestTheResumeTimeWin() {
        // Segments: the file's clock, then a clock that restarted at 0 after 10 s.
        var stitcher = TimestampStitcher(offsets: [0, 10_000_000], discovers: false)
        stitcher.restart(near: 12_000_000)
        #expect(stitcher.offset(stream: 0, time: 2_000_000, duration: 40_000, mayJump: true) == 10_000_000)
        stitcher.restart(near: 5_000_000)
        #expect(stitcher.offset(stream: 0, time: 5_000_000, duration: 40_000, mayJump: true) == 0)
    }

    @Test func aDamagedClockStopsMakingSegmentsAtTheCap() {
        var stitcher = TimestampStitcher(discovers: true, mainStream: 0)
        for i in 0..<3_000 { _ = stitcher.offset(stream: 0, time: Int64(i % 2 == 0 ? i : -i) * 7_000_000_000, duration: 0, mayJump: true) }
        #expect(stitcher.offsets.count == TimestampStitcher.maximumSegments)
    }
}
