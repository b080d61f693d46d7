import ClipRotation

/// One metric by day for several series on shared axes: gaps where a day has no value, a ring and a dashed rule
/// where a marker (the fatigue point) falls, optional reference lines (break-even, target).
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var values: [Day: Double]
        public init(name: String, color: String, values: [Day: Double]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    /// A marked day on one series, with a short label and a tooltip carrying the full reason.
    public struct Marker: Sendable {
        public var series: String
        public var day: Day
        public var label: String
        public var tooltip: String
        public init(series: String, day: Day, label: String, tooltip: String) {
            self.series = series
            self.day = day
            self.label = label
            self.tooltip = tooltip
        }
    }

    /// A horizontal rule at a value, labelled at its right end.
    public struct Reference: Sendable {
        public var value: Double
        public var label: String
        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    /// The y axis' name with its unit, e.g. `CTR (%)`.
    public var axisLabel: String
    public var format: ValueFormat
    public var first: Day
    public var last: Day
    public var series: [Series]
    public var markers: [Marker] = []
    public var references: [Reference] = []
    public var width = 440.0
    public var height = 240.0

    public init(title: String, axisLabel: String, format: ValueFormat, first: Day, last: Day, series: [Series],
                markers: [Marker] = [], references: [Reference] = []) {
        self.title = title
        self.axisLabel = axisLabel
        self.format = format
        self.first = first
        self.last = last
        self.series = series
        self.markers = markers
        self.references = references
    }

    private let left = 58.0, right = 16.0, top = 16.0, bottom = 36.0
    /// Longer periods draw lines only (dots would crowd them), except for isolated days.
    static let maxDottedDays = 35

    public func svg() -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let x = DayScale(first: first, last: last, range: (left, width - right))
        let shown = series.map { s in s.values.filter { x.contains($0.key) && $0.value.isFinite } }
        let values = shown.flatMap(\.values) + references.map(\.value)
        let domain = LinearScale.niceDomain(values, includeZero: true)
        let y = LinearScale(domain: domain, range: (height - bottom, top))
        let ticks = y.ticks()
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : max(abs(domain.upperBound), 1)

        for tick in ticks {
            canvas.line(left, y(tick), width - right, y(tick), class: tick == 0 ? "axis" : "grid")
            canvas.text(format.tick(tick, step: step), x: left - 6, y: y(tick) + 4, anchor: .end, class: "tick")
        }
        canvas.line(left, top, left, height - bottom, class: "axis")
        for day in x.ticks(maxLabels: 7) {
            canvas.line(x.center(day), height - bottom, x.center(day), height - bottom + 4, class: "axis")
            canvas.text(DayScale.label(day), x: x.center(day), y: height - bottom + 17, anchor: .middle, class: "tick")
        }
        canvas.text(axisLabel, x: 13, y: (top + height - bottom) / 2, anchor: .middle, class: "axis-label", rotate: -90)
        canvas.text("day", x: width - right, y: height - 4, anchor: .end, class: "axis-label")

        if values.isEmpty || shown.allSatisfy(\.isEmpty) {
            canvas.text("no data in this period", x: (left + width - right) / 2, y: (top + height - bottom) / 2, anchor: .middle, class: "empty")
            return canvas.render(label: title, class: "chart line-chart")
        }
        for reference in references {
            canvas.line(left, y(reference.value), width - right, y(reference.value), class: "reference",
                        tooltip: "\(reference.label): \(format.text(reference.value))")
        }
        let days = (0..<x.count).map { first.adding(days: $0) }
        for (s, values) in zip(series, shown) {
            canvas.path(LinePath.data(days.map { (x.center($0), values[$0].map { y($0) }) }), class: "series", color: s.color, tooltip: s.name)
            // A dot per day while there is room for it; always for a day with no neighbour (a line cannot show it).
            for (day, value) in values.sorted(by: { $0.key < $1.key })
            where x.count <= Self.maxDottedDays || (values[day.adding(days: -1)] == nil && values[day.adding(days: 1)] == nil) {
                canvas.circle(x: x.center(day), y: y(value), radius: 2.5, class: "point", color: s.color,
                              tooltip: "\(s.name) \(day): \(format.text(value))")
            }
        }
        // Labels last, so no line covers them.
        for reference in references {
            canvas.text(reference.label, x: width - right - 2, y: y(reference.value) - 4, anchor: .end, class: "reference-label")
        }
        for (row, marker) in markers.enumerated() {
            guard let s = series.first(where: { $0.name == marker.series }), x.contains(marker.day) else { continue }
            let cx = x.center(marker.day)
            canvas.line(cx, top, cx, height - bottom, class: "marker-rule", tooltip: marker.tooltip)
            if let value = s.values[marker.day] {
                canvas.circle(x: cx, y: y(value), radius: 6.5, class: "marker", color: s.color, tooltip: marker.tooltip)
            }
            let anchor: SVGCanvas.Anchor = cx > (left + width - right) / 2 ? .end : .start
            canvas.text(marker.label, x: cx + (anchor == .end ? -4 : 4), y: top + 10 + Double(row % 4) * 12, anchor: anchor, class: "marker-label", tooltip: marker.tooltip)
        }
        return canvas.render(label: title, class: "chart line-chart")
    }
}
