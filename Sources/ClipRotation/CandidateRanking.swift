/// Orders the creatives that can go live: the calibrated predicted hook rate first (creatives that have one come
/// before those that do not), then the hook score, then fresh ones before revived ones, then newest.
public enum CandidateRanking {
    /// Candidates, and resting creatives whose cooldown is over, best first.
    public static func pool(_ creatives: [Creative], asOf: Day) -> [Creative] {
        creatives.filter { creative in
            creative.status == .candidate || (creative.status == .resting && (creative.restingUntil.map { $0 <= asOf } ?? true))
        }.sorted(by: isBetter)
    }

    /// True when `a` should go live before `b`.
    public static func isBetter(_ a: Creative, _ b: Creative) -> Bool {
        switch (a.predictedHookRate, b.predictedHookRate) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        switch (a.hookScore, b.hookScore) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if (a.status == .candidate) != (b.status == .candidate) { return a.status == .candidate }
        if a.createdAt != b.createdAt { return a.createdAt > b.createdAt }
        return a.id < b.id
    }
}
