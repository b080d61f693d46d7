import Foundation

/// The `calibration:` section of a platform preset written by `clipkit hook calibrate`: a ridge regression
/// of the account's hook rate (3-second views ÷ impressions) on standardised hook metrics, with its figures.
public struct HookCalibration: Codable, Sendable, Equatable {
    /// What is predicted: `views_3s / impressions`.
    public var target: String
    /// When the fit was made (ISO 8601) and the data it saw.
    public var fittedAt: String
    public var creatives: Int
    public var impressions: Int
    /// Ridge penalty on the standardised weights.
    public var ridgeLambda: Double
    /// Impression-weighted mean hook rate: the prediction for a creative at every feature's mean.
    public var intercept: Double
    public var features: [CalibratedFeature]
    /// Cross-validation: folds, and Spearman's ρ of held-out predictions and of the uncalibrated score against the actual hook rate.
    public var folds: Int
    public var cvSpearman: Double
    public var scoreSpearman: Double

    public init(target: String, fittedAt: String, creatives: Int, impressions: Int, ridgeLambda: Double, intercept: Double,
                features: [CalibratedFeature], folds: Int, cvSpearman: Double, scoreSpearman: Double) {
        self.target = target
        self.fittedAt = fittedAt
        self.creatives = creatives
        self.impressions = impressions
        self.ridgeLambda = ridgeLambda
        self.intercept = intercept
        self.features = features
        self.folds = folds
        self.cvSpearman = cvSpearman
        self.scoreSpearman = scoreSpearman
    }

    /// Predicted hook rate for feature values by name, clamped to 0…1; a feature missing from `values` sits at its mean.
    public func predict(_ values: [String: Double]) -> Double {
        var rate = intercept
        for feature in features where feature.scale > 0 {
            guard let value = values[feature.name] else { continue }
            rate += feature.weight * (value - feature.mean) / feature.scale
        }
        return min(1, max(0, rate))
    }

    /// The `calibration:` section as YAML, numbers in fixed notation.
    public func yamlSection() -> String {
        var lines = ["calibration:",
                     "  target: \"\(target)\"",
                     "  fittedAt: \"\(fittedAt)\"",
                     "  creatives: \(creatives)            # qualified creatives the fit saw",
                     "  impressions: \(impressions)",
                     "  ridgeLambda: \(fixed(ridgeLambda, 6))",
                     "  intercept: \(fixed(intercept, 8))      # impression-weighted mean hook rate",
                     "  folds: \(folds)",
                     "  cvSpearman: \(fixed(cvSpearman, 6))    # held-out predictions vs actual hook rate",
                     "  scoreSpearman: \(fixed(scoreSpearman, 6)) # uncalibrated score vs actual hook rate",
                     "  features:                # weight: hook-rate change per standard deviation (scale) of the feature"]
        for f in features {
            lines.append("    - { name: \(f.name), mean: \(fixed(f.mean, 6)), scale: \(fixed(f.scale, 6)), "
                         + "weight: \(fixed(f.weight, 8)), standardError: \(fixed(f.standardError, 8)) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func fixed(_ value: Double, _ digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.append("0") }
        return text == "-0.0" ? "0.0" : text
    }

    /// What is inconsistent, or nil.
    public var problem: String? {
        if features.isEmpty { return "calibration.features is empty" }
        for feature in features where !(feature.scale >= 0) || !feature.weight.isFinite || !feature.mean.isFinite {
            return "calibration.features.\(feature.name): mean, scale and weight must be finite numbers, scale ≥ 0"
        }
        return intercept.isFinite ? nil : "calibration.intercept must be a finite number"
    }
}

/// One feature of a calibration: how it is standardised, its weight (hook-rate change per standard
/// deviation) and the weight's standard error.
public struct CalibratedFeature: Codable, Sendable, Equatable {
    public var name: String
    public var mean: Double
    /// Impression-weighted standard deviation; 0 when the feature was constant (then it has no weight).
    public var scale: Double
    public var weight: Double
    public var standardError: Double

    public init(name: String, mean: Double, scale: Double, weight: Double, standardError: Double) {
        self.name = name
        self.mean = mean
        self.scale = scale
        self.weight = weight
        self.standardError = standardError
    }

    /// Hook-rate change per unit of the feature (per second, per LUFS …).
    public var weightPerUnit: Double { scale > 0 ? weight / scale : 0 }
}
