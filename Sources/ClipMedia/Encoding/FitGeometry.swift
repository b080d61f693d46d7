/// Where a picture of one shape goes in a frame of another: the scaled picture's size and its top-left
/// corner in the frame (negative when `crop` cuts it off). All sizes and offsets are even (4:2:0 chroma).
struct FitGeometry: Equatable {
    var contentWidth: Int
    var contentHeight: Int
    var x: Int
    var y: Int

    /// `displayWidth/Height`: the source as shown (after rotation and pixel aspect), in square pixels.
    static func make(displayWidth: Double, displayHeight: Double, targetWidth: Int, targetHeight: Int, fit: FitMode) -> FitGeometry {
        let scaleX = Double(targetWidth) / displayWidth
        let scaleY = Double(targetHeight) / displayHeight
        let scale = fit == .crop ? max(scaleX, scaleY) : min(scaleX, scaleY)
        var width = even(displayWidth * scale)
        var height = even(displayHeight * scale)
        // Rounding must not leave a one-pixel bar in crop mode or overflow in pad mode.
        if fit == .crop {
            width = max(width, targetWidth)
            height = max(height, targetHeight)
        } else {
            width = min(width, targetWidth)
            height = min(height, targetHeight)
        }
        return FitGeometry(contentWidth: width, contentHeight: height,
                           x: evenFloor(Double(targetWidth - width) / 2), y: evenFloor(Double(targetHeight - height) / 2))
    }

    /// The nearest even number, at least 2.
    static func even(_ value: Double) -> Int { max(2, Int((value / 2).rounded()) * 2) }

    /// The even number at or below.
    static func evenFloor(_ value: Double) -> Int { Int((value / 2).rounded(.down)) * 2 }
}
