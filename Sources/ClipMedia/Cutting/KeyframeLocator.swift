import CFFmpeg

/// Keyframes of a video stream around a time, found by seeking and reading packets (no decoding).
struct KeyframeNeighbours {
    /// Presentation time stamp (stream ticks) of the last keyframe at or before the time, or of the
    /// first keyframe when the time lies before it.
    var before: Int64
    /// Presentation time stamp of the first keyframe after the time, when one exists before `limit`.
    var after: Int64?
}

extension MediaFile {
    /// The keyframes at or before and after `seconds` (container time) in video stream `index`.
    /// `tolerance` (seconds) counts a keyframe that slightly misses the time as "at" it; the search for
    /// the next keyframe stops at `limit`. Leaves the read position undefined.
    func keyframes(around seconds: Double, stream index: Int, tolerance: Double, limit: Double) throws -> KeyframeNeighbours {
        let base = stream(index).pointee.time_base
        let target = Timebase.ticks(seconds + startTime, base) + Timebase.ticks(tolerance, base)
        let limitTicks = Timebase.ticks(limit + startTime, base)
        var back = 0.0
        while true {
            try seek(to: max(0, seconds - back), stream: index)
            var before: Int64?
            var first: Int64?
            var after: Int64?
            scan: while let packet = try readPacket() {
                guard packet.streamIndex == index else { continue }
                let raw = packet.raw.pointee
                let pts = raw.pts != FFmpegCode.noPTS ? raw.pts : raw.dts
                guard pts != FFmpegCode.noPTS else { continue }
                if packet.isKeyframe {
                    if first == nil { first = pts }
                    if pts <= target {
                        before = max(before ?? pts, pts)
                    } else {
                        after = min(after ?? pts, pts)
                    }
                }
                // Past the time and past a keyframe after it (or past the limit): nothing more to learn.
                if raw.dts != FFmpegCode.noPTS && (after.map { raw.dts > $0 } ?? false || raw.dts > limitTicks) { break scan }
                if after == nil && pts > limitTicks { break scan }
            }
            if let before { return KeyframeNeighbours(before: before, after: after) }
            if seconds - back <= 0 {
                guard let first else {
                    throw MediaError(file: path, operation: "looking for a keyframe near \(formatSeconds(seconds))", message: "the video stream has no keyframe")
                }
                return KeyframeNeighbours(before: first, after: after)
            }
            back = back == 0 ? 2 : back * 2
        }
    }
}
