/// Black intervals as ffmpeg's `blackdetect` finds them: a frame is black when at least `pictureRatio` of
/// its pixels are at or below `pixelThreshold` of full scale; an interval runs from the first black frame to
/// the first frame that is not, and is kept when it lasts `minDuration`.
public final class BlackDetector: FrameDetector {
    public let settings: BlackSettings
    public private(set) var intervals: [Interval] = []
    private var start: (time: Double, frame: Int)?

    public init(settings: BlackSettings) { self.settings = settings }

    public func process(_ frame: MeasuredFrame) {
        let black = frame.measure.blackRatio >= settings.pictureRatio
        if black, start == nil { start = (frame.time, frame.number) }
        if !black, let open = start {
            close(open, endTime: frame.time, endFrame: frame.number)
            start = nil
        }
    }

    public func finish(at end: StreamEnd) {
        if let open = start { close(open, endTime: end.time, endFrame: end.frame) }
        start = nil
    }

    private func close(_ open: (time: Double, frame: Int), endTime: Double, endFrame: Int) {
        guard endTime - open.time >= settings.minDuration - 1e-9 else { return }
        intervals.append(Interval(start: open.time, end: endTime, startFrame: open.frame, endFrame: endFrame))
    }
}
