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
