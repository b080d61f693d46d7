/// A hook metric the calibration can weigh, as one number per creative. Unmeasured values take the
/// value that means "as bad as the window allows" (no cut: the analysed range; no sound: the window;
/// silence: −70 LUFS, the BS.1770 absolute gate), so every creative has every feature.
public enum HookFeature: String, CaseIterable, Sendable, Codable {
    case blackOpen = "black_open"
    case frozen = "frozen"
    case firstCut = "first_cut"
    case motion = "motion"
    case firstSound = "first_sound"
    case openingLoudness = "opening_loudness"

    /// The unit of the value.
    public var unit: String {
        switch self {
        case .blackOpen, .frozen, .firstCut, .firstSound: return "s"
        case .motion: return "luma"
        case .openingLoudness: return "LUFS"
        }
    }

    /// The feature's value for one creative's metrics.
    public func value(_ metrics: HookMetrics) -> Double {
        switch self {
        case .blackOpen: return metrics.opening.blackOpen
        case .frozen: return metrics.opening.frozen
        case .firstCut:
            let analysed = metrics.window + HookChecker.lookahead
            return min(metrics.opening.firstCut ?? analysed, analysed)
        case .motion: return metrics.opening.motion ?? 0
        case .firstSound: return metrics.opening.firstSound ?? metrics.window
        case .openingLoudness: return max(-70, metrics.opening.openingLoudness ?? -70)
        }
    }

    /// Every feature's value by name.
    public static func values(_ metrics: HookMetrics) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.value(metrics)) })
    }
}
