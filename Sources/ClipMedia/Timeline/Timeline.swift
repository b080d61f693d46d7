import Foundation

/// The continuous timeline of a recording in a container whose time stamps may jump (MPEG-TS, FLV), found by
/// one demuxing pass over the file: the segment offsets, where each stream ends, and the main stream's
/// keyframes with their byte positions (to seek by, since the file's own time stamps are not monotonic).
/// Times are microseconds on the file's clock after stitching.
struct Timeline: Sendable {
    /// A keyframe of the main stream (video, else audio): its continuous time and the byte where its packet starts.
    struct SyncPoint: Sendable {
        var time: Int64
        var position: Int64
    }

    /// Segment offsets as `TimestampStitcher` found them; one entry (0) when the time stamps never jump.
    var offsets: [Int64] = [0]
    /// Per stream, the continuous end of its last packet.
    var ends: [Int: Int64] = [:]
    /// In file order.
    var syncPoints: [SyncPoint] = []
    /// Byte position of the first packet.
    var firstPosition: Int64?

    /// Whether the time stamps jump somewhere, so packets are shifted and seeks go by byte position.
    var hasJumps: Bool { offsets.count > 1 }

    /// The continuous end of the last packet of any stream.
    var end: Int64? { ends.values.max() }

    /// The last sync point at or before `time`, or nil when `time` is before the first.
    func syncPoint(atOrBefore time: Int64) -> SyncPoint? {
        syncPoints.last { $0.time <= time }
    }
}

/// Timelines already scanned in this process, by path, size and modification time: analysing and cutting
/// one recording open it several times, and the scan reads the whole file.
final class TimelineCache: @unchecked Sendable {
    static let shared = TimelineCache()
    private let lock = NSLock()
    private var timelines: [String: Timeline] = [:]

    /// The cached timeline of `path`, or the one `scan` builds (then cached).
    func timeline(for path: String, scan: () -> Timeline) -> Timeline {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "\(size):\(modified):\(path)"
        if let known = lock.withLock({ timelines[key] }) { return known }
        let timeline = scan()
        lock.withLock { timelines[key] = timeline }
        return timeline
    }
}
