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
        /// A packet much larger than its neighbours: an intra-coded picture, typical of a cut.
        case packetSpike
        /// The next keyframe comes early: the encoder inserted it at a scene change.
        case earlyKeyframe
        /// One keyframe is black and the other is not.
        case blackEdge
        /// Static (tiny-packet) content starts or stops in the GOP: the edge of a freeze.
        case staticEdge
        /// The GOP after the last keyframe, which has no next keyframe to compare with.
        case lastGop
    }

    /// A keyframe as the triage sees it: time and full-range luma thumbnail.
    public struct Keyframe: Sendable {
        public var time: Double
        public var pixels: [UInt8]
        public var blackRatio: Double
        public init(time: Double, pixels: [UInt8], blackRatio: Double) {
            self.time = time
            self.pixels = pixels
            self.blackRatio = blackRatio
        }
    }

    public let settings: AnalysisSettings
    private var recentSizes: [Int] = []
    private var recentDifferences: [Double] = []
    private var recentIntervals: [Double] = []
    private var previousStatic: Bool?

    public init(settings: AnalysisSettings) { self.settings = settings }

    /// Looks at one non-key video packet size in decoding order; true when it is a spike.
    public mutating func isSpike(packetSize size: Int) -> Bool {
        let window = settings.fast.packetWindow
        defer {
            recentSizes.append(size)
            if recentSizes.count > window { recentSizes.removeFirst() }
        }
        guard recentSizes.count >= max(3, window / 2) else { return false }
        let median = Self.median(recentSizes.map(Double.init))
        // The absolute margin keeps a few bytes of jitter on near-empty packets from counting.
        return Double(size) >= settings.fast.packetSpike * median && Double(size) >= median + 32
    }

    /// A typical non-key packet size of the recent past (the median of the spike window).
    public var typicalPacketSize: Double? {
        recentSizes.isEmpty ? nil : Self.median(recentSizes.map(Double.init))
    }

    /// The reasons to decode the GOP from `previous` up to `next` (nil at the end of the stream) in full;
    /// empty when keyframes suffice. `nonKeySizes` are the sizes of the GOP's other packets, `spikes`
    /// how many of them were spikes.
    public mutating func reasons(previous: Keyframe, next: Keyframe?, nonKeySizes: [Int], spikes: Int,
                                 requested: Bool, typicalSize: Double?) -> [Reason] {
        var reasons: [Reason] = []
        if requested { reasons.append(.requested) }
        if spikes > 0 { reasons.append(.packetSpike) }
        let tiny = max(64, settings.fast.staticPacketShare * (typicalSize ?? 0))
        let tinyCount = nonKeySizes.filter { Double($0) < tiny }.count
        let isStatic = !nonKeySizes.isEmpty && tinyCount == nonKeySizes.count
        if (tinyCount > 0 && !isStatic) || (previousStatic != nil && previousStatic != isStatic) {
            reasons.append(.staticEdge)
        }
        previousStatic = isStatic
        guard let next else { return reasons }
        let difference = Pixels.meanAbsoluteDifference(previous.pixels, next.pixels)
        let usual = recentDifferences.isEmpty ? 0 : Self.median(recentDifferences)
        if difference >= max(settings.fast.keyframeDifference, 2 * usual) { reasons.append(.keyframeChange) }
        remember(&recentDifferences, difference)
        let interval = next.time - previous.time
        if recentIntervals.count >= 3, interval < 0.75 * Self.median(recentIntervals) { reasons.append(.earlyKeyframe) }
        remember(&recentIntervals, interval)
        let ratio = settings.black.pictureRatio
        if (previous.blackRatio >= ratio) != (next.blackRatio >= ratio) { reasons.append(.blackEdge) }
        return reasons
    }

    private func remember(_ values: inout [Double], _ value: Double) {
        values.append(value)
        if values.count > 15 { values.removeFirst() }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
