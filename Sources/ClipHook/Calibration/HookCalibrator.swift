import ClipPresets

/// One creative the calibration learns from: its features, its uncalibrated score and its delivery.
public struct CalibrationSample: Sendable, Equatable {
    public var id: String
    public var features: [String: Double]
    public var score: Double
    public var impressions: Int
    public var views3s: Int

    public init(id: String, features: [String: Double], score: Double, impressions: Int, views3s: Int) {
        self.id = id
        self.features = features
        self.score = score
        self.impressions = impressions
        self.views3s = views3s
    }

    /// 3-second views ÷ impressions.
    public var hookRate: Double { Double(views3s) / Double(impressions) }
}

/// Why a calibration was refused.
public enum CalibrationError: Error, CustomStringConvertible, Equatable {
    case tooFew(qualified: Int, needed: Int)
    case constantTarget(rate: Double, creatives: Int)

    public var description: String {
        switch self {
        case let .tooFew(qualified, needed):
            return "\(qualified) creative\(qualified == 1 ? "" : "s") qualified; calibration needs at least \(needed) (settings minCreatives)"
        case let .constantTarget(rate, creatives):
            return "the hook rate is the same (\(rate)) for all \(creatives) creatives: nothing to learn from"
        }
    }
}

/// Fits the account's hook rate on the hook metrics: impression-weighted ridge regression on standardised
/// features, k-fold cross-validated Spearman ρ of the held-out predictions beside that of the uncalibrated
/// score. Pure and deterministic (seeded folds).
public struct HookCalibrator: Sendable {
    public let settings: CalibrationSettings

    public init(settings: CalibrationSettings) { self.settings = settings }

    /// The refusal for hook rates that are all equal (nothing to learn), or nil. Callers can check this before
    /// measuring any media.
    public static func constantTarget(_ rates: [Double]) -> CalibrationError? {
        guard let first = rates.first, rates.allSatisfy({ $0 == first }) else { return nil }
        return .constantTarget(rate: first, creatives: rates.count)
    }

    /// The calibration section for `samples` (creatives that already qualified), stamped `fittedAt`.
    public func fit(_ samples: [CalibrationSample], fittedAt: String) throws -> HookCalibration {
        guard samples.count >= settings.minCreatives else {
            throw CalibrationError.tooFew(qualified: samples.count, needed: settings.minCreatives)
        }
        let rates = samples.map(\.hookRate)
        if let constant = HookCalibrator.constantTarget(rates) { throw constant }
        let names = settings.features.map(\.rawValue)
        let rows = samples.map { sample in names.map { sample.features[$0] ?? 0 } }
        let weights = samples.map { Double($0.impressions) }
        let model = RidgeRegression(x: rows, y: rates, w: weights, lambda: settings.ridgeLambda)

        let fold = RankCorrelation.folds(count: samples.count, k: settings.folds, seed: settings.seed)
        var heldOut = Array(repeating: 0.0, count: samples.count)
        for k in 0..<settings.folds {
            let train = samples.indices.filter { fold[$0] != k }
            let foldModel = RidgeRegression(x: train.map { rows[$0] }, y: train.map { rates[$0] }, w: train.map { weights[$0] },
                                            lambda: settings.ridgeLambda)
            for i in samples.indices where fold[i] == k { heldOut[i] = foldModel.predict(rows[i]) }
        }
        let features = names.indices.map { j in
            CalibratedFeature(name: names[j], mean: model.means[j], scale: model.scales[j], weight: model.weights[j],
                              standardError: model.standardErrors[j])
        }
        return HookCalibration(target: "views_3s / impressions", fittedAt: fittedAt, creatives: samples.count,
                               impressions: samples.reduce(0) { $0 + $1.impressions }, ridgeLambda: settings.ridgeLambda,
                               intercept: model.intercept, features: features, folds: settings.folds,
                               cvSpearman: RankCorrelation.spearman(heldOut, rates) ?? 0,
                               scoreSpearman: RankCorrelation.spearman(samples.map(\.score), rates) ?? 0)
    }
}
