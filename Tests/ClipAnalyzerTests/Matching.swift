/// Precision and recall of found event times against expected ones, each expected time matched at most once.
struct Agreement {
    let matched: Int
    let found: Int
    let expected: Int

    init(found: [Double], expected: [Double], tolerance: Double) {
        var used = Set<Int>()
        var matched = 0
        for time in expected {
            if let index = found.indices.first(where: { !used.contains($0) && abs(found[$0] - time) <= tolerance }) {
                used.insert(index)
                matched += 1
            }
        }
        self.matched = matched
        self.found = found.count
        self.expected = expected.count
    }

    var precision: Double { found == 0 ? (expected == 0 ? 1 : 0) : Double(matched) / Double(found) }
    var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }

    static func + (a: Agreement, b: Agreement) -> Agreement {
        Agreement(matched: a.matched + b.matched, found: a.found + b.found, expected: a.expected + b.expected)
    }

    private init(matched: Int, found: Int, expected: Int) {
        self.matched = matched
        self.found = found
        self.expected = expected
    }

    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}

/// Total seconds covered by intervals, and the seconds two interval lists disagree on.
enum Coverage {
    static func disagreement(_ a: [(Double, Double)], _ b: [(Double, Double)], step: Double = 0.01, upTo end: Double) -> Double {
        var total = 0.0
        var t = 0.0
        while t < end {
            let inA = a.contains { t >= $0.0 && t < $0.1 }, inB = b.contains { t >= $0.0 && t < $0.1 }
            if inA != inB { total += step }
            t += step
        }
        return total
    }
}
