import ClipRotation

/// One creative's stat rows as one text, built by the server with `string_agg` and read back here:
/// `date,impressions,clicks,views_3s,spend,orders,revenue,reach,frequency,completions` per row, rows joined by `;`,
/// a NULL as an empty field. Dates are `YYYY-MM-DD` and numbers never contain either separator.
enum StatRowsText {
    /// The SQL expression for one row of `stats s` (`format`'s `%s` prints NULL as nothing).
    static let sqlRow = "format('%s,%s,%s,%s,%s,%s,%s,%s,%s,%s', s.date, s.impressions, s.clicks, s.views_3s, s.spend, s.orders, s.revenue, s.reach, s.frequency, s.completions)"
    static let sqlSeparator = "';'"

    /// Calls `row` with each row's date and metrics, in the text's order.
    static func read(_ text: String, _ row: (String, Metrics) throws -> Void) throws {
        var text = text
        try text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                let fields = FieldReader(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                guard fields.count == 10 else { throw fields.unreadable }
                try row(fields.text(0), Metrics(impressions: try fields.int(1), clicks: try fields.int(2), views3s: try fields.int(3),
                                                spend: try fields.real(4), orders: try fields.int(5), revenue: try fields.real(6),
                                                reach: try fields.int(7), frequency: try fields.real(8), completions: try fields.int(9)))
                start = end + 1
            }
        }
    }

    /// The comma-separated fields of one row, read in place.
    private struct FieldReader {
        let bytes: UnsafeBufferPointer<UInt8>
        private var starts: [Int] = [0]

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") { starts.append(index + 1) }
        }

        var count: Int { starts.count }

        var unreadable: StoreError { StoreError("unreadable stat row from the server: '\(String(decoding: bytes, as: UTF8.self))'") }

        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
            return UnsafeBufferPointer(rebasing: bytes[starts[index]..<end])
        }

        func text(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

        func int(_ index: Int) throws -> Int? {
            let digits = field(index)
            guard !digits.isEmpty else { return nil }
            guard let value = Int(text(index)) else { throw unreadable }
            return value
        }

        func real(_ index: Int) throws -> Double? {
            guard !field(index).isEmpty else { return nil }
            guard let value = Double(text(index)) else { throw unreadable }
            return value
        }
    }
}
