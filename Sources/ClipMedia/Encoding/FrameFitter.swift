import CFFmpeg

/// Turns decoded source frames into frames of the delivery size: upright (display rotation applied),
/// square pixels, and fitted by crop, pad or blurred pad.
final class FrameFitter {
    let width: Int
    let height: Int
    private let fit: FitMode
    private let quarters: Int
    private let geometry: FitGeometry
    private let scaler: PictureScaler

    /// `rotation`: the source's display rotation (degrees counter-clockwise); `pixelAspect` its sample aspect ratio.
    init(sourceWidth: Int, sourceHeight: Int, pixelAspect: Double, rotation: Double, width: Int, height: Int, fit: FitMode, file: String) {
        self.width = width
        self.height = height
        self.fit = fit
        quarters = ((Int((rotation / 90).rounded()) % 4) + 4) % 4
        let shownWidth = Double(sourceWidth) * pixelAspect
        let shownHeight = Double(sourceHeight)
        let turned = quarters % 2 == 1
        geometry = FitGeometry.make(displayWidth: turned ? shownHeight : shownWidth, displayHeight: turned ? shownWidth : shownHeight,
                                    targetWidth: width, targetHeight: height, fit: fit)
        scaler = PictureScaler(file: file)
    }

    /// The delivery picture for a decoded frame.
    func fitted(_ frame: UnsafeMutablePointer<AVFrame>) throws -> PlanarPicture {
        let turned = quarters % 2 == 1
        if geometry.overflows {
            // Crop: scale only the visible part of the source straight to the frame size (scaling the whole
            // picture to the larger cover size and cutting it afterwards costs up to three times more).
            let visible = try croppedToVisible(frame)
            return try scaler.picture(from: visible.raw, width: turned ? height : width, height: turned ? width : height)
                .rotated(quarters: quarters)
        }
        let content = try scaler.picture(from: frame,
                                         width: turned ? geometry.contentHeight : geometry.contentWidth,
                                         height: turned ? geometry.contentWidth : geometry.contentHeight)
            .rotated(quarters: quarters)
        var canvas = fit == .blurpad && (geometry.contentWidth < width || geometry.contentHeight < height)
            ? try background(from: content)
            : PlanarPicture(width: width, height: height)
        canvas.paste(content, x: geometry.x, y: geometry.y)
        return canvas
    }

    /// A new reference to `frame` cropped (by pointer offsets, no copy) to the part that stays visible.
    private func croppedToVisible(_ frame: UnsafeMutablePointer<AVFrame>) throws -> OwnedFrame {
        let visible = geometry.visibleSource(targetWidth: width, targetHeight: height, quarters: quarters)
        let sourceWidth = Int(frame.pointee.width), sourceHeight = Int(frame.pointee.height)
        let (left, keptWidth) = FrameFitter.span(visible.left, visible.right, of: sourceWidth)
        let (top, keptHeight) = FrameFitter.span(visible.top, visible.bottom, of: sourceHeight)
        let cropped = try OwnedFrame(cloning: frame, file: scaler.file)
        cropped.raw.pointee.crop_left = left
        cropped.raw.pointee.crop_right = sourceWidth - left - keptWidth
        cropped.raw.pointee.crop_top = top
        cropped.raw.pointee.crop_bottom = sourceHeight - top - keptHeight
        try check(av_frame_apply_cropping(cropped.raw, Int32(AV_FRAME_CROP_UNALIGNED)), scaler.file, "cropping video")
        return cropped
    }

    /// An even start and even length inside `0..<size` for the fractions `from…to`.
    static func span(_ from: Double, _ to: Double, of size: Int) -> (start: Int, length: Int) {
        let start = min(max(0, FitGeometry.evenFloor(from * Double(size))), max(0, size - 2))
        let length = min(FitGeometry.even((to - from) * Double(size)), (size - start) & ~1)
        return (start, max(2, length))
    }

    /// Copies a picture into an encoder frame.
    func fill(_ frame: UnsafeMutablePointer<AVFrame>, with picture: PlanarPicture) throws {
        try scaler.fill(frame, with: picture)
    }

    /// The content scaled to cover the frame, blurred (at one eighth of the size, which is cheap) and dimmed.
    private func background(from content: PlanarPicture) throws -> PlanarPicture {
        let smallWidth = FitGeometry.even(Double(width) / 8)
        let smallHeight = FitGeometry.even(Double(height) / 8)
        let cover = FitGeometry.make(displayWidth: Double(content.width), displayHeight: Double(content.height),
                                     targetWidth: smallWidth, targetHeight: smallHeight, fit: .crop)
        var small = PlanarPicture(width: smallWidth, height: smallHeight)
        small.paste(try scaler.resized(content, width: cover.contentWidth, height: cover.contentHeight), x: cover.x, y: cover.y)
        var blurred = small.blurred(radius: max(1, smallWidth / 12))
        blurred.y = blurred.y.map { UInt8(16 + (Int($0) - 16) * 6 / 10) }
        return try scaler.resized(blurred, width: width, height: height)
    }
}
