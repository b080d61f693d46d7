import Foundation

/// Frozen video as ffmpeg's `freezedetect` finds it: each frame is compared with the first frame of the
/// current run; while the mean absolute difference stays below the noise level (`noiseDB` of full scale)
/// the run goes on; a run lasting `minDuration` is a freeze, ending at the first frame that differs.
public final class FreezeDetector: FrameDetector {
    public let settings: FreezeSettings
    public private(set) var intervals: [Interval] = []
    private let noise: Double
    private var reference: MeasuredFrame?
    /// Time of the latest frame found equal to the reference.
    private var lastSame = 0.0

    public init(settings: FreezeSettings) {
        self.settings = settings
        noise = pow(10, settings.noiseDB / 20) * 255
    }

    public func process(_ frame: MeasuredFrame) {
        guard let reference else { start(frame); return }
        if Pixels.meanAbsoluteDifference(frame.pixels, reference.pixels) <= noise { lastSame = frame.time; return }
        close(reference, endTime: frame.time, endFrame: frame.number)
        start(frame)
    }

    public func finish(at end: StreamEnd) {
        if let reference { close(reference, endTime: end.time, endFrame: end.frame) }
        reference = nil
    }

    private func start(_ frame: MeasuredFrame) {
        reference = frame
        lastSame = frame.time
    }

    /// Keeps the run when its frames stayed equal for `minDuration` (as freezedetect checks it, at a frame).
    private func close(_ reference: MeasuredFrame, endTime: Double, endFrame: Int) {
        guard lastSame - reference.time >= settings.minDuration - 1e-9 else { return }
        intervals.append(Interval(start: reference.time, end: endTime, startFrame: reference.number, endFrame: endFrame))
    }
}
