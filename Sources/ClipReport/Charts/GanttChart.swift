import ClipRotation

/// Which creative ran on which days: one row per creative, solid bars while active, pale dashed bars while
/// resting, each bar with a tooltip and an optional label after its end (why it left).
public struct GanttChart: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var color: String
        public var bars: [Bar]
        public init(name: String, color: String, bars: [Bar]) {
            self.name = name
            self.color = color
            self.bars = bars
        }
    }

    public struct Bar: Sendable {
        public enum Kind: String, Sendable { case active, resting }
        public var first: Day
        public var last: Day
        public var kind: Kind
        public var tooltip: String
        /// Written after the bar's end, e.g. `rested: CTR −31%`.
        public var endLabel: String?
        public init(first: Day, last: Day, kind: Kind, tooltip: String, endLabel: String? = nil) {
            self.first = first
            self.last = last
            self.kind = kind
            self.tooltip = tooltip
            self.endLabel = endLabel
        }
    }

    public var title: String
    public var first: Day
    public var last: Day
    public var rows: [Row]
    public var width = 900.0

    public init(title: String, first: Day, last: Day, rows: [Row]) {
        self.title = title
        self.first = first
        self.last = last
        self.rows = rows
    }

    private let gutter = 150.0, right = 16.0, top = 10.0, rowHeight = 28.0, barHeight = 16.0, bottom = 34.0

    public var height: Double { top + rowHeight * Double(max(1, rows.count)) + bottom }

    public func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let x = DayScale(first: first, last: last, range: (gutter, width - right))
        let plotBottom = height - bottom
        for day in x.ticks(maxLabels: 12) {
            canvas.line(x.leading(day), top, x.leading(day), plotBottom, class: "grid")
            canvas.text(DayScale.label(day), x: x.center(day), y: plotBottom + 16, anchor: .middle, class: "tick")
        }
        canvas.line(gutter, plotBottom, width - right, plotBottom, class: "axis")
        canvas.text("day", x: width - right, y: height - 4, anchor: .end, class: "axis-label")
        if rows.isEmpty {
            canvas.text("no creative was active in this period", x: (gutter + width - right) / 2, y: top + rowHeight / 2 + 4, anchor: .middle, class: "empty")
        }
        for (index, row) in rows.enumerated() {
            let rowTop = top + rowHeight * Double(index)
            let barTop = rowTop + (rowHeight - barHeight) / 2
            let shortName = row.name.count > 22 ? String(row.name.prefix(21)) + "…" : row.name
            canvas.text(shortName, x: gutter - 8, y: barTop + barHeight - 4, anchor: .end, class: "row-label", tooltip: row.name)
            for bar in row.bars {
                let from = max(bar.first, first), to = min(bar.last, last)
                guard from <= to else { continue }
                canvas.rect(x: x.leading(from), y: barTop, width: x.trailing(to) - x.leading(from), height: barHeight,
                            class: "bar \(bar.kind.rawValue)", fill: row.color, tooltip: bar.tooltip)
                if let label = bar.endLabel {
                    let end = x.trailing(to)
                    let fitsAfter = width - right - end > Double(label.count) * 6.2 + 6
                    canvas.text(label, x: fitsAfter ? end + 5 : end - 5, y: barTop + barHeight - 4, anchor: fitsAfter ? .start : .end,
                                class: fitsAfter ? "bar-label" : "bar-label inside", tooltip: bar.tooltip)
                }
            }
        }
        return canvas.render(label: title, class: "chart gantt")
    }
}
