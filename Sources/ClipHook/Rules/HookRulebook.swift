import ClipPresets

/// Turns measured metrics into findings and a score, with the thresholds and points of a platform
/// preset. Pure: the same metrics and preset always give the same report.
///
/// Each check compares its value with its levels, most severe first (`fail`, `warn`, `info`); the first
/// level whose threshold the value crosses becomes the finding, and its points come off 100.
/// The score is `max(0, 100 − Σ points)`. A value that could not be measured never fires.
public struct HookRulebook: Sendable {
    public let preset: PlatformPreset
    public let messages: HookMessages
    public let language: HookLanguage

    public init(preset: PlatformPreset, messages: HookMessages, language: HookLanguage) {
        self.preset = preset
        self.messages = messages
        self.language = language
    }

    /// The findings (most points first, then by id) and the score for one creative.
    public func evaluate(_ metrics: HookMetrics) -> (score: Double, findings: [HookFinding]) {
        let targetAspect = preset.output.aspectRatio ?? 0
        var findings: [HookFinding] = []
        for check in HookCheck.allCases {
            guard let rule = preset.hook.checks[check.rawValue],
                  let value = check.value(metrics, target: targetAspect),
                  let (severity, level) = HookRulebook.firedLevel(rule, check.direction, value) else { continue }
            let span = check.span(metrics)
            let shownValue = value.isFinite ? value : nil
            let text = messages.text(check, language, value: shownValue, threshold: level.at)
            findings.append(HookFinding(id: check.rawValue, severity: severity, value: shownValue, threshold: level.at,
                                        unit: check.unit, start: span.start, end: span.end, points: level.points,
                                        message: text.message, fix: text.fix))
        }
        findings.sort { ($0.points, $1.id) > ($1.points, $0.id) }
        let score = max(0, 100 - findings.reduce(0) { $0 + $1.points })
        return (score, findings)
    }

    /// The most severe level of `rule` that `value` crosses.
    static func firedLevel(_ rule: CheckRule, _ direction: HookCheck.Direction, _ value: Double)
        -> (Severity, LevelThreshold)? {
        for (name, level) in rule.levels {
            let fires: Bool
            switch direction {
            case .presence: fires = value >= 1
            case .higherIsWorse: fires = level.at.map { value > $0 } ?? false
            case .lowerIsWorse: fires = level.at.map { value < $0 } ?? false
            }
            if fires, let severity = Severity(rawValue: name) { return (severity, level) }
        }
        return nil
    }
}
