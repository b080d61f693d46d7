import ArgumentParser
import ClipRotation
import ClipStore

/// `clipkit plan`: ad plans whose live creatives clipkit keeps between min and max active.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Add, list, show and change ad plans.",
        discussion: """
        Examples:
          clipkit plan add 1789000000000001 --name "双11直播间" --budget 5000 --break-even-roi 1.8 --target-cpa 60
          clipkit plan list
          clipkit plan set 1789000000000001 --budget 8000 --policy my-policy.yaml
        """,
        subcommands: [Add.self, List.self, Show.self, Set.self]
    )

    /// Plan fields shared by `add` and `set`.
    struct Settings: ParsableArguments {
        @Option(help: "A readable name.") var name: String?
        @Option(help: "Policy preset name or YAML path (default: default).") var policy: String?
        @Option(help: "Current daily budget (account currency).") var budget: Double?
        @Option(name: .customLong("break-even-roi"), help: "Revenue/spend below which the plan loses money (2.0 = 1:2).") var breakEvenROI: Double?
        @Option(name: .customLong("target-cpa"), help: "Target cost per order (enables the cold-start no-order kill).") var targetCPA: Double?

        func validate() throws {
            for (flag, value) in [("--budget", budget), ("--break-even-roi", breakEvenROI), ("--target-cpa", targetCPA)] {
                if let value, !(value > 0) { throw ValidationError("\(flag) must be positive") }
            }
        }

        func apply(to plan: inout Plan) {
            if let name { plan.name = name }
            if let policy { plan.policy = policy }
            if let budget { plan.budget = budget }
            if let breakEvenROI { plan.breakEvenROI = breakEvenROI }
            if let targetCPA { plan.targetCPA = targetCPA }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a plan.",
                                                        discussion: "Example: clipkit plan add spring-sale --budget 5000 --break-even-roi 2.0")
        @Argument(help: "The plan's ID (the platform's plan / ad group ID).") var planID: String
        @OptionGroup var settings: Settings
        @OptionGroup var store: StoreOptions

        func run() async throws {
            var plan = Plan(id: planID, createdAt: Clock.timestamp)
            settings.apply(to: &plan)
            _ = try PolicyLoader().policy(plan.policy)
            try await store.open().addPlan(plan)
            Terminal.write("added plan \(planID) (policy \(plan.policy))\n")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List plans with their live creative counts.",
                                                        discussion: "Example: clipkit plan list --json | jq '.[].id'")
        @Flag(help: "Print a JSON array.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            let plans = try await db.plans()
            let creatives = try await db.creatives(planID: nil, status: nil)
            if json { try JSONOutput.print(plans); return }
            var table = Table(["plan", "name", "policy", "budget", "break-even", "active", "candidates", "resting", "retired"],
                              alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right])
            for plan in plans {
                let mine = creatives.filter { $0.planID == plan.id }
                func count(_ s: CreativeStatus) -> String { String(mine.filter { $0.status == s }.count) }
                table.add([plan.id, plan.name ?? "", plan.policy, plan.budget.map { Format.money($0) } ?? "—", plan.breakEvenROI.map { Format.number($0) } ?? "—",
                           count(.active), count(.candidate), count(.resting), count(.retired)])
            }
            Terminal.write(table.render())
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a plan and its creatives.", discussion: "Example: clipkit plan show spring-sale")
        @Argument(help: "The plan's ID.") var planID: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            guard let plan = try await db.plan(planID) else { throw ValidationError("unknown plan '\(planID)'") }
            let creatives = try await db.creatives(planID: planID, status: nil)
            if json { try JSONOutput.print(PlanDetail(plan: plan, creatives: creatives)); return }
            Terminal.write("""
            plan \(plan.id)\(plan.name.map { " — \($0)" } ?? "")
              policy \(plan.policy), budget \(plan.budget.map { Format.money($0) } ?? "—"), break-even ROI \(plan.breakEvenROI.map { Format.number($0) } ?? "policy default"), target CPA \(plan.targetCPA.map { Format.money($0) } ?? "—")

            """)
            Terminal.write(CreativeTable.render(creatives))
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a plan's name, policy, budget or targets.",
                                                        discussion: "Example: clipkit plan set spring-sale --budget 8000")
        @Argument(help: "The plan's ID.") var planID: String
        @OptionGroup var settings: Settings
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            guard var plan = try await db.plan(planID) else { throw ValidationError("unknown plan '\(planID)'") }
            settings.apply(to: &plan)
            _ = try PolicyLoader().policy(plan.policy)
            plan.updatedAt = Clock.timestamp
            try await db.updatePlan(plan)
            Terminal.write("updated plan \(planID)\n")
        }
    }
}

/// A plan with its creatives, as `plan show --json` prints it.
struct PlanDetail: Encodable {
    var plan: Plan
    var creatives: [Creative]
}
