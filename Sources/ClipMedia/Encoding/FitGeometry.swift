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

    /// Whether the scaled picture overflows the frame (crop mode): only part of the source is seen.
    var overflows: Bool { x < 0 || y < 0 }

    /// The part of the source that stays visible in a `targetWidth`×`targetHeight` frame, as fractions
    /// (0…1) of the stored (unrotated) picture: `(left, right, top, bottom)`. `quarters` is the display
    /// rotation in quarter turns counter-clockwise, as `PlanarPicture.rotated(quarters:)` applies it.
    func visibleSource(targetWidth: Int, targetHeight: Int, quarters: Int) -> (left: Double, right: Double, top: Double, bottom: Double) {
        let u0 = Double(-x) / Double(contentWidth), u1 = Double(-x + targetWidth) / Double(contentWidth)
        let v0 = Double(-y) / Double(contentHeight), v1 = Double(-y + targetHeight) / Double(contentHeight)
        switch ((quarters % 4) + 4) % 4 {
        case 1: return (1 - v1, 1 - v0, u0, u1)
        case 2: return (1 - u1, 1 - u0, 1 - v1, 1 - v0)
        case 3: return (v0, v1, 1 - u1, 1 - u0)
        default: return (u0, u1, v0, v1)
        }
    }

    /// The nearest even number, at least 2.
    static func even(_ value: Double) -> Int { max(2, Int((value / 2).rounded()) * 2) }

    /// The even number at or below.
    static func evenFloor(_ value: Double) -> Int { Int((value / 2).rounded(.down)) * 2 }
}
