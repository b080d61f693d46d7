/// Weighted ridge regression on standardised features, with the weights' covariance. Pure.
///
/// Observation weights are rescaled to sum to n. Each feature is centred on its weighted mean and divided
/// by its weighted standard deviation (a constant feature gets no weight). With Z the standardised
/// features, W the weights and λ the penalty: β = (ZᵀWZ + λI)⁻¹ ZᵀW(y − ȳ), intercept ȳ (the weighted
/// mean), Cov(β) = σ² A⁻¹ ZᵀWZ A⁻¹ with A = ZᵀWZ + λI and σ² = Σ w r² / (n − df − 1), df = tr(A⁻¹ZᵀWZ).
public struct RidgeRegression: Sendable, Equatable {
    public var intercept: Double
    public var means: [Double]
    public var scales: [Double]
    /// Change in y per standard deviation of each feature.
    public var weights: [Double]
    public var standardErrors: [Double]

    /// Fits rows `x` (one per observation) to `y` with observation weights `w`; needs at least 2 rows.
    public init(x: [[Double]], y: [Double], w: [Double], lambda: Double) {
        let n = Double(y.count), p = x.first?.count ?? 0
        let total = w.reduce(0, +)
        let wn = w.map { total > 0 ? $0 * n / total : 1 }
        let ybar = zip(wn, y).reduce(0) { $0 + $1.0 * $1.1 } / n
        let means = (0..<p).map { j in zip(wn, x).reduce(0) { $0 + $1.0 * $1.1[j] } / n }
        let scales = (0..<p).map { j in
            let variance = zip(wn, x).reduce(0) { $0 + $1.0 * ($1.1[j] - means[j]) * ($1.1[j] - means[j]) } / n
            return variance > 1e-18 ? variance.squareRoot() : 0
        }
        let active = (0..<p).filter { scales[$0] > 0 }
        let z = x.map { row in active.map { (row[$0] - means[$0]) / scales[$0] } }
        let q = active.count
        var gram = Array(repeating: Array(repeating: 0.0, count: q), count: q)
        var rhs = Array(repeating: 0.0, count: q)
        for (i, row) in z.enumerated() {
            for a in 0..<q {
                rhs[a] += wn[i] * row[a] * (y[i] - ybar)
                for b in 0..<q { gram[a][b] += wn[i] * row[a] * row[b] }
            }
        }
        var penalised = gram
        for a in 0..<q { penalised[a][a] += lambda }
        let inverse = Matrix.inverse(penalised)
        let beta = Matrix.multiply(inverse, rhs)
        var residualSquares = 0.0
        for (i, row) in z.enumerated() {
            let fitted = ybar + zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }
            residualSquares += wn[i] * (y[i] - fitted) * (y[i] - fitted)
        }
        let hat = Matrix.multiply(inverse, gram)
        let df = (0..<q).reduce(0) { $0 + hat[$1][$1] }
        let sigma2 = residualSquares / max(1, n - df - 1)
        let covariance = Matrix.multiply(hat, inverse)
        self.means = means
        self.scales = scales
        intercept = ybar
        weights = Array(repeating: 0, count: p)
        standardErrors = Array(repeating: 0, count: p)
        for (a, j) in active.enumerated() {
            weights[j] = beta[a]
            standardErrors[j] = (max(0, sigma2 * covariance[a][a])).squareRoot()
        }
    }

    /// The fitted value for one row of raw (unstandardised) features.
    public func predict(_ row: [Double]) -> Double {
        var value = intercept
        for j in row.indices where scales[j] > 0 { value += weights[j] * (row[j] - means[j]) / scales[j] }
        return value
    }
}

/// Small dense matrix helpers for the regression (a handful of features).
enum Matrix {
    /// Gauss–Jordan inverse with partial pivoting; the matrix must be non-singular (ridge makes it so).
    static func inverse(_ m: [[Double]]) -> [[Double]] {
        let n = m.count
        var a = m
        var inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            a.swapAt(col, pivot)
            inv.swapAt(col, pivot)
            let d = a[col][col]
            for k in 0..<n { a[col][k] /= d; inv[col][k] /= d }
            for row in 0..<n where row != col {
                let f = a[row][col]
                guard f != 0 else { continue }
                for k in 0..<n { a[row][k] -= f * a[col][k]; inv[row][k] -= f * inv[col][k] }
            }
        }
        return inv
    }

    static func multiply(_ a: [[Double]], _ v: [Double]) -> [Double] {
        a.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let columns = b.first?.count ?? 0
        return a.map { row in (0..<columns).map { c in row.indices.reduce(0) { $0 + row[$1] * b[$1][c] } } }
    }
}
