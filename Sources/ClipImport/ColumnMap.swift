/// How one export format names its columns: `Presets/imports/<name>.yaml`. Aliases are matched case-insensitively
/// with spaces collapsed; `*` matches any text (`Amount spent (*)` takes any currency).
public struct ColumnMap: Sendable, Codable, Equatable {
    public var name: String
    /// Stored as the stats' `source`.
    public var source: String
    public var description: String?
    /// Header aliases per field, most preferred first.
    public var columns: [String: [String]]
    /// Rows whose first cell, date or ID starts with one of these are summary rows and are dropped.
    public var totalMarkers: [String]?

    enum CodingKeys: String, CodingKey { case name, source, description, columns, totalMarkers = "total_markers" }

    /// The fields a column map may name.
    public enum Field: String, CaseIterable, Sendable {
        case date, dateEnd = "date_end", hour, planID = "plan_id", creativeID = "creative_id"
        case impressions, clicks, views3s = "views_3s", spend, orders, revenue, reach, frequency, completions

        /// Position in `allCases`.
        var ordinal: Int {
            switch self {
            case .date: return 0
            case .dateEnd: return 1
            case .hour: return 2
            case .planID: return 3
            case .creativeID: return 4
            case .impressions: return 5
            case .clicks: return 6
            case .views3s: return 7
            case .spend: return 8
            case .orders: return 9
            case .revenue: return 10
            case .reach: return 11
            case .frequency: return 12
            case .completions: return 13
            }
        }

        static let metrics: [Field] = [.impressions, .clicks, .views3s, .spend, .orders, .revenue, .reach, .frequency, .completions]
    }

    /// Unknown field names in `columns`, as a problem sentence (nil when fine).
    public var problem: String? {
        let unknown = columns.keys.filter { Field(rawValue: $0) == nil }.sorted()
        return unknown.isEmpty ? nil : "unknown field(s) \(unknown.joined(separator: ", ")); known: \(Field.allCases.map(\.rawValue).joined(separator: ", "))"
    }

    /// Column index per field for a header row (only fields found).
    public func match(header: [String]) -> [Field: Int] {
        let normalized = header.map(Self.normalize)
        var found: [Field: Int] = [:]
        for field in Field.allCases {
            for alias in columns[field.rawValue] ?? [] {
                let pattern = Self.normalize(alias)
                if let index = normalized.firstIndex(where: { Self.matches($0, pattern) }) {
                    found[field] = index
                    break
                }
            }
        }
        return found
    }

    static func normalize(_ text: String) -> String {
        var cleaned = text
        if cleaned.hasPrefix("\u{FEFF}") { cleaned.removeFirst() }
        return cleaned.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }).joined(separator: " ")
    }

    static func matches(_ header: String, _ pattern: String) -> Bool {
        guard pattern.contains("*") else { return header == pattern }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard header.hasPrefix(parts[0]), header.hasSuffix(parts[parts.count - 1]), header.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        var rest = Substring(header.dropFirst(parts[0].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.range(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
