/// Spearman's rank correlation (ties get their average rank) and a seeded fold assignment. Pure.
public enum RankCorrelation {
    /// Spearman's ρ of two equally long series; nil when either is constant or shorter than 3.
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count == b.count, a.count >= 3 else { return nil }
        return pearson(ranks(a), ranks(b))
    }

    /// Ranks 1…n, tied values sharing the mean of their ranks.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = Array(repeating: 0.0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        guard saa > 0, sbb > 0 else { return nil }
        return sab / (saa * sbb).squareRoot()
    }

    /// The fold (0..<k) of each of `count` items: a seeded shuffle (SplitMix64, Fisher–Yates) dealt round-robin,
    /// so the same seed always gives the same folds and fold sizes differ by at most one.
    public static func folds(count: Int, k: Int, seed: UInt64) -> [Int] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, Int(next() % UInt64(i + 1))) }
        }
        var fold = Array(repeating: 0, count: count)
        for (position, item) in order.enumerated() { fold[item] = position % max(1, k) }
        return fold
    }
}
