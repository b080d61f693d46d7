/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warn, fail

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One problem found in a creative: the check's id, how serious, the measured value against the
/// threshold it crossed, when, what it cost, and how to fix it (in the chosen language).
public struct HookFinding: Sendable, Equatable, Codable {
    /// Stable id (`black_open`, `quiet_open`, …) that scripts can rely on.
    public var id: String
    public var severity: Severity
    /// The measured value (`null` in JSON when infinite, e.g. no cut at all) and the threshold it crossed.
    public var value: Double?
    public var threshold: Double?
    public var unit: String
    /// The span the finding is about, seconds from the start.
    public var start: Double
    public var end: Double
    /// Points taken off the score of 100.
    public var points: Double
    /// What is wrong and what to do, one line each.
    public var message: String
    public var fix: String

    public init(id: String, severity: Severity, value: Double?, threshold: Double?, unit: String, start: Double,
                end: Double, points: Double, message: String, fix: String) {
        self.id = id
        self.severity = severity
        self.value = value
        self.threshold = threshold
        self.unit = unit
        self.start = start
        self.end = end
        self.points = points
        self.message = message
        self.fix = fix
    }
}

/// The hook check of one creative: its score 0–100, the findings (most costly first) and the measures.
public struct HookReport: Sendable, Equatable, Codable {
    public var file: String
    public var preset: String
    public var score: Double
    public var findings: [HookFinding]
    public var metrics: HookMetrics
    /// The account's predicted hook rate (3-second views ÷ impressions) when the preset is calibrated.
    public var predictedHookRate: Double?

    public init(file: String, preset: String, score: Double, findings: [HookFinding], metrics: HookMetrics,
                predictedHookRate: Double? = nil) {
        self.file = file
        self.preset = preset
        self.score = score
        self.findings = findings
        self.metrics = metrics
        self.predictedHookRate = predictedHookRate
    }

    /// Whether any finding is a `fail`.
    public var hasFailure: Bool { findings.contains { $0.severity == .fail } }
}
