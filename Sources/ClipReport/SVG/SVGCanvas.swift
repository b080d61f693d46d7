import ClipText

/// Collects SVG elements and renders them as one inline `<svg>`; every text and tooltip is escaped here.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The elements so far (for tests and for grouping).
    public var body: String { elements.joined(separator: "\n") }

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String, tooltip: String? = nil) {
        add("line", ["x1": coordinate(x1), "y1": coordinate(y1), "x2": coordinate(x2), "y2": coordinate(y2), "class": name], tooltip: tooltip)
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String, fill: String? = nil, tooltip: String? = nil) {
        var attributes = ["x": coordinate(x), "y": coordinate(y), "width": coordinate(max(0, width)), "height": coordinate(max(0, height)), "class": name]
        if let fill { attributes["fill"] = fill }
        add("rect", attributes, tooltip: tooltip)
    }

    public mutating func circle(x: Double, y: Double, radius: Double, class name: String, color: String? = nil, tooltip: String? = nil) {
        var attributes = ["cx": coordinate(x), "cy": coordinate(y), "r": coordinate(radius), "class": name]
        if let color { attributes["stroke"] = color; attributes["fill"] = color }
        add("circle", attributes, tooltip: tooltip)
    }

    /// A path; `color` sets its stroke. Nothing is added for an empty `d`.
    public mutating func path(_ d: String, class name: String, color: String? = nil, tooltip: String? = nil) {
        guard !d.isEmpty else { return }
        var attributes = ["d": d, "class": name]
        if let color { attributes["stroke"] = color }
        add("path", attributes, tooltip: tooltip)
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, class name: String,
                              rotate: Double? = nil, tooltip: String? = nil) {
        var attributes = ["x": coordinate(x), "y": coordinate(y), "text-anchor": anchor.rawValue, "class": name]
        if let rotate { attributes["transform"] = "rotate(\(coordinate(rotate)) \(coordinate(x)) \(coordinate(y)))" }
        let title = tooltip.map { "<title>\(Markup.escape($0))</title>" } ?? ""
        elements.append("<text\(render(attributes))>\(title)\(Markup.escape(content))</text>")
    }

    /// The finished inline `<svg>` (the HTML parser gives it the SVG namespace, so no xmlns URL is written): scales
    /// with its container (viewBox), labelled for screen readers by `label`.
    public func render(label: String, class name: String) -> String {
        "<svg class=\"\(Markup.escape(name))\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" "
            + "width=\"\(coordinate(width))\" height=\"\(coordinate(height))\" role=\"img\" aria-label=\"\(Markup.escape(label))\">\n"
            + "<title>\(Markup.escape(label))</title>\n" + body + "\n</svg>"
    }

    private mutating func add(_ tag: String, _ attributes: [String: String], tooltip: String?) {
        if let tooltip {
            elements.append("<\(tag)\(render(attributes))><title>\(Markup.escape(tooltip))</title></\(tag)>")
        } else {
            elements.append("<\(tag)\(render(attributes))/>")
        }
    }

    private func render(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(Markup.escape($0.value))\"" }.joined()
    }
}

/// A coordinate with one decimal, as SVG attributes are written.
func coordinate(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() && abs(rounded) < 1e9 { return String(Int(rounded)) }
    return String(rounded)
}
