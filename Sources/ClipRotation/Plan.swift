/// An ad plan (campaign / ad group) whose live creatives clipkit keeps between min and max active.
public struct Plan: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    /// Policy preset name or path (`default`).
    public var policy: String
    /// Current daily budget, in the account currency.
    public var budget: Double?
    /// Revenue per unit of spend below which the plan loses money (2.0 = 1:2).
    public var breakEvenROI: Double?
    /// Target cost per order.
    public var targetCPA: Double?
    /// ISO 8601 timestamps.
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, name: String? = nil, policy: String = "default", budget: Double? = nil,
                breakEvenROI: Double? = nil, targetCPA: Double? = nil, createdAt: String, updatedAt: String? = nil) {
        self.id = id
        self.name = name
        self.policy = policy
        self.budget = budget
        self.breakEvenROI = breakEvenROI
        self.targetCPA = targetCPA
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
