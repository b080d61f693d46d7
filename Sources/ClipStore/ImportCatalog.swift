import ClipRotation

/// Which plan owns each creative while a file is imported: checks every row against it and says which plan and
/// creative to create first (with `--create-missing`). Both stores check rows with it, so they fail alike.
struct ImportCatalog {
    private var creativePlan: [String: String]
    private var knownPlans: Set<String>
    let file: String
    let createMissing: Bool
    let defaultPolicy: String
    let time: String

    init(creativePlan: [String: String], plans: Set<String>, file: String, createMissing: Bool, defaultPolicy: String, time: String) {
        self.creativePlan = creativePlan
        self.knownPlans = plans
        self.file = file
        self.createMissing = createMissing
        self.defaultPolicy = defaultPolicy
        self.time = time
    }

    /// Checks row number `index` (1-based); returns the plan and creative to insert before it, when it needs them.
    mutating func admit(_ row: StatRow, index: Int) throws -> (plan: Plan?, creative: Creative?) {
        if let owner = creativePlan[row.creativeID] {
            if let planID = row.planID, planID != owner {
                throw StoreError("\(file): row \(row.line ?? index): creative '\(row.creativeID)' belongs to plan '\(owner)', not '\(planID)'")
            }
            return (nil, nil)
        }
        guard createMissing, let planID = row.planID else {
            let hint = row.planID.map { "clipkit creative add --plan \($0) --id \(row.creativeID)" } ?? "clipkit creative add --plan PLAN --id \(row.creativeID)"
            throw StoreError("\(file): row \(row.line ?? index): unknown creative '\(row.creativeID)' (add it with: \(hint), or import with --create-missing)")
        }
        var plan: Plan?
        if !knownPlans.contains(planID) {
            plan = Plan(id: planID, policy: defaultPolicy, createdAt: time)
            knownPlans.insert(planID)
        }
        creativePlan[row.creativeID] = planID
        return (plan, Creative(id: row.creativeID, planID: planID, status: .active, activatedOn: row.date, createdAt: time))
    }
}
