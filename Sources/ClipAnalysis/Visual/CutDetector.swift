/// A hard cut: the first frame of the new shot.
public struct Cut: Codable, Sendable, Equatable {
    /// Seconds from the container start of the new shot's first frame, and its frame number.
    public var time: Double
    public var frame: Int
    /// Mean absolute luma difference to the previous frame (0–255).
    public var score: Double
    /// That score over the mean score of the neighbouring frames.
    public var ratio: Double
}

/// Finds hard cuts from frame-to-frame luma differences, combining PySceneDetect's ContentDetector (a fixed
/// threshold) and AdaptiveDetector (the score relative to its neighbours, which ignores steady camera motion),
/// and rejecting flashes: a change that comes back to the picture before it within `flashWindow` seconds.
public final class CutDetector: FrameDetector {
    public let settings: CutSettings
    public private(set) var cuts: [Cut] = []
    /// Called with (time, ratio) once a frame's adaptive ratio is known (a few frames late).
    public var onRatio: ((Double, Double) -> Void)?

    /// Adjacent frames whose ratio is not yet decided, oldest first: the window around the frame in the middle.
    private var window: [MeasuredFrame] = []
    /// Frames already decided that still serve as left neighbours.
    private var history: [MeasuredFrame] = []
    /// Candidates waiting for the flash check: the cut, and the picture before it.
    private var pending: [(cut: Cut, before: [UInt8])] = []
    /// Candidates at or before this time are the return from a flash.
    private var suppressedUntil = -Double.infinity
    private var lastCutFrame: Int?
    private var firstFrame: Int?

    /// The neighbours' mean is taken as at least this (levels), so that a still picture does not make
    /// every tiny change infinitely large.
    private let ratioFloor = 0.5

    /// `fromStreamStart`: the frames begin at the start of the recording, so the first shot too must last
    /// `minSceneFrames` (PySceneDetect's rule); false for a range that starts mid-recording.
    public init(settings: CutSettings, fromStreamStart: Bool = true) {
        self.settings = settings
        self.fromStreamStart = fromStreamStart
    }
    private let fromStreamStart: Bool

    public func process(_ frame: MeasuredFrame) {
        if firstFrame == nil, fromStreamStart { firstFrame = frame.number }
        checkFlashes(frame)
        if !frame.followsPrevious { drain() }
        window.append(frame)
        if window.count > settings.adaptiveWindow { decide(at: window.count - 1 - settings.adaptiveWindow) }
    }

    public func finish(at end: StreamEnd) {
        drain()
        for candidate in pending { confirm(candidate.cut) }
        pending.removeAll()
    }

    /// Decides every frame still in the window with the neighbours it has, and starts a new run.
    private func drain() {
        while !window.isEmpty { decide(at: 0) }
        history.removeAll()
    }

    /// Decides the frame at `index` of the window, then moves it and the frames before it into history.
    private func decide(at index: Int) {
        let frame = window[index]
        if let score = frame.measure.motion {
            let left = (history + window[..<index]).suffix(settings.adaptiveWindow)
            let right = window[(index + 1)...].prefix(settings.adaptiveWindow)
            let scores = (left + right).compactMap { $0.measure.motion }
            let mean = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            let ratio = min(score / max(mean, ratioFloor), 255)
            onRatio?(frame.time, ratio)
            if isCandidate(score: score, ratio: ratio), let before = left.last {
                consider(Cut(time: frame.time, frame: frame.number, score: score, ratio: ratio),
                         before: before.pixels, following: window[(index + 1)...])
            }
        }
        history.append(contentsOf: window[...index])
        if history.count > settings.adaptiveWindow { history.removeFirst(history.count - settings.adaptiveWindow) }
        window.removeFirst(index + 1)
    }

    func isCandidate(score: Double, ratio: Double) -> Bool {
        guard score >= settings.minScore else { return false }
        return (score >= settings.threshold && ratio >= settings.minRatio) || ratio >= settings.adaptiveThreshold
    }

    private func consider(_ cut: Cut, before: [UInt8], following: ArraySlice<MeasuredFrame>) {
        guard cut.time > suppressedUntil else { return }
        if let first = firstFrame, cut.frame - first < settings.minSceneFrames { return }
        if let last = lastCutFrame, cut.frame - last < settings.minSceneFrames { return }
        if let back = following.first(where: { isReturn($0, to: before, after: cut) }) {
            suppressedUntil = back.time
            return
        }
        lastCutFrame = cut.frame
        pending.append((cut, before))
    }

    private func isReturn(_ frame: MeasuredFrame, to before: [UInt8], after cut: Cut) -> Bool {
        frame.time > cut.time && frame.time - cut.time <= settings.flashWindow + 1e-9
            && Pixels.meanAbsoluteDifference(frame.pixels, before) < settings.flashReturn
    }

    /// A frame within the flash window that looks like the picture before a candidate turns the candidate
    /// (and the change back) into a flash; candidates older than the window are confirmed.
    private func checkFlashes(_ frame: MeasuredFrame) {
        var kept: [(cut: Cut, before: [UInt8])] = []
        for candidate in pending {
            if frame.time - candidate.cut.time > settings.flashWindow + 1e-9 {
                confirm(candidate.cut)
            } else if isReturn(frame, to: candidate.before, after: candidate.cut) {
                suppressedUntil = frame.time
                if lastCutFrame == candidate.cut.frame { lastCutFrame = cuts.last?.frame }
            } else {
                kept.append(candidate)
            }
        }
        pending = kept
    }

    private func confirm(_ cut: Cut) { cuts.append(cut) }
}
