/// Picks source frames for a constant output frame rate by their time stamps (works for variable-rate
/// sources): output frame n, at n / rate, shows the latest source frame at or before it, counting a
/// frame up to half an output frame early as "at" it (nearest-frame rounding).
struct FrameRatePicker {
    let rate: Double
    /// Output frames emitted so far.
    private(set) var emitted = 0

    init(rate: Double) { self.rate = rate }

    /// How many output frames lie before a source frame at `time` (seconds from the clip start) and are not
    /// emitted yet: the caller fills them with the previous source frame (or this one if there is none).
    mutating func frames(before time: Double) -> Int {
        var count = 0
        while (Double(emitted) + 0.5) / rate <= time + 1e-9 {
            emitted += 1
            count += 1
        }
        return count
    }
}
