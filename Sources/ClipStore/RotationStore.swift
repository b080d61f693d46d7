import ClipRotation

/// Persistence for plans, creatives, stats, import batches and the decision log. Every method is one transaction;
/// a PostgreSQL implementation must pass the same test suite (see docs/rotation.md, "Store").
public protocol RotationStore: Sendable {
    func addPlan(_ plan: Plan) async throws
    func updatePlan(_ plan: Plan) async throws
    func plan(_ id: String) async throws -> Plan?
    func plans() async throws -> [Plan]

    /// Adds creatives all or none; an existing ID or external ID is an error.
    func addCreatives(_ creatives: [Creative]) async throws
    func creative(_ id: String) async throws -> Creative?
    func creatives(planID: String?, status: CreativeStatus?) async throws -> [Creative]
    /// A change by hand (retire, rest, revive), logged with origin `manual`.
    func changeStatus(creativeID: String, to status: CreativeStatus, action: String, reason: Reason, asOf: Day, at time: String) async throws -> Creative

    /// Imports the rows `rows` emits (one file) in one write transaction: each inserted, updated (values changed) or
    /// skipped (same values). An error thrown by `rows` or by a row rolls the whole file back.
    func importStats(batch: ImportBatch, createMissing: Bool, defaultPolicy: String, at time: String,
                     rows: @escaping @Sendable (_ emit: (StatRow) throws -> Void) throws -> Void) async throws -> ImportCounts
    /// Daily series of a plan's creatives from `since` through `through` (each optional).
    func series(planID: String, since: Day?, through: Day?) async throws -> [String: DailySeries]

    /// Runs `decide` for each plan inside that plan's lock (one write transaction per chunk of plans when applying),
    /// writes the status changes and the decision log when `apply`, and returns the rotations.
    func rotate(planIDs: [String], asOf: Day, since: Day?, apply: Bool, at time: String,
                decide: @escaping @Sendable (PlanSnapshot) throws -> PlanRotation) async throws -> [PlanRotation]

    func decisions(planID: String?, creativeID: String?) async throws -> [DecisionRecord]
}

/// One imported file, as recorded in `import_batches`.
public struct ImportBatch: Sendable, Hashable {
    public var file: String
    public var fileSHA256: String
    public var format: String
    public init(file: String, fileSHA256: String, format: String) {
        self.file = file
        self.fileSHA256 = fileSHA256
        self.format = format
    }
}

/// What an import did.
public struct ImportCounts: Sendable, Hashable, Codable {
    public var inserted = 0
    public var updated = 0
    public var skipped = 0
    public var plansCreated = 0
    public var creativesCreated = 0
    public init() {}
}

/// A row of the decision log.
public struct DecisionRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var decidedAt: String
    public var asOf: Day
    public var planID: String
    public var creativeID: String
    public var action: String
    public var from: String?
    public var to: String?
    public var reasons: [Reason]
    public var recent: MetricSnapshot?
    public var policy: String
    public var policyVersion: Int
    public var applied: Bool
    /// `rotate` or `manual`.
    public var origin: String
}

/// A store error with the object it is about (unknown plan, duplicate creative, lost race).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
