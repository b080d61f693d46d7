/// A stretch of the recording (black, frozen, silent): seconds from the container start, with the frame
/// numbers there (`round(time × frame rate)`, nil without video).
public struct Interval: Codable, Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var startFrame: Int?
    public var endFrame: Int?
    public var duration: Double { end - start }

    public init(start: Double, end: Double, startFrame: Int? = nil, endFrame: Int? = nil) {
        self.start = start
        self.end = end
        self.startFrame = startFrame
        self.endFrame = endFrame
    }

    enum CodingKeys: String, CodingKey { case start, end, startFrame, endFrame, duration }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        start = try c.decode(Double.self, forKey: .start)
        end = try c.decode(Double.self, forKey: .end)
        startFrame = try c.decodeIfPresent(Int.self, forKey: .startFrame)
        endFrame = try c.decodeIfPresent(Int.self, forKey: .endFrame)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encodeIfPresent(startFrame, forKey: .startFrame)
        try c.encodeIfPresent(endFrame, forKey: .endFrame)
        try c.encode(duration, forKey: .duration)
    }

    /// Seconds of overlap with `[from, to)`.
    public func overlap(_ from: Double, _ to: Double) -> Double {
        max(0, min(end, to) - max(start, from))
    }
}
