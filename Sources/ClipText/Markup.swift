/// Escaping for XML, HTML and SVG text: element content and double- or single-quoted attribute values.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, so any name renders as text.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
