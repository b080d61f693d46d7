/// Reads the cells of exports as people's spreadsheets write them: thousands separators, currency symbols and codes,
/// `%`, `-`/`--` placeholders for "no data", Excel-mangled IDs, and several date spellings.
public enum FieldParser {
    /// A parsed cell: absent (empty or a placeholder), a number, or text that is not a number.
    public enum Number: Equatable, Sendable {
        case absent
        case value(Double)
        case invalid
    }

    static let placeholders: Set<String> = ["", "-", "--", "—", "–", "n/a", "na", "null", "none", "nan", "/"]
    static let currencyCodes = ["USD", "EUR", "CNY", "RMB", "GBP", "JPY", "HKD", "TWD", "SGD", "AUD", "CAD", "KRW", "INR", "BRL", "MXN",
                                "US", "CN", "HK", "NT", "S", "A", "C", "R"]
    static let currencySymbols: Set<Character> = ["¥", "￥", "$", "€", "£", "₩", "₹", "元", "\u{00A0}", " ", ",", "，", "'"]

    /// A number cell, with separators, currency and `%` removed (`12.5%` → 0.125).
    public static func number(_ raw: String) -> Number {
        if let plain = plainNumber(raw) { return .value(plain) }
        let trimmed = raw.trimmingSpaces
        if placeholders.contains(trimmed.lowercased()) { return .absent }
        var text = Substring(trimmed)
        var percent = false
        if text.hasSuffix("%") { percent = true; text = text.dropLast() }
        // Currency codes before or after the amount: USD 12.00, 12.00 CNY, US$12, CN¥3.
        for code in currencyCodes {
            if text.hasPrefix(code) { text = text.dropFirst(code.count); break }
        }
        for code in currencyCodes {
            if text.hasSuffix(code) { text = text.dropLast(code.count); break }
        }
        var cleaned = String(text.filter { !currencySymbols.contains($0) })
        var negative = false
        if cleaned.hasPrefix("(") && cleaned.hasSuffix(")") { negative = true; cleaned = String(cleaned.dropFirst().dropLast()) }
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return cleaned.isEmpty ? .absent : .invalid }
        let signed = negative ? -value : value
        return .value(percent ? signed / 100 : signed)
    }

    /// Fast path for the common cell: ASCII digits with at most one decimal point.
    static func plainNumber(_ raw: String) -> Double? {
        var dots = 0
        var digits = 0
        for byte in raw.utf8 {
            if byte == UInt8(ascii: ".") { dots += 1 } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 } else { return nil }
        }
        guard digits > 0, dots <= 1 else { return nil }
        return Double(raw)
    }

    /// An identifier cell: trimmed, Excel's `="…"` and leading apostrophe removed; `mangled` when Excel turned it into
    /// scientific notation (`1.2E+17`), which has lost digits for good.
    public static func identifier(_ raw: String) -> (id: String, mangled: Bool) {
        var text = raw.trimmingSpaces
        if let first = text.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "'") {
            if text.hasPrefix("=\"") && text.hasSuffix("\"") { text = String(text.dropFirst(2).dropLast()) }
            if text.hasPrefix("'") { text.removeFirst() }
        }
        return (text, isScientific(text))
    }

    static func isScientific(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
        let upper = text.uppercased()
        guard let e = upper.firstIndex(of: "E") else { return false }
        let mantissa = upper[..<e], exponent = upper[upper.index(after: e)...].drop { $0 == "+" }
        return !mantissa.isEmpty && !exponent.isEmpty && Double(mantissa) != nil && exponent.allSatisfy(\.isNumber) && mantissa.first!.isNumber
    }

    /// A date cell: `2024-05-01`, `2024/5/1`, `2024.05.01`, `2024年5月1日`, `20240501`, with any time after a space or `T`.
    public static func date(_ raw: String) -> (day: String, hour: Int?)? {
        if raw.utf8.count == 10, raw.utf8.allSatisfy({ $0 < 0x80 && $0 > 0x20 }) { return (raw, nil) }
        var text = raw.trimmingSpaces
        if text.hasPrefix("=\"") && text.hasSuffix("\"") { text = String(text.dropFirst(2).dropLast()) }
        var time: Substring?
        if let split = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
            time = text[text.index(after: split)...]
            text = String(text[..<split])
        }
        text = text.replacingChinese()
        if text.count == 8, text.allSatisfy(\.isNumber) {
            text = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
        }
        let hour = time.flatMap { Int($0.prefix { $0.isNumber }) }
        return (text, hour)
    }

    /// An hour cell: `13`, `13:00`, `13时`, `13:00-14:00`.
    public static func hour(_ raw: String) -> Int? {
        let digits = raw.trimmingSpaces.prefix { $0.isNumber }
        guard let value = Int(digits), (0...23).contains(value) else { return nil }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{3000}" || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// `2024年5月1日` → `2024-5-1`.
    func replacingChinese() -> String {
        guard utf8.contains(where: { $0 >= 0x80 }), contains("年") else { return self }
        var text = self
        text = text.replacingAll("年", "-")
        text = text.replacingAll("月", "-")
        text = text.replacingAll("日", "")
        return text
    }

    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
