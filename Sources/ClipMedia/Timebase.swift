import CFFmpeg
import Foundation

/// Conversions between FFmpeg's rational time stamps and seconds; done once, at the edge.
enum Timebase {
    /// Seconds for a time stamp in `base`, or nil when FFmpeg says there is none.
    static func seconds(_ value: Int64, _ base: AVRational) -> Double? {
        guard value != FFmpegCode.noPTS, base.den != 0 else { return nil }
        return Double(value) * Double(base.num) / Double(base.den)
    }

    /// A time stamp in `base` for a time in seconds, rounded to the nearest tick.
    static func ticks(_ seconds: Double, _ base: AVRational) -> Int64 {
        guard base.num != 0 else { return 0 }
        return Int64((seconds * Double(base.den) / Double(base.num)).rounded())
    }

    /// A rational as a Double, or nil for 0/0 and x/0.
    static func value(_ rational: AVRational) -> Double? {
        guard rational.den != 0, rational.num != 0 else { return nil }
        return Double(rational.num) / Double(rational.den)
    }

    /// "num/den" text, as ffprobe prints rationals.
    static func text(_ rational: AVRational) -> String { "\(rational.num)/\(rational.den)" }
}

/// Silences FFmpeg's own logging once per process: clipkit reports problems itself.
/// Set `CLIPKIT_FFMPEG_LOG=1` to see FFmpeg's messages on stderr when debugging.
let quietFFmpegLog: Void = {
    if getenv("CLIPKIT_FFMPEG_LOG") == nil { av_log_set_level(AV_LOG_QUIET) }
}()
