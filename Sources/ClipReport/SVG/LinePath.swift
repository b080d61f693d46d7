/// SVG path data for a polyline through points where a missing value breaks the line (a gap, never a zero).
public enum LinePath {
    /// `M x y L x y …`, starting a new subpath after each missing value. A point alone between gaps is a bare
    /// `M` (invisible: draw markers for points).
    public static func data(_ points: [(x: Double, y: Double?)]) -> String {
        var out: [String] = []
        var drawing = false
        for point in points {
            guard let y = point.y, y.isFinite else { drawing = false; continue }
            out.append("\(drawing ? "L" : "M")\(coordinate(point.x)) \(coordinate(y))")
            drawing = true
        }
        return out.joined(separator: " ")
    }
}
