import ArgumentParser
import ClipRotation
import ClipStore

/// `clipkit rotate`: keeps each plan's live set healthy; a dry run unless `--apply`.
struct RotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Decide which creatives to keep, rest, retire, activate or revive (dry run unless --apply).",
        discussion: """
        Judges each live creative on evidence only (floors, then one-sided tests at the policy's level), rests the
        fatigued, retires the unprofitable, fills the plan from its best candidates, and advises on the budget.
        --apply writes the changes and the decision log, one transaction per batch of plans; re-running it the same
        day changes nothing more. --as-of replays the decision for a past day with only the data up to it.
        Exit 3 when a plan cannot be kept at its min_active (add creatives).

        Examples:
          clipkit rotate --plan spring-sale
          clipkit rotate --all --apply --json > rotation-$(date +%F).json
          clipkit rotate --plan spring-sale --as-of 2026-11-15
        """
    )

    @Option(name: .customLong("plan"), help: "A plan to rotate (repeatable).") var plans: [String] = []
    @Flag(help: "Rotate every plan.") var all = false
    @Option(name: .customLong("as-of"), help: "Decision day YYYY-MM-DD (default: today, UTC); only data up to it is used.") var asOf: Day?
    @Flag(help: "Change statuses and write the decision log.") var apply = false
    @Flag(help: "Print one JSON document with every plan's decisions.") var json = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if plans.isEmpty == !all { throw ValidationError("give --plan ID (repeatable) or --all") }
    }

    func run() async throws {
        let db = try await store.open()
        let day = asOf ?? Clock.today
        let known = try await db.plans()
        let ids: [String]
        if all {
            ids = known.map(\.id)
        } else {
            let existing = Set(known.map(\.id))
            if let missing = plans.first(where: { !existing.contains($0) }) { throw ValidationError("unknown plan '\(missing)'") }
            ids = plans
        }
        let loader = PolicyLoader()
        var policies: [String: RotationPolicy] = [:]
        let wanted = Set(ids)
        for plan in known where wanted.contains(plan.id) { policies[plan.policy] = try loader.policy(plan.policy) }
        let history = policies.values.map(\.historyDays).max() ?? 60
        let frozen = policies
        let rotations = try await db.rotate(planIDs: ids, asOf: day, since: day.adding(days: -history), apply: apply, at: Clock.timestamp) { snapshot in
            let policy = frozen[snapshot.plan.policy]!
            return RotationPlanner(policy: policy).rotate(snapshot, asOf: day, applied: apply)
        }
        if json {
            try JSONOutput.print(RotationRun(asOf: day, applied: apply, plans: rotations))
        } else {
            Terminal.write(RotationText.render(rotations, applied: apply))
        }
        if rotations.contains(where: \.belowMinimum) { throw ExitCode(ExitStatus.needsAttention) }
    }
}

/// What `rotate --json` prints.
struct RotationRun: Encodable {
    var asOf: Day
    var applied: Bool
    var plans: [PlanRotation]
}

/// Rotations as text for people: per plan the changes with their reasons, the keeps in short, the budget advice.
enum RotationText {
    static func render(_ rotations: [PlanRotation], applied: Bool) -> String {
        var out = ""
        for rotation in rotations {
            out += "plan \(rotation.planID) as of \(rotation.asOf) (\(rotation.policy) v\(rotation.policyVersion))\(applied ? "" : " — dry run, --apply to do it"):\n"
            out += "  active \(rotation.activeBefore.count) → \(rotation.activeAfter.count): \(rotation.activeAfter.joined(separator: ", "))\n"
            for decision in rotation.decisions {
                let headline = decision.reasons.first
                let verb = decision.action == .keep ? "keep" : Terminal.style(decision.action.rawValue, decision.action == .activate || decision.action == .revive ? "32" : "33")
                out += "  \(verb) \(decision.creativeID): \(headline?.message ?? "")"
                if let until = decision.restingUntil { out += " (rests until \(until))" }
                out += "\n"
                if decision.action != .keep {
                    for extra in decision.reasons.dropFirst() { out += "      also: \(extra.message)\n" }
                }
            }
            let b = rotation.budget
            out += "  budget: \(b.action.rawValue)\(b.advised.map { " → \(Format.money($0))" } ?? ""): \(b.reason.message)\n"
            if rotation.needsNewCreatives { out += "  " + Terminal.style("needs new creatives", "33") + "\n" }
            for note in rotation.notes { out += "  note: \(note)\n" }
        }
        if rotations.isEmpty { out += "no plans\n" }
        return out
    }
}
