import Foundation

/// Cue phrases that mark a selling moment ("上链接", "秒杀", "last chance"), each with a weight.
/// File format: one phrase per line, optionally followed by a tab or two spaces and a weight; `#` starts a comment.
public struct KeywordList: Sendable {
    public var phrases: [(phrase: String, weight: Double)]

    public init(phrases: [(phrase: String, weight: Double)]) { self.phrases = phrases }

    public init(text: String) {
        var phrases: [(String, Double)] = []
        for raw in text.components(separatedBy: .newlines) {
            let line = raw.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let fields = line.components(separatedBy: "\t").flatMap { $0.components(separatedBy: "  ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if fields.count >= 2, let weight = Double(fields.last!) {
                phrases.append((fields.dropLast().joined(separator: " "), weight))
            } else {
                phrases.append((line, 1))
            }
        }
        self.phrases = phrases
    }

    /// Every phrase found in the transcript, at the time it is said (placed within the cue by its position in the text).
    public func hits(in transcript: Transcript) -> [KeywordHit] {
        var hits: [KeywordHit] = []
        for cue in transcript.cues {
            let text = cue.text.lowercased()
            for (phrase, weight) in phrases {
                var searchStart = text.startIndex
                while let range = text.range(of: phrase.lowercased(), range: searchStart..<text.endIndex) {
                    let fraction = Double(text.distance(from: text.startIndex, to: range.lowerBound)) / Double(max(1, text.count))
                    hits.append(KeywordHit(phrase: phrase, time: cue.start + fraction * (cue.end - cue.start), weight: weight))
                    searchStart = range.upperBound
                }
            }
        }
        return hits.sorted { $0.time < $1.time }
    }
}

/// A cue phrase said at a time.
public struct KeywordHit: Sendable, Equatable {
    public var phrase: String
    public var time: Double
    public var weight: Double

    public init(phrase: String, time: Double, weight: Double) {
        self.phrase = phrase
        self.time = time
        self.weight = weight
    }
}
