import ClipHook
import ClipPresets
import Foundation

/// What `hook calibrate` prints: the data, each feature's effect with its uncertainty, and the cross-validated
/// rank correlations.
struct CalibrationSummary: Encodable {
    var qualified: Int
    var excluded: CalibrationData.Excluded
    var out: String
    var calibration: HookCalibration

    /// The terminal rendering: effects in percentage points of hook rate per standard deviation of each metric,
    /// with the standard error and a 95 % interval (±1.96 SE).
    static func render(_ s: CalibrationSummary) -> String {
        let c = s.calibration
        var lines = ["calibrated on \(c.creatives) creatives, \(c.impressions) impressions; mean hook rate \(Format.percent(c.intercept))", ""]
        var table = Table(["metric", "mean", "SD", "effect / SD", "± SE", "95 % interval", "per unit", "sign"],
                          alignments: [.left, .right, .right, .right, .right, .left, .right, .left])
        for f in c.features {
            let unit = HookFeature(rawValue: f.name)?.unit ?? ""
            guard f.scale > 0 else {
                table.add([f.name, "\(Format.number(f.mean, 2)) \(unit)", "0", "—", "—", "constant in the data", "—", ""])
                continue
            }
            let low = f.weight - 1.96 * f.standardError, high = f.weight + 1.96 * f.standardError
            let sign = low > 0 ? "raises" : high < 0 ? "lowers" : "unclear"
            table.add([f.name, "\(Format.number(f.mean, 2)) \(unit)", Format.number(f.scale, 2), points(f.weight), String(format: "%.2f pp", f.standardError * 100),
                       "\(points(low)) … \(points(high))", "\(points(f.weightPerUnit))/\(unit)", sign])
        }
        lines.append(table.render().trimmingCharacters(in: .newlines))
        lines.append("")
        lines.append("effects in percentage points (pp) of hook rate; \(c.folds)-fold cross-validated Spearman ρ vs actual hook rate:")
        lines.append("  calibrated prediction \(Format.number(c.cvSpearman, 3))   uncalibrated score \(Format.number(c.scoreSpearman, 3))")
        lines.append("wrote \(s.out)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func points(_ rate: Double) -> String {
        String(format: "%+.2f pp", rate * 100)
    }
}
