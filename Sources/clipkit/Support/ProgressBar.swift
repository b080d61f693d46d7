import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and redrawn at most ten times a second.
final class ProgressBar {
    private let label: String
    private let total: Double
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast

    /// `total` is in whatever unit `update` is given (seconds of media, files, rows).
    init(label: String, total: Double, enabled: Bool = Terminal.stderrIsTerminal) {
        self.label = label
        self.total = max(total, 1e-9)
        self.enabled = enabled
    }

    func update(_ done: Double) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = min(1, max(0, done / total))
        let width = 28
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(started)
        let eta = fraction > 0.01 ? elapsed / fraction - elapsed : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %@ %3.0f%%  eta %@", label, bar, fraction * 100, ProgressBar.clock(eta))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
