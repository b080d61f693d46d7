/// A clip chosen for cutting: where it is in the source, how it scored, and why.
public struct ClipPlan: Codable, Sendable, Equatable {
    /// 1 = best.
    public var rank: Int
    /// Seconds in the source, from its container start.
    public var start: Double
    public var end: Double
    public var duration: Double { end - start }
    /// Mean per-second highlight score over the clip plus the opening bonus (robust-z units; higher is better).
    public var score: Double
    /// Each score component's mean over the clip.
    public var components: [String: Double]
    /// Human sentences with the numbers behind the score.
    public var reasons: [String]
    /// How the boundaries were placed ("cut", "pause", "score").
    public var startSnap: String
    public var endSnap: String
}
