/// Joins the runs of a recording whose time stamps jump (a live stream that reconnected: +600 s, or back to 0)
/// into one continuous timeline. Each run is a segment with an offset (microseconds) that makes its time stamps
/// follow the run before it; for every packet the stitcher picks the segment offset that keeps the packet's
/// stream continuous. Audio and video share the segments, so they stay in sync across a jump as they were in
/// the source, and the main stream (video) decides where a segment goes: its frames follow on without a gap.
/// Plain logic on microseconds, no FFmpeg: `MediaFile` feeds it the decoding time stamp of each packet.
struct TimestampStitcher {
    /// A time stamp further than this (either way) from where its stream was expected to go on is a jump.
    static let tolerance: UInt64 = 1_000_000
    /// No more segments than this (damaged files whose every packet jumps): later jumps join the nearest one.
    static let maximumSegments = 1_000

    /// The offsets of the segments, in the order they were found; the first segment is the file's own clock.
    private(set) var offsets: [Int64]
    /// Whether new segments may be started (the scan that builds the timeline) or only known ones used.
    let discovers: Bool
    /// The stream whose continuity places a segment (video, else audio) while discovering.
    private let mainStream: Int?
    /// Segments the main stream has placed (a segment another stream found first is moved once it arrives).
    private var placed: Set<Int> = [0]
    /// Per stream, the continuous time its next packet should have.
    private var expected: [Int: Int64] = [:]
    /// Where reading is expected to resume after a seek (continuous time), for each stream's first packet.
    private var resumeTime: Int64?

    /// A stitcher that finds the segments (`discovers`, placing them by `mainStream`) or uses known `offsets`.
    init(offsets: [Int64] = [0], discovers: Bool, mainStream: Int? = nil) {
        self.offsets = offsets
        self.discovers = discovers
        self.mainStream = mainStream
    }

    /// Forgets where each stream was: reading restarts near `time` (continuous µs), or at the file start when nil.
    mutating func restart(near time: Int64?) {
        expected.removeAll()
        resumeTime = time
    }

    /// The offset to add to the time stamps of a packet of `stream` decoded at `time` (µs, the file's clock)
    /// and lasting `duration`. `mayJump` false (streams other than audio and video) never starts a segment.
    mutating func offset(stream: Int, time: Int64, duration: Int64, mayJump: Bool) -> Int64 {
        let segment: Int
        if let wanted = expected[stream] {
            let nearest = nearestSegment(time, to: wanted)
            let fits = Self.distance(time &+ offsets[nearest], wanted) <= Self.tolerance
            if fits || !(discovers && mayJump) || offsets.count >= Self.maximumSegments {
                segment = nearest
            } else {
                offsets.append(wanted &- time)
                segment = offsets.count - 1
            }
            if discovers, stream == mainStream, !placed.contains(segment) {
                offsets[segment] = wanted &- time
                placed.insert(segment)
            }
        } else if let resumeTime {
            segment = nearestSegment(time, to: resumeTime)
        } else {
            // A stream's first packet from the file start joins the segment the other streams are in.
            segment = expected.values.max().map { nearestSegment(time, to: $0) } ?? 0
        }
        expected[stream] = time &+ offsets[segment] &+ max(0, duration)
        return offsets[segment]
    }

    /// The segment whose offset brings `time` closest to `target`.
    private func nearestSegment(_ time: Int64, to target: Int64) -> Int {
        offsets.indices.min { Self.distance(time &+ offsets[$0], target) < Self.distance(time &+ offsets[$1], target) }!
    }

    /// |a - b|, without overflow on damaged time stamps.
    private static func distance(_ a: Int64, _ b: Int64) -> UInt64 {
        a > b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a)
    }
}
