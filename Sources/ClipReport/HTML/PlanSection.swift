import ClipRotation
import ClipText

/// One plan's part of the page: facts, budget advice, the active-set timeline, one chart per metric with fatigue
/// points, the creatives table and the status changes, all computed with the rotation's own logic.
struct PlanSection {
    let input: PlanInput
    let anchor: String

    func render() -> String {
        let plan = input.plan, policy = input.policy
        let first = input.first, last = input.last
        let colors = Dictionary(uniqueKeysWithValues: input.creatives.enumerated().map { ($0.element.id, Palette.color($0.offset)) })
        let report = PlanReport(planID: plan.id, creatives: input.creatives, series: input.series, through: input.through,
                                days: input.through.days(since: first) + 1, policy: policy)
        let snapshot = PlanSnapshot(plan: plan, creatives: input.creatives, series: input.series)
        let rotation = RotationPlanner(policy: policy).rotate(snapshot, asOf: input.through)
        let fatigue = FatiguePoints.find(plan: plan, policy: policy, creatives: input.creatives, series: input.series, first: first, last: input.through)
        let changes = input.changes.filter { $0.day >= first.adding(days: -1) }

        var html = "<section class=\"plan\" id=\"\(anchor)\">\n"
        html += "<h2>Plan <span class=\"id\">\(Markup.escape(plan.id))</span>"
        if let name = plan.name { html += " <span class=\"muted\">\(Markup.escape(name))</span>" }
        html += "</h2>\n<p class=\"facts\">\(facts(report: report))</p>\n"
        html += budget(rotation)
        html += legend(colors)
        html += "<h3>Active set</h3>\n<figure>" + gantt(colors: colors, first: first, last: last).svg()
        html += "<figcaption>Solid bar: active. Pale dashed bar: resting. A change decided on a day takes effect the next day; "
        html += "the label after a bar says why it left (hover for every reason and number).</figcaption></figure>\n"
        html += "<h3>Performance by day</h3>\n" + legend(colors) + "<div class=\"charts\">\n"
        for chart in charts(report: report, colors: colors, fatigue: fatigue) {
            html += "<figure class=\"metric\"><figcaption>\(Markup.escape(chart.title))</figcaption>\(chart.svg())</figure>\n"
        }
        html += "</div>\n<p class=\"note\">Red rings and dashed rules mark each creative's fatigue point: the first day the rotation judge "
        html += "(policy \(Markup.escape(policy.name)) v\(policy.version)) would take it off, replayed with only the data up to that day. "
        html += "A day without data is a gap in the line, not a zero.</p>\n"
        html += creativesTable(report: report, fatigue: fatigue)
        html += changesTable(changes)
        return html + "</section>\n"
    }

    private func facts(report: PlanReport) -> String {
        let plan = input.plan
        var parts: [String] = []
        parts.append("budget " + (plan.budget.map { ValueFormat.money.text($0) } ?? "not set"))
        parts.append("break-even ROI " + ValueFormat.multiple.text(plan.breakEvenROI ?? input.policy.profit.defaultBreakEvenROI))
        if let cpa = plan.targetCPA { parts.append("target CPA " + ValueFormat.money.text(cpa)) }
        parts.append("policy \(input.policy.name) v\(input.policy.version)")
        parts.append("period \(report.from) – \(report.through) (\(report.through.days(since: report.from) + 1) days)")
        return Markup.escape(parts.joined(separator: " · "))
    }

    private func budget(_ rotation: PlanRotation) -> String {
        let advice = rotation.budget
        var html = "<div class=\"advice \(advice.action.rawValue)\"><strong>Budget advice as of \(input.through): \(advice.action.rawValue)</strong>"
        if let current = advice.current, let advised = advice.advised {
            html += " — daily budget \(ValueFormat.money.text(current)) → \(ValueFormat.money.text(advised))"
        }
        html += "<p>\(Markup.escape(advice.reason.message))</p>"
        if rotation.needsNewCreatives {
            let live = rotation.activeAfter.count
            html += "<p class=\"alert\">Needs new creatives: " + (rotation.belowMinimum
                ? "only \(live) live after rotating as of \(input.through), below the minimum of \(input.policy.minActive)."
                : "\(live) live after rotating as of \(input.through) (target \(input.policy.targetActive)), and no candidate is left to replace the next fatigued one.")
            html += "</p>"
        }
        for note in rotation.notes { html += "<p>\(Markup.escape(note))</p>" }
        return html + "</div>\n"
    }

    private func legend(_ colors: [String: String]) -> String {
        let items = input.creatives.map { "<span style=\"--swatch: \(colors[$0.id]!)\" class=\"id\">\(Markup.escape($0.id))</span>" }
        return "<div class=\"legend\">" + items.joined() + "</div>\n"
    }

    private func gantt(colors: [String: String], first: Day, last: Day) -> GanttChart {
        let firstData = input.series.compactMapValues(\.firstDay)
        let timeline = ActiveTimeline(creatives: input.creatives, changes: input.changes, firstData: firstData, first: first, last: last)
        let rows = timeline.rows.map { row in
            GanttChart.Row(name: row.creativeID, color: colors[row.creativeID]!, bars: row.spans.map { span in
                var tooltip = "\(row.creativeID) \(span.status.rawValue) \(span.first) – \(span.last)"
                var label: String?
                if let change = span.endedBy {
                    tooltip += "\n\(change.action) on \(change.day) (\(change.origin)): \(change.why)"
                    label = "\(change.action): \(shortWhy(change))"
                }
                return GanttChart.Bar(first: span.first, last: span.last, kind: span.status == .active ? .active : .resting, tooltip: tooltip, endLabel: label)
            })
        }
        return GanttChart(title: "Active set of plan \(input.plan.id), \(first) – \(last)", first: first, last: last, rows: rows)
    }

    /// The first telling reason's headline number: `CTR −31%`, `ROI 1.2 < 1.8`, or its code.
    private func shortWhy(_ change: StatusChange) -> String {
        guard let reason = change.tellingReasons.first else { return change.origin }
        let n = reason.numbers
        switch reason.code {
        case "ctr_fatigue", "view_rate_3s_fatigue":
            let label = reason.code == "ctr_fatigue" ? "CTR" : "3-s rate"
            return "\(label) −\(Int(((n["drop"] ?? 0) * 100).rounded()))% vs best"
        case "unprofitable": return "ROI \(ValueFormat.multiple.text(n["roi"] ?? 0)) < \(ValueFormat.multiple.text(n["break_even_roi"] ?? 0))"
        case "cpa_rise": return "CPA ×\(ValueFormat.money.text(n["ratio"] ?? 0))"
        case "cpm_rise": return "CPM ×\(ValueFormat.money.text(n["ratio"] ?? 0))"
        case "frequency_cap": return "frequency \(ValueFormat.money.text(n["frequency"] ?? 0))"
        default: return reason.code.replacingOccurrences(of: "_", with: " ")
        }
    }

    private func charts(report: PlanReport, colors: [String: String], fatigue: [String: FatiguePoints.Point]) -> [LineChart] {
        let metrics: [(title: String, axis: String, format: ValueFormat, value: (MetricSnapshot) -> Double?)] = [
            ("CTR (clicks ÷ impressions)", "CTR (%)", .percent, { $0.ctr }),
            ("3-s view rate (3-s views ÷ impressions)", "3-s view rate (%)", .percent, { $0.viewRate3s }),
            ("CPA (spend ÷ orders)", "CPA (spend per order)", .money, { $0.cpa }),
            ("ROI (revenue ÷ spend)", "ROI (×)", .multiple, { $0.roi }),
        ]
        let markers = report.creatives.compactMap { trend -> LineChart.Marker? in
            guard let point = fatigue[trend.creativeID] else { return nil }
            let kind = point.verdict == .rest ? "fatigue" : "retire"
            return LineChart.Marker(series: trend.creativeID, day: point.day, label: "\(trend.creativeID): \(kind)",
                                    tooltip: "\(trend.creativeID): judge says \(point.verdict.rawValue) as of \(point.day): \(point.why)")
        }
        return metrics.map { metric in
            let series = report.creatives.map { trend in
                LineChart.Series(name: trend.creativeID, color: colors[trend.creativeID]!,
                                 values: Dictionary(uniqueKeysWithValues: trend.days.compactMap { day in metric.value(day).map { (day.from, $0) } }))
            }
            var references: [LineChart.Reference] = []
            if metric.format == .multiple {
                let breakEven = input.plan.breakEvenROI ?? input.policy.profit.defaultBreakEvenROI
                references.append(.init(value: breakEven, label: "break-even \(ValueFormat.multiple.text(breakEven))"))
            }
            if metric.format == .money, let target = input.plan.targetCPA {
                references.append(.init(value: target, label: "target CPA \(ValueFormat.money.text(target))"))
            }
            return LineChart(title: metric.title, axisLabel: metric.axis, format: metric.format, first: input.first, last: input.last,
                             series: series, markers: markers, references: references)
        }
    }

    private func creativesTable(report: PlanReport, fatigue: [String: FatiguePoints.Point]) -> String {
        let hook = Dictionary(uniqueKeysWithValues: input.creatives.map { ($0.id, $0.hookScore) })
        var html = "<h3>Creatives</h3>\n<table><thead><tr><th>creative</th><th>status</th><th class=\"num\">hook</th><th class=\"num\">impressions</th>"
        html += "<th class=\"num\">spend</th><th class=\"num\">CTR</th><th class=\"num\">3-s rate</th><th class=\"num\">CVR</th>"
        html += "<th class=\"num\">CPA</th><th class=\"num\">ROI</th><th>fatigue point</th></tr></thead><tbody>\n"
        for trend in report.creatives {
            let total = trend.total
            let point = fatigue[trend.creativeID].map { "\($0.verdict.rawValue) as of \($0.day): \($0.why)" } ?? "—"
            let cells = [
                "<td class=\"id\">\(Markup.escape(trend.creativeID))</td>", "<td>\(trend.status.rawValue)</td>",
                num(hook[trend.creativeID].flatMap { $0 }.map { String(Int($0.rounded())) } ?? "—"),
                num(total?.totals.impressions.map(ValueFormat.count) ?? "—"), num(ValueFormat.money.text(total?.totals.spend)),
                num(ValueFormat.percent.text(total?.ctr)), num(ValueFormat.percent.text(total?.viewRate3s)),
                num(ValueFormat.percent.text(total?.cvr)), num(ValueFormat.money.text(total?.cpa)),
                num(ValueFormat.multiple.text(total?.roi)), "<td>\(Markup.escape(point))</td>",
            ]
            html += "<tr>" + cells.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func changesTable(_ changes: [StatusChange]) -> String {
        var html = "<h3>Status changes</h3>\n"
        guard !changes.isEmpty else { return html + "<p class=\"muted\">No applied rotation or manual change in this period.</p>\n" }
        html += "<table><thead><tr><th>decided as of</th><th>creative</th><th>change</th><th>by</th><th>why</th></tr></thead><tbody>\n"
        for change in changes {
            let arrow = "\(change.action): \(change.from?.rawValue ?? "?") → \(change.to.rawValue)"
            html += "<tr><td>\(change.day)</td><td class=\"id\">\(Markup.escape(change.creativeID))</td><td>\(Markup.escape(arrow))</td>"
            html += "<td>\(Markup.escape(change.origin))</td><td>\(Markup.escape(change.why))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    private func num(_ text: String) -> String { "<td class=\"num\">\(Markup.escape(text))</td>" }
}
