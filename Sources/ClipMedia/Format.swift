import Foundation

/// "12.480 s"-style text for a time in seconds, used in messages.
public func formatSeconds(_ seconds: Double) -> String {
    String(format: "%.3f s", seconds)
}
