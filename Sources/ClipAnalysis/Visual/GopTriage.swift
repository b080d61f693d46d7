/// Decides, GOP by GOP, which GOPs `fast` mode decodes in full, from what is cheap to know: the two
/// keyframes around the GOP (decoded) and the sizes of its packets (demuxed). Every decision names its
/// reasons, so a report can say why frames were decoded.
public struct GopTriage: Sendable {
    /// Why a GOP was decoded in full.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// The caller asked for detail here.
        case requested
        /// The keyframes at both ends differ much more than neighbouring keyframes do.
        case keyframeChange
        /// A packet much larger than its neighbours and near keyframe size: an intra-coded picture, typical
        /// of a cut the encoder did not make a keyframe.
        case packetSpike
        /// The next keyframe is off the stream's keyframe cadence (or the cadence is not known yet): encoders
        /// with scene detection put extra keyframes at cuts.
        case irregularKeyframe
        /// One keyframe is black and the other is not.
        case blackEdge
        /// Static (tiny-packet) content starts or stops in the GOP: the edge of a freeze.
        case staticEdge
        /// The GOP after the last keyframe, which has no next keyframe to compare with.
        case lastGop
    }

    /// A keyframe as the triage sees it: time, full-range luma thumbnail, and its 8×8-block means
    /// (coarse enough that grain, noise and small motion average out, while a new shot does not).
    public struct Keyframe: Sendable {
        public var time: Double
        public var pixels: [UInt8]
        public var blocks: [UInt8]
        public var blackRatio: Double
        public init(time: Double, pixels: [UInt8], width: Int, height: Int, blackRatio: Double) {
            self.time = time
            self.pixels = pixels
            self.blocks = Self.blockMeans(pixels, width: width, height: height, block: 8)
            self.blackRatio = blackRatio
        }

        static func blockMeans(_ pixels: [UInt8], width: Int, height: Int, block: Int) -> [UInt8] {
            let columns = max(1, width / block), rows = max(1, height / block)
            let bw = width / columns, bh = height / rows
            guard bw > 0, bh > 0, pixels.count >= width * height else { return pixels }
            var out = [UInt8](repeating: 0, count: columns * rows)
            for r in 0..<rows {
                for c in 0..<columns {
                    var sum = 0
                    for y in (r * bh)..<((r + 1) * bh) {
                        for x in (c * bw)..<((c + 1) * bw) { sum += Int(pixels[y * width + x]) }
                    }
                    out[r * columns + c] = UInt8(sum / (bw * bh))
                }
            }
            return out
        }
    }

    public let settings: AnalysisSettings
    /// Non-key packet sizes of the recent past, oldest first (left context of the spike window, typical size).
    private var recentSizes: [Int] = []
    private var recentKeyframeSizes: [Int] = []
    private var recentDifferences: [Double] = []
    private var recentIntervals: [Double] = []
    private var previousStatic: Bool?
    /// Positions (in the `nonKeySizes` given) of the spikes of the GOP triaged last.
    public private(set) var spikeIndices: [Int] = []

    public init(settings: AnalysisSettings) { self.settings = settings }

    /// The reasons to decode the GOP from `previous` up to `next` (nil at the end of the stream) in full;
    /// empty when keyframes suffice. `keyframeSize` is the size of the GOP's keyframe packet, `nonKeySizes`
    /// the sizes of its other packets in decoding order.
    public mutating func reasons(previous: Keyframe, next: Keyframe?, keyframeSize: Int?, nonKeySizes: [Int],
                                 requested: Bool) -> [Reason] {
        var reasons: [Reason] = []
        if requested { reasons.append(.requested) }
        if let keyframeSize { remember(&recentKeyframeSizes, keyframeSize, limit: 15) }
        spikeIndices = spikes(in: nonKeySizes)
        if !spikeIndices.isEmpty { reasons.append(.packetSpike) }
        let typical = Self.median((recentSizes.suffix(300) + nonKeySizes).map(Double.init))
        let tiny = max(64, settings.fast.staticPacketShare * typical)
        let isTiny = nonKeySizes.map { Double($0) < tiny }
        let isStatic = !isTiny.isEmpty && !isTiny.contains(false)
        if (!isStatic && Self.mayHoldFreezeEdge(isTiny)) || (previousStatic != nil && previousStatic != isStatic) {
            reasons.append(.staticEdge)
        }
        previousStatic = isStatic
        recentSizes.append(contentsOf: nonKeySizes)
        if recentSizes.count > 300 { recentSizes.removeFirst(recentSizes.count - 300) }
        guard let next else { return reasons }
        let difference = Pixels.meanAbsoluteDifference(previous.blocks, next.blocks)
        let usual = recentDifferences.isEmpty ? 0 : Self.median(recentDifferences)
        if difference >= max(settings.fast.keyframeDifference, 2 * usual) { reasons.append(.keyframeChange) }
        remember(&recentDifferences, difference, limit: 15)
        let interval = next.time - previous.time
        let cadence = Self.median(recentIntervals)
        if recentIntervals.count < 2 || abs(interval - cadence) > max(0.02, 0.02 * cadence) { reasons.append(.irregularKeyframe) }
        remember(&recentIntervals, interval, limit: 15)
        let ratio = settings.black.pictureRatio
        if (previous.blackRatio >= ratio) != (next.blackRatio >= ratio) { reasons.append(.blackEdge) }
        return reasons
    }

    /// Packets at least `packetSpike` × the upper quartile of the `packetWindow` packets on each side (the
    /// previous GOP's tail included; the quartile, so that P-frames among B-frames do not count) and at least
    /// `spikeKeyframeShare` of a typical keyframe: an intra-coded picture.
    func spikes(in sizes: [Int]) -> [Int] {
        let window = settings.fast.packetWindow
        let context = Array(recentSizes.suffix(window)) + sizes
        let offset = context.count - sizes.count
        let keyframe = recentKeyframeSizes.isEmpty ? 0 : Self.median(recentKeyframeSizes.map(Double.init))
        var found: [Int] = []
        for i in sizes.indices {
            let at = offset + i
            let neighbours = context[max(0, at - window)..<at] + context[(at + 1)..<min(context.count, at + 1 + window)]
            guard neighbours.count >= 3 else { continue }
            let quartile = Self.upperQuartile(neighbours.map(Double.init))
            let size = Double(sizes[i])
            if size >= settings.fast.packetSpike * quartile, size >= quartile + 32,
               size >= settings.fast.spikeKeyframeShare * keyframe { found.append(i) }
        }
        return found
    }

    /// Whether a run of tiny packets could be part of a freeze: it touches the start or the end of the GOP
    /// (and may go on in the neighbouring GOP) or is at least 10 packets long. Scattered tiny packets are
    /// merely still parts of moving content.
    static func mayHoldFreezeEdge(_ isTiny: [Bool]) -> Bool {
        if isTiny.first == true || isTiny.last == true { return true }
        var run = 0
        for tiny in isTiny {
            run = tiny ? run + 1 : 0
            if run >= 10 { return true }
        }
        return false
    }

    private func remember<T>(_ values: inout [T], _ value: T, limit: Int) {
        values.append(value)
        if values.count > limit { values.removeFirst() }
    }

    static func upperQuartile(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count * 3 / 4]
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
