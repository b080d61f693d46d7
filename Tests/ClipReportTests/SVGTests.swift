import ClipReport
import ClipRotation
import ClipText
import Testing

@Suite struct SVGTests {
    let first = Day("2026-11-01")!
    let last = Day("2026-11-07")!

    @Test func markupEscapesEverythingThatCouldBecomeMarkup() {
        #expect(Markup.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(Markup.escape("素材 c1") == "素材 c1")
    }

    @Test func missingValuesBreakTheLineInsteadOfDroppingToZero() {
        let d = LinePath.data([(0, 10), (10, 20), (20, nil), (30, 40), (40, 50)])
        #expect(d == "M0 10 L10 20 M30 40 L40 50")
        #expect(LinePath.data([(0, nil), (5, 3), (10, nil)]) == "M5 3")
        #expect(LinePath.data([]) == "")
    }

    @Test func aLineChartDrawsOnePathPerSeriesWithAGapAndEscapedNames() {
        var values: [Day: Double] = [:]
        for offset in [0, 1, 2, 4, 5, 6] { values[first.adding(days: offset)] = 0.02 }
        let chart = LineChart(title: "CTR", axisLabel: "CTR (%)", format: .percent, first: first, last: last,
                              series: [.init(name: "<script>x</script>", color: "#4e79a7", values: values)])
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;x&lt;/script&gt; 2026-11-01: 2.00%"))
        let d = svg.split(separator: "\n").first { $0.hasPrefix("<path") }.map(String.init) ?? ""
        #expect(d.components(separatedBy: "M").count - 1 == 2, "the missing day splits the line in two: \(d)")
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 6)
    }

    @Test func anEmptyChartSaysSoAndStillHasAxes() {
        let svg = LineChart(title: "ROI", axisLabel: "ROI (×)", format: .multiple, first: first, last: last, series: []).svg()
        #expect(svg.contains("no data in this period"))
        #expect(svg.contains("class=\"axis\""))
        #expect(!svg.contains("<path"))
    }

    @Test func aSingleDayIsDrawnAsAPoint() {
        let svg = LineChart(title: "CTR", axisLabel: "CTR (%)", format: .percent, first: first, last: first,
                            series: [.init(name: "c1", color: "#000", values: [first: 0.02])]).svg()
        #expect(svg.contains("class=\"point\""))
        #expect(!svg.contains("no data"))
    }

    @Test func longPeriodsDrawLinesWithDotsOnlyForIsolatedDays() {
        let start = Day("2026-08-01")!
        var values = Dictionary(uniqueKeysWithValues: (0..<90).map { (start.adding(days: $0), 0.02) })
        values[start.adding(days: 49)] = nil
        values[start.adding(days: 51)] = nil
        let svg = LineChart(title: "CTR", axisLabel: "CTR (%)", format: .percent, first: start, last: start.adding(days: 89),
                            series: [.init(name: "c1", color: "#000", values: values)]).svg()
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 1, "only day 50, alone between two gaps, gets a dot")
        #expect(svg.contains("c1 2026-09-20: 2.00%"))
    }

    @Test func markersAndReferencesAreDrawnWithTheirTooltips() {
        let values = Dictionary(uniqueKeysWithValues: (0..<7).map { (first.adding(days: $0), 2.0 + Double($0) * 0.1) })
        let chart = LineChart(title: "ROI", axisLabel: "ROI (×)", format: .multiple, first: first, last: last,
                              series: [.init(name: "c1", color: "#111", values: values)],
                              markers: [.init(series: "c1", day: first.adding(days: 5), label: "c1: fatigue", tooltip: "CTR fell 31%")],
                              references: [.init(value: 1.8, label: "break-even 1.80×")])
        let svg = chart.svg()
        #expect(svg.contains("class=\"marker\"") && svg.contains("<title>CTR fell 31%</title>"))
        #expect(svg.contains("break-even 1.80×") && svg.contains("class=\"reference\""))
    }

    @Test func ganttBarsSpanTheirDaysAndLabelWhyTheyEnded() {
        let chart = GanttChart(title: "plan", first: first, last: last, rows: [
            .init(name: "c&1", color: "#4e79a7", bars: [
                .init(first: first, last: first.adding(days: 2), kind: .active, tooltip: "active", endLabel: "rest: CTR −31% vs best"),
                .init(first: first.adding(days: 3), last: last, kind: .resting, tooltip: "resting"),
            ]),
        ])
        let svg = chart.svg()
        #expect(svg.contains("c&amp;1") && !svg.contains("c&1"))
        #expect(svg.contains("class=\"bar active\"") && svg.contains("class=\"bar resting\""))
        #expect(svg.contains("rest: CTR −31% vs best"))
        // 7 days over 900 − 150 − 16 px: the active bar covers 3 columns.
        let column = (900.0 - 150 - 16) / 7
        #expect(svg.contains("width=\"\(String((column * 3 * 10).rounded() / 10))\""))
    }
}
