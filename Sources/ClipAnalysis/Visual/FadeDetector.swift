/// A gradual transition to or from black.
public struct Fade: Codable, Sendable, Equatable {
    /// Which way the fade goes.
    public enum Kind: String, Codable, Sendable {
        /// Picture to black (fade-out): ends at the first frame darker than the threshold.
        case toBlack
        /// Black to picture (fade-in): starts at the last frame darker than the threshold.
        case fromBlack
    }
    public var kind: Kind
    public var start: Double
    public var end: Double
    public var startFrame: Int
    public var endFrame: Int
    /// Mean luma (0–255) at the bright end of the fade.
    public var brightLuma: Double
}

/// Finds fades to and from black: the mean luma crossing the threshold (PySceneDetect's ThresholdDetector
/// rule), extended over the run of frames in which the luma moves steadily towards black or away from it.
/// An instant change (shorter than `minDuration`, or one frame step carrying more than half of the change)
/// is a cut, not a fade.
public final class FadeDetector: FrameDetector {
    public let settings: FadeSettings
    public private(set) var fades: [Fade] = []
    /// Recent adjacent frames (time, number, mean luma), newest last: where a fade-out is traced back.
    private var recent: [(time: Double, frame: Int, luma: Double)] = []
    private var dark: Bool?
    /// An open fade-in: where it started and the last frame that was still getting brighter.
    private var rising: (start: (time: Double, frame: Int), last: (time: Double, frame: Int, luma: Double), startLuma: Double,
                         still: Int, largestStep: Double)?
    /// Frames in which the luma may hold still inside a fade (duplicated frames).
    private let stillFrames = 2
    private let tolerance = 0.3
    private let historyLimit = 600

    public init(settings: FadeSettings) { self.settings = settings }

    public func process(_ frame: MeasuredFrame) {
        let luma = frame.measure.lumaMean
        if !frame.followsPrevious { closeRising(); recent.removeAll() }
        let isDark = luma < settings.threshold
        if let open = rising {
            if luma > open.last.luma + tolerance {
                rising!.largestStep = max(open.largestStep, luma - open.last.luma)
                rising!.last = (frame.time, frame.number, luma)
                rising!.still = 0
            } else if open.still < stillFrames && luma >= open.last.luma - tolerance {
                rising!.still += 1
            } else {
                closeRising()
            }
        }
        if let wasDark = dark, frame.followsPrevious, wasDark != isDark {
            if isDark { traceFadeOut(to: (frame.time, frame.number, luma)) }
            else if let previous = recent.last {
                rising = ((previous.time, previous.frame), (frame.time, frame.number, luma), previous.luma, 0, luma - previous.luma)
            }
        }
        dark = isDark
        recent.append((frame.time, frame.number, luma))
        if recent.count > historyLimit { recent.removeFirst(recent.count - historyLimit) }
    }

    public func finish(at end: StreamEnd) {
        closeRising()
    }

    private func traceFadeOut(to end: (time: Double, frame: Int, luma: Double)) {
        var start = end
        var still = 0
        var later = end.luma
        var largestStep = 0.0
        for entry in recent.reversed() {
            if entry.luma > later + tolerance {
                largestStep = max(largestStep, entry.luma - later)
                start = entry
                still = 0
            } else if still < stillFrames && entry.luma >= later - tolerance {
                still += 1
            } else {
                break
            }
            later = entry.luma
        }
        add(Fade(kind: .toBlack, start: start.time, end: end.time, startFrame: start.frame, endFrame: end.frame,
                 brightLuma: start.luma), change: start.luma - end.luma, largestStep: largestStep)
    }

    private func closeRising() {
        guard let open = rising else { return }
        rising = nil
        add(Fade(kind: .fromBlack, start: open.start.time, end: open.last.time, startFrame: open.start.frame,
                 endFrame: open.last.frame, brightLuma: open.last.luma), change: open.last.luma - open.startLuma,
            largestStep: open.largestStep)
    }

    private func add(_ fade: Fade, change: Double, largestStep: Double) {
        guard fade.end - fade.start >= settings.minDuration - 1e-9, change >= settings.minChange,
              largestStep <= change / 2 else { return }
        fades.append(fade)
    }
}
