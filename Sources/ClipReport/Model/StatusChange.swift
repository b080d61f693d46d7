import ClipRotation

/// One applied status change from the decision log (rotation or by hand), as the report needs it.
public struct StatusChange: Sendable, Equatable {
    /// The decision day (`as_of`): the new status holds from the next day.
    public var day: Day
    public var creativeID: String
    /// `activate`, `rest`, `retire`, `revive`, or a manual action.
    public var action: String
    public var from: CreativeStatus?
    public var to: CreativeStatus
    public var reasons: [Reason]
    /// `rotate` or `manual`.
    public var origin: String

    public init(day: Day, creativeID: String, action: String, from: CreativeStatus?, to: CreativeStatus, reasons: [Reason], origin: String) {
        self.day = day
        self.creativeID = creativeID
        self.action = action
        self.from = from
        self.to = to
        self.reasons = reasons
        self.origin = origin
    }

    /// The reasons that say why (not the checks that held or lacked data); all of them when none does.
    public var tellingReasons: [Reason] {
        let telling = reasons.filter { !$0.code.hasSuffix("_holds") && $0.code != "profitable" && $0.code != "below_evidence_floor" }
        return telling.isEmpty ? reasons : telling
    }

    /// The telling reasons, one sentence each with their numbers.
    public var why: String { tellingReasons.map(\.message).joined(separator: "; ") }
}
