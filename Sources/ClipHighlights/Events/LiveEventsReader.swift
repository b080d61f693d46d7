import Foundation

/// An input file of extract (live-room export, transcript, keywords) that cannot be used, with the file and the row.
public struct HighlightInputError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ file: String, _ message: String) { description = "\(file): \(message)" }
}

/// Reads a live-room metrics table (header + rows, already split into cells) and places its rows on the
/// recording's time line. The time column is either wall-clock (`time`/`时间`: "2026-11-20 20:41:12") mapped
/// through the recording's start, or an offset into the recording (`offset`: seconds, MM:SS or HH:MM:SS).
/// Cumulative columns (never decreasing) are turned into per-interval counts.
public struct LiveEventsReader {
    public let file: String
    public let columns: [String: [String]]

    public init(file: String, columns: [String: [String]]) {
        self.file = file
        self.columns = columns
    }

    /// - Parameters:
    ///   - recordingStart: wall-clock start of the recording, in the same clock as the export (needed for `time`).
    ///   - duration: recording length in seconds.
    public func read(header: [String], rows: [[String]], recordingStart: Date?, duration: Double) throws -> LiveEvents {
        let timeColumn = index(of: "time", in: header)
        let offsetColumn = index(of: "offset", in: header)
        guard timeColumn != nil || offsetColumn != nil else {
            throw HighlightInputError(file, "no time column: expected one of \((columns["time"] ?? []) + (columns["offset"] ?? []))")
        }
        let metricColumns = LiveMetric.allCases.compactMap { metric in index(of: metric.rawValue, in: header).map { (metric, $0) } }
        guard !metricColumns.isEmpty else {
            throw HighlightInputError(file, "no metric column: expected any of orders/成交订单数, comments/评论数, likes/点赞数, gmv/成交金额, entries/进入直播间人数, viewers/在线人数")
        }
        if timeColumn != nil && offsetColumn == nil && recordingStart == nil {
            throw HighlightInputError(file, "wall-clock times need the recording's start: the recording has no creation_time; pass --recording-start")
        }
        var placed: [(time: Double, values: [LiveMetric: Double])] = []
        for (number, row) in rows.enumerated() {
            let line = number + 2
            let time: Double
            if let offsetColumn {
                guard let value = EventTime.offset(cell(row, offsetColumn)) else {
                    throw HighlightInputError(file, "row \(line): offset '\(cell(row, offsetColumn))' is not seconds, MM:SS or HH:MM:SS")
                }
                time = value
            } else {
                guard let date = EventTime.wallClock(cell(row, timeColumn!)) else {
                    throw HighlightInputError(file, "row \(line): time '\(cell(row, timeColumn!))' is not a date-time like 2026-11-20 20:41:12")
                }
                time = date.timeIntervalSince(recordingStart!)
            }
            var values: [LiveMetric: Double] = [:]
            for (metric, column) in metricColumns {
                let text = cell(row, column)
                if text.isEmpty || text == "-" || text == "--" { continue }
                guard let value = EventTime.number(text) else {
                    throw HighlightInputError(file, "row \(line): \(metric.rawValue) '\(text)' is not a number")
                }
                values[metric] = value
            }
            placed.append((time, values))
        }
        guard !placed.isEmpty else { throw HighlightInputError(file, "no data rows") }
        let inside = placed.filter { $0.time >= -1 && $0.time < duration }
        guard !inside.isEmpty else {
            let first = placed.map(\.time).min()!, last = placed.map(\.time).max()!
            throw HighlightInputError(file, String(format: "its times (%.0f s to %.0f s from the recording's start) do not overlap the recording (0 to %.0f s); check --recording-start", first, last, duration))
        }
        return LiveEvents(rows: decumulated(placed), duration: duration)
    }

    private func index(of name: String, in header: [String]) -> Int? {
        let aliases = Set((columns[name] ?? [name]).map(normalized))
        return header.firstIndex { aliases.contains(normalized($0)) }
    }

    private func normalized(_ text: String) -> String {
        text.lowercased().filter { !$0.isWhitespace && $0 != "\u{FEFF}" }
    }

    private func cell(_ row: [String], _ index: Int) -> String {
        index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : ""
    }

    /// Counts that never decrease over at least ten rows are running totals: difference them.
    private func decumulated(_ rows: [(time: Double, values: [LiveMetric: Double])]) -> [(time: Double, values: [LiveMetric: Double])] {
        var rows = rows.sorted { $0.time < $1.time }
        for metric in LiveMetric.allCases where !metric.isLevel {
            let values = rows.compactMap { $0.values[metric] }
            guard values.count >= 10, zip(values.dropFirst(), values).allSatisfy({ $0 >= $1 }),
                  zip(values.dropFirst(), values).filter({ $0 > $1 }).count >= 3 else { continue }
            var previous: Double?
            for index in rows.indices {
                guard let value = rows[index].values[metric] else { continue }
                rows[index].values[metric] = previous.map { value - $0 } ?? 0
                previous = value
            }
        }
        return rows
    }
}
