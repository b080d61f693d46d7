import ClipRotation
import Foundation

/// What both stores build the same way from rows: plan snapshots for rotation, and the JSON columns of the log.
enum StoreRecords {
    /// One snapshot per plan ID, in the order asked; an unknown plan is an error.
    static func snapshots(planIDs: [String], plans: [Plan], creatives: [Creative], series: [String: DailySeries]) throws -> [PlanSnapshot] {
        var byPlan: [String: [Creative]] = [:]
        for c in creatives { byPlan[c.planID, default: []].append(c) }
        let known = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        return try planIDs.map { id in
            guard let plan = known[id] else { throw StoreError("unknown plan '\(id)'") }
            let creatives = byPlan[id] ?? []
            var own: [String: DailySeries] = [:]
            for c in creatives { own[c.id] = series[c.id] }
            return PlanSnapshot(plan: plan, creatives: creatives, series: own)
        }
    }

    /// A value as the sorted-keys JSON text stored in `decisions.reasons` / `decisions.snapshot`.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func reasons(_ text: String?) -> [Reason] {
        text.flatMap { try? JSONDecoder().decode([Reason].self, from: Data($0.utf8)) } ?? []
    }

    static func snapshot(_ text: String?) -> MetricSnapshot? {
        text.flatMap { try? JSONDecoder().decode(MetricSnapshot.self, from: Data($0.utf8)) }
    }
}
