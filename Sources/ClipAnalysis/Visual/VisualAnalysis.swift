import Foundation

/// The frame source of the visual detectors: measures each luma frame once (mean, deviation, motion,
/// black share), hands it to every registered detector, and keeps the per-frame series when asked.
public final class VisualAnalysis {
    public let settings: AnalysisSettings
    public let cuts: CutDetector
    public let fades: FadeDetector
    public let black: BlackDetector
    public let freeze: FreezeDetector
    /// Every detector fed by this source, in the order they see a frame.
    public let detectors: [FrameDetector]
    /// The per-frame measures, when `keepSeries` was set (hook: short windows); empty otherwise.
    public private(set) var series: [FrameMeasure] = []
    /// Frames measured so far.
    public private(set) var frameCount = 0
    private let keepSeries: Bool
    private var previous: [UInt8]?
    private var previousTime: Double?
    private var motionBySecond: [Int: (sum: Double, count: Int)] = [:]

    /// `fromStreamStart` is false when the frames start mid-recording (a range): see `CutDetector`.
    public init(settings: AnalysisSettings, keepSeries: Bool = false, fromStreamStart: Bool = true) {
        self.settings = settings
        self.keepSeries = keepSeries
        cuts = CutDetector(settings: settings.cuts, fromStreamStart: fromStreamStart)
        fades = FadeDetector(settings: settings.fades)
        black = BlackDetector(settings: settings.black)
        freeze = FreezeDetector(settings: settings.freeze)
        detectors = [cuts, fades, black, freeze]
        if keepSeries {
            cuts.onRatio = { [unowned self] time, ratio in
                if let i = self.series.lastIndex(where: { $0.time == time }) { self.series[i].cutRatio = ratio }
            }
        }
    }

    /// Measures `frame` and passes it to the detectors. `followsPrevious` is false when frames between
    /// the previous one given and this one were not decoded (fast mode); motion is then unknown.
    public func add(_ frame: LumaFrame, followsPrevious: Bool = true) {
        let pixels = Pixels.fullRange(frame)
        let adjacent = followsPrevious && previous?.count == pixels.count && previousTime.map { $0 < frame.time } == true
        let motion = adjacent ? Pixels.meanAbsoluteDifference(pixels, previous!) : nil
        let (mean, deviation, black) = Self.statistics(pixels, blackLevel: settings.black.pixelThreshold * 255)
        let measure = FrameMeasure(time: frame.time, frame: frame.number, lumaMean: mean, lumaStdev: deviation,
                                   motion: motion, blackRatio: black, cutRatio: nil)
        if keepSeries { series.append(measure) }
        if let motion {
            let second = Int(frame.time.rounded(.down))
            motionBySecond[second, default: (0, 0)].sum += motion
            motionBySecond[second, default: (0, 0)].count += 1
        }
        let measured = MeasuredFrame(measure: measure, pixels: pixels, width: frame.width, height: frame.height,
                                     followsPrevious: adjacent)
        for detector in detectors { detector.process(measured) }
        previous = pixels
        previousTime = frame.time
        frameCount += 1
    }

    /// The frame as the fast-mode triage needs it (full-range thumbnail and black share).
    public func keyframe(_ frame: LumaFrame) -> GopTriage.Keyframe {
        let pixels = Pixels.fullRange(frame)
        let black = Self.statistics(pixels, blackLevel: settings.black.pixelThreshold * 255).2
        return GopTriage.Keyframe(time: frame.time, pixels: pixels, width: frame.width, height: frame.height, blackRatio: black)
    }

    /// Closes every detector at the end of the analysed range.
    public func finish(at end: StreamEnd) {
        for detector in detectors { detector.finish(at: end) }
    }

    /// Mean motion of the measured frames of each second (only seconds with at least one known motion value).
    public var motionPerSecond: [Int: Double] {
        motionBySecond.mapValues { $0.sum / Double($0.count) }
    }

    /// Mean, standard deviation and share of pixels at or below `blackLevel`.
    static func statistics(_ pixels: [UInt8], blackLevel: Double) -> (Double, Double, Double) {
        guard !pixels.isEmpty else { return (0, 0, 0) }
        var sum = 0, squares = 0, dark = 0
        let level = Int(blackLevel)
        pixels.withUnsafeBufferPointer { p in
            for value in p {
                let v = Int(value)
                sum &+= v
                squares &+= v * v
                if v <= level { dark &+= 1 }
            }
        }
        let n = Double(pixels.count)
        let mean = Double(sum) / n
        return (mean, max(0, Double(squares) / n - mean * mean).squareRoot(), Double(dark) / n)
    }
}
