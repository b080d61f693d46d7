import ClipMedia
import Foundation

/// CMX 3600 edit decision lists: one video event per clip, laid end to end from 01:00:00:00, with the
/// source file, clip name, score locator and comment as the usual "*" comment lines (non-drop timecode).
public enum EDLWriter {
    /// Record timecode of the first event (one hour, the broadcast convention editors expect).
    public static let recordStartFrames = 3600

    public static func render(_ timeline: Timeline) -> String {
        let rate = timeline.rate
        var lines = ["TITLE: \(ascii(timeline.name, limit: 70))", "FCM: NON-DROP FRAME", ""]
        var record = recordStartFrames * rate.timecodeBase
        for (index, clip) in timeline.clips.enumerated() {
            let (start, count) = timeline.frames(clip)
            let event = String(format: "%03d", index + 1)
            lines.append("\(event)  AX       V     C        \(rate.timecode(start)) \(rate.timecode(start + count)) \(rate.timecode(record)) \(rate.timecode(record + count))")
            lines.append("* FROM CLIP NAME: \(ascii(clip.name, limit: 120))")
            lines.append("* FROM FILE: \(clip.source)")
            if let score = clip.score {
                lines.append("* LOC: \(rate.timecode(start)) GREEN   SCORE \(String(format: "%.2f", score))")
            }
            if let comment = clip.comment { lines.append("* COMMENT: \(ascii(comment, limit: 200))") }
            lines.append("")
            record += count
        }
        return lines.joined(separator: "\n")
    }

    /// Writes the EDL to `path` (temporary name, then renamed).
    public static func write(_ timeline: Timeline, to path: String) throws {
        try AtomicFile.write(Data(render(timeline).utf8), to: path)
    }

    /// EDL readers expect plain ASCII on one line: other characters become "?", line breaks spaces.
    static func ascii(_ text: String, limit: Int) -> String {
        let flat = text.unicodeScalars.map { scalar -> Character in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
            return scalar.isASCII && scalar.value >= 32 ? Character(scalar) : "?"
        }
        return String(String(flat).prefix(limit))
    }
}
