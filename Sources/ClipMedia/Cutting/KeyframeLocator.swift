import CFFmpeg

/// Keyframes of a video stream around a time, found by seeking and reading packets (no decoding).
struct KeyframeNeighbours {
    /// Presentation time stamp (stream ticks) of the last keyframe at or before the time, or of the
    /// first keyframe when the time lies before it.
    var before: Int64
    /// Presentation time stamp of the first keyframe after the time, when one exists before `limit`.
    var after: Int64?
    /// Decoding time stamp of that next keyframe.
    var afterDecodeTime: Int64?
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
            if seconds - back <= 0 { try rewind() } else { try seek(to: seconds - back, stream: index) }
            var before: Int64?
            var first: Int64?
            var after: Int64?
            var afterDecodeTime: Int64?
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
                        if after.map({ pts < $0 }) ?? true {
                            after = pts
                            afterDecodeTime = raw.dts != FFmpegCode.noPTS ? raw.dts : pts
                        }
                    }
                }
                // Past the time and past a keyframe after it (or past the limit): nothing more to learn.
                if raw.dts != FFmpegCode.noPTS && (after.map { raw.dts > $0 } ?? false || raw.dts > limitTicks) { break scan }
                if after == nil && pts > limitTicks { break scan }
            }
            if let before { return KeyframeNeighbours(before: before, after: after, afterDecodeTime: afterDecodeTime) }
            if seconds - back <= 0 {
                guard let first else {
                    throw MediaError(file: path, operation: "looking for a keyframe near \(formatSeconds(seconds))", message: "the video stream has no keyframe")
                }
                return KeyframeNeighbours(before: first, after: nil, afterDecodeTime: nil)
            }
            back = back == 0 ? 2 : back * 2
        }
    }
}

extension MediaFile {
    /// Seeks so that reading reaches video packet `keyframe` (pts, stream ticks) of stream `index`, with
    /// about `margin` seconds of packets before it (audio stored ahead of the video). Some demuxers (MPEG-TS)
    /// seek by estimate and may land late: the landing is checked and the seek repeated further back.
    func seek(reaching keyframe: Int64, stream index: Int, margin: Double = 1) throws {
        let seconds = mediaTime(keyframe, stream: index) ?? 0
        var back = margin
        while true {
            let target = max(0, seconds - back)
            if target == 0 { try rewind() } else { try seek(to: target) }
            var landedBefore = false
            while let packet = try readPacket() {
                guard packet.streamIndex == index else { continue }
                let raw = packet.raw.pointee
                let pts = raw.pts != FFmpegCode.noPTS ? raw.pts : raw.dts
                landedBefore = pts != FFmpegCode.noPTS && pts <= keyframe
                break
            }
            if landedBefore || target == 0 {
                if target == 0 { try rewind() } else { try seek(to: target) }
                return
            }
            back = back == 0 ? 1 : back * 2
        }
    }
}
