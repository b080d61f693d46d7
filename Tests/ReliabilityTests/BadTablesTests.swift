import Foundation
import Testing
import TestSupport

/// Each shipped sample export, broken the ways people and spreadsheets break them, through `clipkit stats import`:
/// it imports exactly the rows the clean file gives, or fails with one line naming the file (and the row for a
/// row-level fault) and leaves no row behind.
@Suite struct BadTablesTests {
    static let samples = ["generic-daily.csv", "google-ads.csv", "meta-ads-bom.csv", "qianchuan-gb18030.csv", "tiktok-ads.csv"]

    /// One way to break an export, and whether it must fail (true) or may either import or fail (false).
    enum Breakage: String, CaseIterable {
        case bom, blankLines, crlf, extraColumn, totalRowInTheMiddle, negativeValue, nonNumericValue, otherDateFormat,
             duplicatedRow, semicolons, missingDateColumn, mixedEncoding, scientificID

        var mustFail: Bool { [.nonNumericValue, .duplicatedRow, .scientificID, .missingDateColumn].contains(self) }
        var namesRow: Bool { [.nonNumericValue, .duplicatedRow, .scientificID].contains(self) }

        /// The export's lines (bytes, without "\n") broken this way; `header` is the header line's index.
        func apply(_ lines: [[UInt8]], header: Int) -> [[UInt8]] {
            var lines = lines
            let comma = UInt8(ascii: ","), data = Array(lines.indices.dropFirst(header + 1).filter { !lines[$0].isEmpty })
            let middle = data[data.count / 2]
            func fields(_ line: [UInt8]) -> [[UInt8]] { line.split(separator: comma, omittingEmptySubsequences: false).map(Array.init) }
            func join(_ fields: [[UInt8]]) -> [UInt8] { Array(fields.joined(separator: [comma])) }
            func digits(_ field: [UInt8]) -> Bool { field.allSatisfy { (48...57).contains($0) || $0 == UInt8(ascii: ".") } }
            // The first plain metric (a number shorter than an ID) in the middle row: impressions, clicks or spend.
            let metric = fields(lines[middle]).firstIndex { !$0.isEmpty && $0.count < 9 && digits($0) } ?? 3
            switch self {
            case .bom: if lines[0].starts(with: [0xEF, 0xBB, 0xBF]) { lines[0].removeFirst(3) } else { lines[0] = [0xEF, 0xBB, 0xBF] + lines[0] }
            case .blankLines: for index in data.reversed() where index % 2 == 0 { lines.insert([], at: index) }
            case .crlf: lines = lines.map { $0 + [0x0D] }
            case .extraColumn: lines = lines.enumerated().map { $0.offset < header ? $0.element : $0.element + Array(",note x".utf8) }
            case .totalRowInTheMiddle:
                let count = fields(lines[header]).count
                lines.insert(Array("Total".utf8) + [UInt8](repeating: comma, count: count - 1), at: middle)
            case .negativeValue:
                var row = fields(lines[middle]); row[metric] = Array("-".utf8) + row[metric]; lines[middle] = join(row)
            case .nonNumericValue:
                var row = fields(lines[middle]); row[metric] = Array("12abc".utf8); lines[middle] = join(row)
            case .otherDateFormat:
                var row = fields(lines[middle]); row[0] = row[0].map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "/") : $0 }; lines[middle] = join(row)
            case .duplicatedRow: lines.insert(lines[data[0]], at: data[data.count - 1] + 1)
            case .semicolons: lines = lines.map { $0.map { $0 == comma ? UInt8(ascii: ";") : $0 } }
            case .missingDateColumn: for index in [header] + data { lines[index] = join(Array(fields(lines[index]).dropFirst())) }
            case .mixedEncoding:
                var row = fields(lines[middle]); row[1] = row[1] + [0xE9, 0xE9]; lines[middle] = join(row)
            case .scientificID:
                // Every ID-like number (9+ digits) in the row, or the generic export's creative_id.
                var row = fields(lines[middle])
                let ids = row.indices.filter { row[$0].count >= 9 && digits(row[$0]) && !row[$0].contains(UInt8(ascii: ".")) }
                for id in ids.isEmpty ? [2] : ids { row[id] = Array("1.2E+17".utf8) }
                lines[middle] = join(row)
            }
            return lines
        }
    }

    static func lines(_ sample: String) throws -> (lines: [[UInt8]], header: Int) {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Examples/data/\(sample)")))
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        let header = lines.firstIndex { $0.filter { $0 == UInt8(ascii: ",") }.count >= 4 } ?? 0
        return (lines, header)
    }

    /// Imports `path` into a new database; returns the result and the stats rows it holds afterwards.
    static func importing(_ paths: [String]) throws -> (result: ProcessResult, rows: Int) {
        let db = try Fixtures.temporaryDirectory("bad-tables").appendingPathComponent("clipkit.sqlite").path
        var last: ProcessResult?
        for path in paths {
            last = try Fixtures.clipkit(["stats", "import", "--create-missing", path], environment: ["CLIPKIT_DB": db, "NO_COLOR": "1"])
        }
        let count = FileManager.default.fileExists(atPath: db)
            ? try Fixtures.run("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM stats"]).stdout : "0"
        return (last!, Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
    }

    @Test(arguments: samples)
    func everyBreakage(sample: String) throws {
        let (lines, header) = try Self.lines(sample)
        let clean = try Self.importing([Fixtures.repositoryRoot.appendingPathComponent("Examples/data/\(sample)").path])
        #expect(clean.result.status == 0 && clean.rows > 0, "\(sample): \(clean.result.stderr)")
        let folder = try Fixtures.temporaryDirectory("bad-tables")
        for breakage in Breakage.allCases {
            let path = folder.appendingPathComponent("\(breakage.rawValue)-\(sample)").path
            try Data(Array(breakage.apply(lines, header: header).joined(separator: [0x0A])) + [0x0A]).write(to: URL(fileURLWithPath: path))
            let (result, rows) = try Self.importing([path])
            let label = "\(sample) \(breakage.rawValue)"
            #expect(!result.signaled && [0, 1].contains(result.status), "\(label): exit \(result.status) \(result.stderr)")
            if result.status == 0 {
                #expect(!breakage.mustFail, "\(label) imported (\(rows) rows) but should fail")
                #expect(rows == clean.rows, "\(label): imported \(rows) rows, the clean file gives \(clean.rows)")
            } else {
                let errors = result.stderr.split(separator: "\n")
                #expect(errors.count == 1 && errors[0].contains(path), "\(label): \(result.stderr)")
                if breakage.namesRow { #expect(result.stderr.contains("row "), "\(label): \(result.stderr)") }
                #expect(rows == 0, "\(label): failed but left \(rows) rows")
            }
        }
    }

    /// The same rows in a second file, or the same file twice, never become duplicate rows.
    @Test(arguments: samples)
    func duplicatesAcrossFiles(sample: String) throws {
        let original = Fixtures.repositoryRoot.appendingPathComponent("Examples/data/\(sample)").path
        let copy = try Fixtures.temporaryDirectory("bad-tables").appendingPathComponent("copy-\(sample)")
        try FileManager.default.copyItem(atPath: original, toPath: copy.path)
        let once = try Self.importing([original])
        let twice = try Self.importing([original, original, copy.path])
        #expect(twice.result.status == 0, "\(sample): \(twice.result.stderr)")
        #expect(twice.rows == once.rows)
    }
}
