/// One visual detector, fed every analysed frame in presentation order by `VisualAnalysis` (the shape of
/// PySceneDetect's detectors: a new detector is one file plus one line in `VisualAnalysis.detectors`).
public protocol FrameDetector: AnyObject {
    /// Looks at the next frame.
    func process(_ frame: MeasuredFrame)
    /// Closes whatever is still open after the last frame.
    func finish(at end: StreamEnd)
}

/// Pixel arithmetic shared by the detectors.
enum Pixels {
    private static let limitedToFull: [UInt8] = (0...255).map { UInt8(max(0, min(255, ((Double($0) - 16) * 255 / 219).rounded()))) }

    /// The frame's luma on the full 0–255 scale (video-range luma is stretched from 16–235).
    static func fullRange(_ frame: LumaFrame) -> [UInt8] {
        guard !frame.isFullRange else { return frame.pixels }
        return frame.pixels.map { limitedToFull[Int($0)] }
    }

    /// Mean absolute difference of two equally sized pictures, in levels (0–255).
    static func meanAbsoluteDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 255 }
        var total = 0
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                for i in 0..<x.count { total &+= abs(Int(x[i]) - Int(y[i])) }
            }
        }
        return Double(total) / Double(a.count)
    }
}
