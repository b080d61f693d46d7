import ClipPresets

/// How `clipkit hook calibrate` fits (`Presets/hook/calibration.yaml`): features, ridge penalty, folds, seed and
/// the minimum data it needs.
public struct CalibrationSettings: Codable, Sendable, Equatable {
    public var features: [HookFeature]
    public var ridgeLambda: Double
    public var folds: Int
    public var seed: UInt64
    public var minCreatives: Int
    public var minImpressions: Int

    public init(features: [HookFeature] = HookFeature.allCases, ridgeLambda: Double = 2, folds: Int = 5, seed: UInt64 = 20261121,
                minCreatives: Int = 30, minImpressions: Int = 1000) {
        self.features = features
        self.ridgeLambda = ridgeLambda
        self.folds = folds
        self.seed = seed
        self.minCreatives = minCreatives
        self.minImpressions = minImpressions
    }

    /// Loads settings by name (`default` is `Presets/hook/calibration.yaml`) or path, and checks them.
    public static func load(_ nameOrPath: String) throws -> CalibrationSettings {
        let file = try PresetLocator.url(kind: "hook", nameOrPath)
        let settings = try PresetLocator.decode(CalibrationSettings.self, from: file)
        if let problem = settings.problem { throw PresetError("\(file.path): \(problem)") }
        return settings
    }

    /// What is inconsistent, or nil.
    public var problem: String? {
        if features.isEmpty { return "features must name at least one hook metric" }
        if Set(features).count != features.count { return "features lists a metric twice" }
        if !(ridgeLambda > 0) { return "ridgeLambda must be positive" }
        if folds < 2 { return "folds must be at least 2" }
        if minCreatives < max(folds, features.count + 2) { return "minCreatives must be at least max(folds, features + 2) = \(max(folds, features.count + 2))" }
        if minImpressions < 1 { return "minImpressions must be at least 1" }
        return nil
    }
}
