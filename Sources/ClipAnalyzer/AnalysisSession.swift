import ClipAnalysis
import ClipMedia

/// The state of one analysis pass: the audio and visual analyses, packet statistics and the range;
/// both modes feed it, and it assembles the report.
final class AnalysisSession {
    let path: String
    let options: AnalysisOptions
    let from: Double
    let to: Double
    let frameRate: Double?
    private(set) var audio: AudioAnalysis?
    let visual: VisualAnalysis
    var statistics = DecodeStatistics()
    private(set) var keyframeTimes: [Double] = []
    private var videoBytes: [Int: Int] = [:]
    private(set) var lastFrameTime: Double?
    private var problems: [String] = []
    private let progress: AnalysisProgress?
    private var reported = -1.0

    init(path: String, options: AnalysisOptions, from: Double, to: Double, frameRate: Double?, progress: AnalysisProgress?) {
        self.path = path
        self.options = options
        self.from = from
        self.to = to
        self.frameRate = frameRate
        self.progress = progress
        visual = VisualAnalysis(settings: options.settings, keepSeries: options.keepSeries, fromStreamStart: from <= 0)
    }

    func inRange(_ time: Double) -> Bool { time >= from - 1e-9 && time < to - 1e-9 }

    /// Counts a video packet of the main pass (sizes, keyframes) when it lies in the range.
    func note(videoPacket packet: Packet) {
        guard let time = packet.time, inRange(time) else { return }
        statistics.videoPackets += 1
        statistics.videoBytes += packet.size
        videoBytes[Int(time.rounded(.down)), default: 0] += packet.size
        if packet.isKeyframe {
            statistics.keyframes += 1
            keyframeTimes.append(time)
        }
    }

    /// Takes over the result of the audio pass, once it has finished.
    func add(_ pass: AudioPass) {
        audio = pass.analysis
        statistics.audioSeconds = pass.seconds
        record(pass.problems, count: pass.problemCount)
    }

    /// Feeds a decoded frame inside the range to the visual analysis.
    func feed(_ frame: VideoFrame, followsPrevious: Bool) {
        guard inRange(frame.time) else { return }
        visual.add(luma(frame), followsPrevious: followsPrevious)
        statistics.framesDecoded += 1
        lastFrameTime = frame.time
    }

    /// A decoded frame as the analysis library takes it, numbered by the nominal frame rate.
    func luma(_ frame: VideoFrame) -> LumaFrame {
        let number = TimelineBuilder.frameNumber(frame.time, frameRate: frameRate) ?? frame.index
        return LumaFrame(time: frame.time, number: number, width: frame.width, height: frame.height,
                         pixels: frame.pixels, isFullRange: frame.isFullRange)
    }

    /// Counts a GOP decoded in full in fast mode, and why.
    func noteDetail(_ reasons: [GopTriage.Reason]) {
        statistics.gopsDecoded += 1
        for reason in reasons { statistics.detailReasons[reason.rawValue, default: 0] += 1 }
    }

    /// Records decoder problems (kept: the first ten).
    func record(_ decoderProblems: [DecodeProblem], count: Int) {
        statistics.problemCount += count
        for problem in decoderProblems where problems.count < 10 { problems.append(problem.description) }
    }

    /// Reports progress at most every half second of media.
    func advance(to time: Double) {
        guard let progress, time - reported >= 0.5 else { return }
        reported = time
        progress(min(max(0, time - from), to - from), to - from)
    }

    /// Closes the analyses and builds the report.
    func report(mode: AnalysisMode) -> AnalysisReport {
        let frameStep = frameRate.map { 1 / $0 } ?? 0
        let videoEnd = min(to, (lastFrameTime ?? from) + frameStep)
        let endTime = audio.map { max(videoEnd, min(to, from + $0.duration)) } ?? videoEnd
        visual.finish(at: StreamEnd(time: videoEnd, frame: TimelineBuilder.frameNumber(videoEnd, frameRate: frameRate) ?? visual.frameCount))
        var sound = audio
        sound?.finish()
        let silence = (sound?.silence.intervals ?? []).map(numbered)
        let summaryEnd = lastFrameTime == nil && sound == nil ? from : endTime
        let blackSeconds = visual.black.intervals.reduce(0) { $0 + $1.duration }
        let freezeSeconds = visual.freeze.intervals.reduce(0) { $0 + $1.duration }
        // Summed in time order: the same report, to the last digit, on every run.
        let speechValues = sound?.seconds.sorted { $0.key < $1.key }.compactMap(\.value.speech) ?? []
        statistics.problems = problems
        let summary = AnalysisSummary(
            duration: max(0, summaryEnd - from),
            loudness: sound?.meter.summary ?? LoudnessSummary(),
            firstSoundTime: sound?.silence.firstSoundTime,
            cutCount: visual.cuts.cuts.count, fadeCount: visual.fades.fades.count,
            blackSeconds: blackSeconds, freezeSeconds: freezeSeconds,
            silenceSeconds: silence.reduce(0) { $0 + $1.duration },
            speechShare: speechValues.isEmpty ? nil : speechValues.reduce(0, +) / Double(speechValues.count))
        let timeline = TimelineBuilder.build(from: from, to: max(from, summaryEnd), audio: sound?.seconds ?? [:],
                                             motion: visual.motionPerSecond, videoBytes: videoBytes,
                                             cuts: visual.cuts.cuts, black: visual.black.intervals,
                                             freeze: visual.freeze.intervals, silence: silence)
        return AnalysisReport(file: path, mode: mode, from: from, to: max(from, summaryEnd), frameRate: frameRate,
                              summary: summary, timeline: timeline, cuts: visual.cuts.cuts, fades: visual.fades.fades,
                              black: visual.black.intervals, freeze: visual.freeze.intervals, silence: silence,
                              keyframeTimes: keyframeTimes, decode: statistics, frames: visual.series,
                              loudnessSeries: sound?.series ?? [])
    }

    private func numbered(_ interval: Interval) -> Interval {
        Interval(start: interval.start, end: interval.end,
                 startFrame: TimelineBuilder.frameNumber(interval.start, frameRate: frameRate),
                 endFrame: TimelineBuilder.frameNumber(interval.end, frameRate: frameRate))
    }
}
