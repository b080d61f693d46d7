import ClipRotation

/// Deterministic random numbers (SplitMix64) for synthetic performance series.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A Binomial(n, p) draw, Bernoulli by Bernoulli (exact).
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        var count = 0
        for _ in 0..<n where Double.random(in: 0..<1, using: &self) < p { count += 1 }
        return count
    }
}

/// Builds daily series: impressions per day, a CTR per day, and 3-s views and money derived from it.
enum Synthetic {
    static let start = Day("2026-01-01")!

    /// `days` days of `impressions`/day; CTR `ctr(day)`; 3-s view rate 10× CTR; spend 20 per 1000; orders 2% of clicks.
    static func series(days: Int, impressions: Int, seed: UInt64, ctr: (Int) -> Double) -> DailySeries {
        var random = SeededRandom(seed: seed)
        var entries: [(day: Day, metrics: Metrics)] = []
        for index in 0..<days {
            let rate = ctr(index)
            let clicks = random.binomial(impressions, rate)
            let views = random.binomial(impressions, min(0.9, rate * 10))
            let orders = random.binomial(clicks, 0.02)
            entries.append((start.adding(days: index),
                            Metrics(impressions: impressions, clicks: clicks, views3s: views, spend: Double(impressions) * 0.02, orders: orders,
                                    revenue: Double(orders) * 50)))
        }
        return DailySeries(days: entries)
    }

    static func policy() throws -> RotationPolicy {
        try PolicyFile.defaultPolicy()
    }
}
