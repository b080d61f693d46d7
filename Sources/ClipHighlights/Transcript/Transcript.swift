import Foundation

/// One subtitle cue: when it is on screen and what is said.
public struct TranscriptCue: Sendable, Equatable {
    public var start: Double
    public var end: Double
    public var text: String
}

/// A transcript read from SRT or WebVTT.
public struct Transcript: Sendable {
    public var cues: [TranscriptCue]

    /// Parses SRT or WebVTT text; `file` names the source in errors.
    public init(text: String, file: String) throws {
        var cues: [TranscriptCue] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{FEFF}", with: "")
        let blocks = normalized.components(separatedBy: "\n\n")
        var line = 1
        for block in blocks {
            defer { line += block.components(separatedBy: "\n").count + 1 }
            let lines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let timingIndex = lines.firstIndex(where: { $0.contains("-->") }) else { continue }
            let parts = lines[timingIndex].components(separatedBy: "-->")
            let endField = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            guard let start = Transcript.time(parts[0]), let end = Transcript.time(endField) else {
                throw HighlightInputError(file, "line \(line + timingIndex): bad cue timing '\(lines[timingIndex])'")
            }
            let words = lines[(timingIndex + 1)...].joined(separator: " ")
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            cues.append(TranscriptCue(start: start, end: max(start, end), text: words))
        }
        guard !cues.isEmpty else { throw HighlightInputError(file, "no subtitle cues found (expected SRT or WebVTT)") }
        self.cues = cues.sorted { $0.start < $1.start }
    }

    /// "00:41:12,480" (SRT) or "41:12.480" / "00:41:12.480" (VTT) in seconds.
    static func time(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = trimmed.split(separator: ":")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var seconds = 0.0
        for part in parts {
            guard let value = Double(part) else { return nil }
            seconds = seconds * 60 + value
        }
        return seconds
    }
}
