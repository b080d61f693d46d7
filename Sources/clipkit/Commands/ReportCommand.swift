import ArgumentParser
import ClipReport
import ClipRotation
import ClipStore

/// `clipkit report`: trends per creative, decision history, and an A/B view of each plan's creatives; with `--html`
/// one self-contained page with charts, the active-set timeline, budget advice and extracted clips.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Per creative the trend of CTR, 3-s view rate, CPA, ROI and frequency, the decision history, and an A/B view.",
        discussion: """
        The A/B view names the leader on CTR, 3-s view rate, CVR and ROI and, against each other creative, the
        probability that the leader is really better (Beta-Binomial posterior; for ROI the order rate per spend)
        and whether both have enough data (the policy's floors).

        --html FILE writes one HTML page (inline SVG charts and CSS, thumbnails as data: URIs, no script, nothing
        from the network): per plan the active-set timeline from the decision log with why each creative left,
        CTR / 3-s view rate / CPA / ROI by day with each creative's fatigue point (the rotation judge replayed day
        by day), and the budget advice; per recording of each --clips folder its clips with a thumbnail, score,
        reasons and hook check.

        Examples:
          clipkit report --plan spring-sale --days 14
          clipkit report --json | jq '.[].comparisons'
          clipkit report --html report.html --days 28 --clips out/
        """
    )

    @Option(help: "Only this plan (repeatable).") var plan: [String] = []
    @Option(help: "Days to cover, ending at --as-of.") var days = 14
    @Option(name: .customLong("as-of"), help: "Last day (default: the latest day with stats).") var asOf: Day?
    @Flag(help: "Print a JSON array with one report per plan.") var json = false
    @Option(help: ArgumentHelp("Write a self-contained HTML report with charts to this file.", valueName: "file")) var html: String?
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Extract output folders (with manifest.json) whose clips the HTML report shows.", valueName: "dir"))
    var clips: [String] = []
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if days < 1 { throw ValidationError("--days must be at least 1") }
        if html != nil && json { throw ValidationError("--html and --json are separate outputs: choose one") }
        if html == nil && !clips.isEmpty { throw ValidationError("--clips is only shown in the HTML report: add --html FILE") }
    }

    func run() async throws {
        // Extract folders first: a bad --clips folder fails before the database is opened (or created).
        let hints = clips.isEmpty ? [:] : try ReportHTML.hookHints()
        let recordings = try clips.flatMap { try ReportHTML.recordings(folder: $0, hints: hints) }
        let db = try await store.open()
        var plans = try await db.plans()
        if !plan.isEmpty {
            if let unknown = plan.first(where: { id in !plans.contains { $0.id == id } }) { throw ValidationError("unknown plan '\(unknown)'") }
            plans = plans.filter { plan.contains($0.id) }
        }
        let loader = PolicyLoader()
        if let html {
            var inputs: [PlanInput] = []
            for plan in plans {
                inputs.append(try await ReportHTML.planInput(plan, policy: try loader.policy(plan.policy), store: db, days: days, asOf: asOf))
            }
            let bytes = try ReportHTML.write(plans: inputs, recordings: recordings, database: store.displayLocation, to: html)
            let clipCount = recordings.reduce(0) { $0 + $1.clips.count }
            Terminal.write("wrote \(html): \(inputs.count) plan\(inputs.count == 1 ? "" : "s"), \(recordings.count) recording\(recordings.count == 1 ? "" : "s") with \(clipCount) clip\(clipCount == 1 ? "" : "s"), \(bytes / 1024) KiB\n")
            return
        }
        var reports: [PlanReportJSON] = []
        for plan in plans {
            let policy = try loader.policy(plan.policy)
            let creatives = try await db.creatives(planID: plan.id, status: nil)
            let series = try await db.series(planID: plan.id, since: asOf.map { $0.adding(days: -(days - 1)) }, through: asOf)
            let latest = series.values.compactMap(\.lastDay).max() ?? Clock.today
            let report = PlanReport(planID: plan.id, creatives: creatives, series: series, through: asOf ?? latest, days: days, policy: policy)
            let history = try await db.decisions(planID: plan.id, creativeID: nil)
            reports.append(PlanReportJSON(report: report, decisions: history))
        }
        if json { try JSONOutput.print(reports); return }
        Terminal.write(reports.map(ReportText.render).joined(separator: "\n"))
    }
}

/// A plan report with its decision log, as printed by `report --json`.
struct PlanReportJSON: Encodable {
    var report: PlanReport
    var decisions: [DecisionRecord]

    func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(decisions, forKey: .decisions)
    }

    private enum Key: String, CodingKey { case decisions }
}

/// A plan report as text.
enum ReportText {
    static func render(_ item: PlanReportJSON) -> String {
        let report = item.report
        var out = "plan \(report.planID): \(report.from) … \(report.through)\n"
        var totals = Table(["creative", "status", "impr.", "CTR", "3-s rate", "CVR", "CPA", "ROI", "freq.", "CTR trend"],
                           alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right])
        for c in report.creatives {
            let t = c.total
            totals.add([c.creativeID, c.status.rawValue, t?.totals.impressions.map(String.init) ?? "—", Format.percent(t?.ctr), Format.percent(t?.viewRate3s),
                        Format.percent(t?.cvr), Format.optional(t?.cpa), Format.optional(t?.roi), Format.optional(t?.frequency),
                        c.ctrTrend.map { ($0 >= 0 ? "+" : "") + Format.number($0 * 100, 0) + "%" } ?? "—"])
        }
        out += totals.render(indent: "  ")
        for c in report.creatives where !c.days.isEmpty {
            out += "\n  \(c.creativeID) by day\n"
            var daily = Table(["day", "impr.", "CTR", "3-s rate", "CPA", "ROI", "freq."], alignments: [.left, .right, .right, .right, .right, .right, .right])
            for d in c.days {
                daily.add([d.from.description, d.totals.impressions.map(String.init) ?? "—", Format.percent(d.ctr), Format.percent(d.viewRate3s),
                           Format.optional(d.cpa), Format.optional(d.roi), Format.optional(d.frequency)])
            }
            out += daily.render(indent: "    ")
        }
        if !report.comparisons.isEmpty {
            out += "\n  A/B\n"
            var ab = Table(["metric", "leader", "value", "vs", "value", "P(leader better)", "enough data"],
                           alignments: [.left, .left, .right, .left, .right, .right, .left])
            for comparison in report.comparisons {
                let isRate = comparison.metric != "roi"
                func show(_ v: Double) -> String { isRate ? Format.percent(v) : Format.number(v) }
                for v in comparison.versus {
                    ab.add([comparison.metric, comparison.leader, show(comparison.leaderValue), v.creativeID, show(v.value),
                            Format.number(v.probabilityLeaderBetter, 3), v.enoughData ? "yes" : "no"])
                }
            }
            out += ab.render(indent: "    ")
        }
        out += "\n  decisions\n" + DecisionTable.render(item.decisions)
        return out
    }
}
