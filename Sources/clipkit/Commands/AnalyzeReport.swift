import ClipAnalysis
import Foundation

/// The human text of `clipkit analyze` for one file: summary, then one table per kind of event.
enum AnalyzeReport {
    static func text(_ report: AnalysisReport) -> String {
        var out = Terminal.style(report.file, "1") + "  (\(report.mode.rawValue), \(clock(report.from))–\(clock(report.to)))\n"
        let s = report.summary, l = s.loudness
        out += "  loudness  integrated \(lufs(l.integrated))  range \(number(l.range, "LU"))  max momentary \(lufs(l.maxMomentary))"
            + "  max short-term \(lufs(l.maxShortTerm))  sample peak \(number(l.samplePeak, "dBFS"))  true peak \(number(l.truePeak, "dBTP"))\n"
        out += "  events    \(s.cutCount) cuts, \(s.fadeCount) fades, black \(seconds(s.blackSeconds)), frozen \(seconds(s.freezeSeconds)),"
            + " silent \(seconds(s.silenceSeconds)), speech \(s.speechShare.map { String(format: "%.0f%%", $0 * 100) } ?? "-")"
            + ", first sound \(s.firstSoundTime.map(clock) ?? "-")\n"
        let d = report.decode
        out += "  decoded   \(d.framesDecoded) frames of \(d.videoPackets) video packets (\(d.keyframes) keyframes"
            + (report.mode == .fast ? ", \(d.gopsDecoded) GOPs in full" : "") + "), \(seconds(d.audioSeconds)) of audio"
            + (d.problemCount > 0 ? ", \(d.problemCount) problems skipped" : "") + "\n"
        if !report.cuts.isEmpty {
            var table = Table(["cut at", "frame", "score", "ratio"], alignments: [.right, .right, .right, .right])
            for cut in report.cuts { table.add([clock(cut.time), "\(cut.frame)", String(format: "%.1f", cut.score), String(format: "%.1f", cut.ratio)]) }
            out += "\n" + table.render(indent: "  ")
        }
        if !report.fades.isEmpty {
            var table = Table(["fade", "from", "to", "frames"], alignments: [.left, .right, .right, .right])
            for fade in report.fades {
                table.add([fade.kind == .toBlack ? "to black" : "from black", clock(fade.start), clock(fade.end), "\(fade.startFrame)–\(fade.endFrame)"])
            }
            out += "\n" + table.render(indent: "  ")
        }
        let intervals = [("black", report.black), ("frozen", report.freeze), ("silent", report.silence)]
        if intervals.contains(where: { !$0.1.isEmpty }) {
            var table = Table(["interval", "from", "to", "seconds", "frames"], alignments: [.left, .right, .right, .right, .right])
            for (kind, list) in intervals {
                for interval in list {
                    let frames = interval.startFrame.map { "\($0)–\(interval.endFrame ?? $0)" } ?? "-"
                    table.add([kind, clock(interval.start), clock(interval.end), String(format: "%.2f", interval.duration), frames])
                }
            }
            out += "\n" + table.render(indent: "  ")
        }
        return out + "\n"
    }

    static func lufs(_ value: Double?) -> String { number(value, "LUFS") }

    static func number(_ value: Double?, _ unit: String) -> String {
        value.map { String(format: "%.1f %@", $0, unit) } ?? "-"
    }

    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

    /// H:MM:SS.mmm, rounded to the millisecond.
    static func clock(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        return String(format: "%d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
    }
}
