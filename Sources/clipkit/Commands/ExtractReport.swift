import ClipHighlights
import Foundation

/// The human text of `clipkit extract` for one recording.
enum ExtractReport {
    static func text(_ outcome: ExtractionOutcome, directory: String, dryRun: Bool) -> String {
        let entry = outcome.entry
        var out = Terminal.style(entry.source, "1")
        if outcome.skipped { return out + "  already extracted with these parameters (use --force to redo)\n\n" }
        out += dryRun ? "  plan (dry run, nothing cut)\n" : "  \(entry.clips.count) clips in \(directory)\n"
        var table = Table(["#", "in", "out", "dur", "score", "hook", "file", "why"],
                          alignments: [.right, .right, .right, .right, .right, .right, .left, .left])
        for clip in entry.clips {
            table.add(["\(clip.index)", clock(clip.start), clock(clip.end), String(format: "%.1f", clip.duration),
                       String(format: "%.2f", clip.score), clip.hookScore.map { String(format: "%.0f", $0) } ?? "-",
                       clip.file ?? "-", clip.reasons.prefix(2).joined(separator: "; ")])
        }
        out += table.render(indent: "  ")
        for name in entry.exports + [entry.contactSheet].compactMap({ $0 }) { out += "  wrote \(name)\n" }
        return out + "\n"
    }

    /// H:MM:SS.s
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds)
        return String(format: "%d:%02d:%02d.%01d", whole / 3600, whole / 60 % 60, whole % 60, Int((seconds - Double(whole)) * 10))
    }
}
