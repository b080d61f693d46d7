import Foundation

/// A video frame rate as editing software wants it: an exact frame duration (1001/30000 s for 29.97),
/// and the whole-number base its non-drop timecode counts in.
public struct TimelineRate: Sendable, Equatable {
    /// Seconds per frame as a fraction.
    public let frameNumerator: Int
    public let frameDenominator: Int

    /// The rate closest to `fps`: NTSC rates (23.976, 29.97, 59.94) become n×1000/1001 exactly.
    public init(fps: Double) {
        let whole = fps.rounded()
        let ntsc = (fps * 1.001).rounded()
        if abs(fps - whole) < 0.001 {
            frameNumerator = 1
            frameDenominator = max(1, Int(whole))
        } else if abs(fps - ntsc / 1.001) < 0.001 {
            frameNumerator = 1001
            frameDenominator = Int(ntsc) * 1000
        } else {
            let millis = Int((fps * 1000).rounded())
            let divisor = TimelineRate.gcd(1000, millis)
            frameNumerator = 1000 / divisor
            frameDenominator = millis / divisor
        }
    }

    /// Frames per second.
    public var fps: Double { Double(frameDenominator) / Double(frameNumerator) }

    /// The frames per second timecode counts (30 for 29.97).
    public var timecodeBase: Int { max(1, Int(fps.rounded())) }

    /// The frame a time falls on (nearest).
    public func frame(_ seconds: Double) -> Int { Int((seconds * fps).rounded()) }

    /// HH:MM:SS:FF non-drop timecode of a frame count.
    public func timecode(_ frame: Int) -> String {
        let base = timecodeBase
        let frames = max(0, frame)
        let seconds = frames / base
        return String(format: "%02d:%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60, frames % base)
    }

    /// FCPXML rational time of a frame count, e.g. "93/30s", "93093/30000s", "0s".
    public func rationalTime(_ frames: Int) -> String {
        guard frames != 0 else { return "0s" }
        let numerator = frames * frameNumerator
        let divisor = TimelineRate.gcd(abs(numerator), frameDenominator)
        let (n, d) = (numerator / divisor, frameDenominator / divisor)
        return d == 1 ? "\(n)s" : "\(n)/\(d)s"
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(1, a) : gcd(b, a % b) }
}
