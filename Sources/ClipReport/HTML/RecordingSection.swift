import ClipText
import Foundation

/// One recording's part of the page: its clips, best first, each with thumbnail, span, score, reasons and hook check.
struct RecordingSection {
    let input: RecordingInput
    let anchor: String

    func render() -> String {
        var html = "<section class=\"recording\" id=\"\(anchor)\">\n<h2>Recording <span class=\"id\">\(Markup.escape(input.name))</span></h2>\n"
        var facts = ["\(input.clips.count) clip\(input.clips.count == 1 ? "" : "s")", "from \(input.source)", "in \(input.folder)"]
        if let duration = input.duration { facts.insert("\(Self.clock(duration)) long", at: 0) }
        html += "<p class=\"facts\">\(Markup.escape(facts.joined(separator: " · ")))</p>\n<div class=\"clips\">\n"
        for clip in input.clips.sorted(by: { $0.index < $1.index }) { html += card(clip) }
        return html + "</div>\n</section>\n"
    }

    private func card(_ clip: ClipCard) -> String {
        let title = clip.file ?? "clip \(clip.index)"
        var html = "<article class=\"clip\">"
        if let png = clip.thumbnailPNG {
            html += "<img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\" alt=\"frame of \(Markup.escape(title))\">"
        } else {
            html += "<div class=\"no-thumb\">no thumbnail: \(Markup.escape(clip.thumbnailProblem ?? "no clip file"))</div>"
        }
        html += "<div><h4>#\(clip.index) <span class=\"id\">\(Markup.escape(title))</span></h4>"
        html += "<div>\(Self.clock(clip.start)) – \(Self.clock(clip.end)) (\(String(format: "%.1f", clip.end - clip.start)) s) · "
        html += "score <span class=\"score\">\(String(format: "%.2f", clip.score))</span>"
        if let hook = clip.hookScore { html += " · hook <span class=\"score\">\(Int(hook.rounded()))</span>/100" }
        html += "</div>"
        if !clip.reasons.isEmpty {
            html += "<ul class=\"reasons\">" + clip.reasons.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>"
        }
        if let findings = clip.hookFindings {
            html += findings.isEmpty ? "<div class=\"muted\">hook check: no findings</div>"
                : "<ul class=\"findings\">" + findings.map(item).joined() + "</ul>"
        }
        return html + "</div></article>\n"
    }

    private func item(_ finding: HookFinding) -> String {
        "<li>hook: <span class=\"id\">\(Markup.escape(finding.id))</span>" + (finding.fix.map { " — \(Markup.escape($0))" } ?? "") + "</li>"
    }

    /// `m:ss.s` or `h:mm:ss` for a time in the recording.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        if whole >= 3600 { return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) }
        return String(format: "%d:%04.1f", whole / 60, seconds - Double(whole / 60 * 60))
    }
}
