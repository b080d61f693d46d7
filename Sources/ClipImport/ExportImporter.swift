import ClipRotation
import ClipPresets

/// Reads an ad-platform export into stat rows: finds the header (after any title lines), picks the column map
/// (`--format auto` tries every map), and converts each row, dropping `Total` rows. Streams the file.
public struct ExportImporter: Sendable {
    /// Column maps to try, platforms first and `generic` last.
    public var maps: [ColumnMap]
    /// Plan for files that have no plan column.
    public var defaultPlan: String?

    public init(maps: [ColumnMap], defaultPlan: String? = nil) {
        self.maps = maps
        self.defaultPlan = defaultPlan
    }

    /// The shipped maps (`Presets/imports/*.yaml`), or only the one named (name or path) when `format` is not `auto`.
    public static func loadMaps(format: String) throws -> [ColumnMap] {
        let names = format == "auto" ? PresetLocator.names(kind: "imports") : [format]
        let maps = try names.map { try PresetLocator.load(ColumnMap.self, kind: "imports", $0) }
        for (name, map) in zip(names, maps) {
            if let problem = map.problem { throw ImportError(file: (try? PresetLocator.url(kind: "imports", name).path) ?? name, problem) }
        }
        return maps.sorted { ($0.name == "generic" ? 1 : 0, $0.name) < ($1.name == "generic" ? 1 : 0, $1.name) }
    }

    /// What reading a file found.
    public struct Summary: Sendable, Codable {
        public var file: String
        public var format: String
        public var encoding: String
        public var headerLine: Int
        public var rows = 0
        public var totalRowsDropped = 0
    }

    /// Calls `emit` for each stat row of the file; throws on the first bad row (nothing is imported then).
    public func read(path: String, emit: (StatRow) throws -> Void) throws -> Summary {
        let (map, columns, headerLine, width) = try detect(path: path)
        let reader = try CSVRecordReader(path: path)
        var summary = Summary(file: path, format: map.name, encoding: reader.encoding.rawValue, headerLine: headerLine)
        while let record = try reader.next(), record.line < headerLine {}
        let markers = (map.totalMarkers ?? ["total", "总计", "合计", "汇总"]).map { $0.lowercased() }
        var seen: [RowKey: Int] = [:]
        // Column per field as a flat array (−1 = absent): this runs for every cell of every row.
        var positions = [Int](repeating: -1, count: ColumnMap.Field.allCases.count)
        for (field, column) in columns { positions[field.ordinal] = column }
        while let (fields, line) = try reader.next() {
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            func cell(_ field: ColumnMap.Field) -> String? {
                let column = positions[field.ordinal]
                return column >= 0 && column < fields.count ? fields[column] : nil
            }
            // Summary rows start with a word (Total, 总计) where data rows have a date or an ID.
            let leading = [fields.first, cell(.date), cell(.creativeID), cell(.planID)].compactMap { cell -> String? in
                guard let cell, let first = cell.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return nil }
                return cell.trimmingSpaces.lowercased()
            }
            if leading.contains(where: { text in markers.contains { text.hasPrefix($0) } }) {
                summary.totalRowsDropped += 1
                continue
            }
            guard fields.count >= width else {
                throw ImportError(file: path, row: line, "has \(fields.count) fields where the header (line \(headerLine)) has \(width)")
            }
            let row = try convert(cell: cell, map: map, path: path, line: line)
            let key = RowKey(creativeID: row.creativeID, date: row.date, hour: row.hour ?? -1)
            if let earlier = seen[key] {
                throw ImportError(file: path, row: line, "duplicates row \(earlier): creative '\(row.creativeID)' on \(row.date)\(row.hour.map { " hour \($0)" } ?? "")")
            }
            seen[key] = line
            try emit(row)
            summary.rows += 1
        }
        return summary
    }

    private struct RowKey: Hashable {
        var creativeID: String
        var date: Day
        var hour: Int
    }

    /// The column map whose header matches best within the first 30 records, with its columns and header line.
    func detect(path: String) throws -> (ColumnMap, [ColumnMap.Field: Int], Int, Int) {
        let reader = try CSVRecordReader(path: path)
        var best: (map: ColumnMap, columns: [ColumnMap.Field: Int], line: Int, width: Int, score: Int)?
        var records = 0
        while records < 30, let (fields, line) = try reader.next() {
            records += 1
            for map in maps {
                let columns = map.match(header: fields)
                guard columns[.creativeID] != nil, ColumnMap.Field.metrics.contains(where: { columns[$0] != nil }) else { continue }
                let score = columns.count
                if best == nil || score > best!.score { best = (map, columns, line, fields.count, score) }
            }
            if best != nil { break }
        }
        guard let best else {
            if records == 0 { throw ImportError(file: path, "is empty") }
            let tried = maps.map(\.name).joined(separator: ", ")
            throw ImportError(file: path, "no header with a creative/ad ID column and a metric column in the first \(records) lines (formats tried: \(tried)); see docs/rotation.md for the column names")
        }
        guard best.columns[.date] != nil else {
            throw ImportError(file: path, row: best.line, "the export has no daily breakdown (no date/day column): export it broken down by day")
        }
        return (best.map, best.columns, best.line, best.width)
    }

    private func convert(cell: (ColumnMap.Field) -> String?, map: ColumnMap, path: String, line: Int) throws -> StatRow {
        func fail(_ message: String) -> ImportError { ImportError(file: path, row: line, message) }
        let (id, mangled) = FieldParser.identifier(cell(.creativeID) ?? "")
        guard !id.isEmpty else { throw fail("empty creative ID") }
        if mangled { throw fail("creative ID '\(id)' was mangled by Excel into scientific notation (digits are lost): re-export, or format the ID column as text before saving") }
        var planID: String? = defaultPlan
        if let rawPlan = cell(.planID) {
            let (plan, planMangled) = FieldParser.identifier(rawPlan)
            if planMangled { throw fail("plan ID '\(plan)' was mangled by Excel into scientific notation: re-export, or format the column as text") }
            if !plan.isEmpty { planID = plan }
        }
        let rawDate = cell(.date) ?? ""
        guard let parsed = FieldParser.date(rawDate), let day = Day(parsed.day) else {
            throw fail("unreadable date '\(rawDate)' (expected YYYY-MM-DD)")
        }
        if let rawEnd = cell(.dateEnd), let end = FieldParser.date(rawEnd).flatMap({ Day($0.day) }), end != day {
            throw fail("the row covers \(day) to \(end): the export has no daily breakdown; export it broken down by day")
        }
        var hour = parsed.hour.flatMap { (0...23).contains($0) ? $0 : nil }
        if let rawHour = cell(.hour), !rawHour.trimmingSpaces.isEmpty {
            guard let value = FieldParser.hour(rawHour) else { throw fail("unreadable hour '\(rawHour)' (expected 0–23)") }
            hour = value
        } else if cell(.hour) == nil {
            hour = nil
        }
        func number(_ field: ColumnMap.Field) throws -> Double? {
            guard let raw = cell(field) else { return nil }
            switch FieldParser.number(raw) {
            case .absent: return nil
            case .invalid: throw fail("\(field.rawValue) '\(raw)' is not a number")
            case .value(let value):
                guard value >= 0 else { throw fail("\(field.rawValue) '\(raw)' is negative") }
                return value
            }
        }
        func count(_ field: ColumnMap.Field) throws -> Int? {
            guard var value = try number(field) else { return nil }
            // Attribution models (Google's data-driven) give fractional conversions: nearest whole order.
            if field == .orders { value = value.rounded() }
            guard value == value.rounded(), value < 9e15 else { throw fail("\(field.rawValue) '\(cell(field) ?? "")' is not a whole number") }
            return Int(value)
        }
        let metrics = Metrics(impressions: try count(.impressions), clicks: try count(.clicks), views3s: try count(.views3s),
                              spend: try number(.spend), orders: try count(.orders), revenue: try number(.revenue),
                              reach: try count(.reach), frequency: try number(.frequency), completions: try count(.completions))
        return StatRow(planID: planID, creativeID: id, date: day, hour: hour, source: map.source, metrics: metrics, line: line)
    }
}
