import ClipHook
import Foundation

/// How `clipkit hook` prints its reports: a terminal table, CSV for spreadsheets.
enum HookOutput {
    /// The table, lowest score first, with the top findings of each file; with a calibrated preset, the
    /// predicted hook rate beside the score.
    static func table(_ reports: [HookReport], topFindings: Int = 3) -> String {
        let calibrated = reports.contains { $0.predictedHookRate != nil }
        var table = calibrated
            ? Table(["score", "hook rate", "file", "findings"], alignments: [.right, .right, .left, .left])
            : Table(["score", "file", "findings"], alignments: [.right, .left, .left])
        for report in reports.sorted(by: { ($0.score, $0.file) < ($1.score, $1.file) }) {
            let findings = report.findings.prefix(topFindings).map { finding -> String in
                let mark = finding.severity == .fail ? Terminal.style("✗", "31") : finding.severity == .warn ? Terminal.style("!", "33") : "·"
                return "\(mark) \(finding.id): \(finding.message)"
            }
            let more = report.findings.count > topFindings ? " (+\(report.findings.count - topFindings) more)" : ""
            let score = String(format: "%.0f", report.score)
            let rate = calibrated ? [report.predictedHookRate.map { String(format: "%.1f %%", $0 * 100) } ?? ""] : []
            table.add([score] + rate + [report.file, findings.isEmpty ? "ok" : findings.joined(separator: "; ") + more])
        }
        return table.render()
    }

    /// The fix hints of the fails and warnings, one per line under each file (for the terminal).
    static func fixes(_ reports: [HookReport]) -> String {
        var lines: [String] = []
        for report in reports.sorted(by: { ($0.score, $0.file) < ($1.score, $1.file) }) {
            let actionable = report.findings.filter { $0.severity != .info }
            guard !actionable.isEmpty else { continue }
            lines.append(report.file)
            lines += actionable.map { "  \($0.id): \($0.fix)" }
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
    }

    static let csvColumns = ["file", "preset", "score", "fails", "warns", "findings", "duration", "width", "height",
                             "aspect", "frame_rate", "has_audio", "window", "black_open", "frozen", "first_cut",
                             "cuts_in_window", "motion", "first_sound", "opening_lufs", "sample_peak", "true_peak",
                             "bars", "sharpness", "mean_luma", "colorfulness"]

    /// One CSV row per report (RFC 4180 quoting), header first; findings as `id:severity` joined by `;`.
    /// With a calibrated preset a last column `predicted_hook_rate` (0–1) is added.
    static func csv(_ reports: [HookReport]) -> String {
        let calibrated = reports.contains { $0.predictedHookRate != nil }
        var lines = [(csvColumns + (calibrated ? ["predicted_hook_rate"] : [])).joined(separator: ",")]
        for r in reports {
            let m = r.metrics, o = m.opening
            let fields: [String] = [
                r.file, r.preset, number(r.score),
                "\(r.findings.filter { $0.severity == .fail }.count)", "\(r.findings.filter { $0.severity == .warn }.count)",
                r.findings.map { "\($0.id):\($0.severity.rawValue)" }.joined(separator: ";"),
                number(m.duration), "\(m.width)", "\(m.height)", number(m.aspect), number(m.frameRate),
                m.hasAudio ? "true" : "false", number(m.window), number(o.blackOpen), number(o.frozen), number(o.firstCut),
                "\(o.cuts.count)", number(o.motion), number(o.firstSound), number(o.openingLoudness), number(o.samplePeak),
                number(o.truePeak), number(m.picture?.bars.coveredFraction), number(m.picture?.sharpness),
                number(m.picture?.meanLuma), number(m.picture?.colorfulness),
            ] + (calibrated ? [rate(r.predictedHookRate)] : [])
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.3f", value)
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed == "-0" ? "0" : trimmed
    }

    /// A rate 0–1 with five decimals (number()'s three would hide a tenth of a percentage point).
    static func rate(_ value: Double?) -> String {
        value.map { String(format: "%.5f", $0) } ?? ""
    }

    static func quote(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
