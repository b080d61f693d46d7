import Foundation

/// The statistical tests the policy uses: every verdict is one of these with a level from the policy.
public enum Statistics {
    /// Standard normal cumulative distribution.
    public static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// One-sided two-proportion z-test of H1 "rate A < rate B" (pooled standard error).
    /// Returns the p-value; 1 when either side has no trials.
    public static func twoProportionLessPValue(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Double {
        guard trialsA > 0, trialsB > 0 else { return 1 }
        let pA = Double(successesA) / Double(trialsA), pB = Double(successesB) / Double(trialsB)
        let pooled = Double(successesA + successesB) / Double(trialsA + trialsB)
        let variance = pooled * (1 - pooled) * (1 / Double(trialsA) + 1 / Double(trialsB))
        guard variance > 0 else { return pA < pB ? 0 : 1 }
        return normalCDF((pA - pB) / variance.squareRoot())
    }

    /// Posterior probability that rate A ≥ rate B under uniform Beta(1,1) priors (normal approximation of the
    /// two Beta posteriors), i.e. the Bayesian counterpart of the p-value of "A < B".
    public static func betaBinomialNotLessProbability(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Double {
        func moments(_ s: Int, _ n: Int) -> (mean: Double, variance: Double) {
            let a = Double(s) + 1, b = Double(n - s) + 1
            return (a / (a + b), a * b / ((a + b) * (a + b) * (a + b + 1)))
        }
        let (meanA, varA) = moments(successesA, trialsA), (meanB, varB) = moments(successesB, trialsB)
        return normalCDF((meanA - meanB) / (varA + varB).squareRoot())
    }

    /// P(X ≤ k) for X ~ Binomial(n, p), summed in log space (exact).
    public static func binomialCDF(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        var total = 0.0
        for i in 0...k {
            let logTerm = lgamma(Double(n) + 1) - lgamma(Double(i) + 1) - lgamma(Double(n - i) + 1)
                + Double(i) * log(p) + Double(n - i) * log1p(-p)
            total += exp(logTerm)
        }
        return min(1, total)
    }

    /// P(X ≤ k) for X ~ Poisson(λ) (exact sum).
    public static func poissonCDF(_ k: Int, mean lambda: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard lambda > 0 else { return 1 }
        var term = exp(-lambda), total = term
        if k > 0 {
            for i in 1...k {
                term *= lambda / Double(i)
                total += term
            }
        }
        return min(1, total)
    }
}

/// How a rate comparison is tested: a frequentist one-sided test or a Beta-Binomial posterior.
public enum RateTest: String, Sendable, Codable {
    case twoProportion = "two_proportion"
    case betaBinomial = "beta_binomial"

    /// The evidence that rate A is below rate B, as a p-value (two_proportion) or as the posterior probability that
    /// A is not below B (beta_binomial); "significant" when it is under the policy's level.
    public func lessEvidence(successesA: Int, trialsA: Int, successesB: Int, trialsB: Int) -> Double {
        switch self {
        case .twoProportion:
            return Statistics.twoProportionLessPValue(successesA: successesA, trialsA: trialsA, successesB: successesB, trialsB: trialsB)
        case .betaBinomial:
            return Statistics.betaBinomialNotLessProbability(successesA: successesA, trialsA: trialsA, successesB: successesB, trialsB: trialsB)
        }
    }

    /// What the number means, for reasons.
    public var evidenceName: String { self == .twoProportion ? "p" : "P(not lower)" }
}
