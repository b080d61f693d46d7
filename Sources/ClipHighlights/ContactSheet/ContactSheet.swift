import ClipMedia
import Foundation

/// One tile of a contact sheet: a thumbnail and the caption facts under it.
public struct ContactSheetCell: Sendable {
    public var image: RGBImage
    /// Seconds into the recording (shown as H:MM:SS.s or M:SS.s).
    public var time: Double
    /// The clip's highlight score, shown with two decimals.
    public var score: Double?
    /// Rank or number, shown as "#n".
    public var number: Int?

    public init(image: RGBImage, time: Double, score: Double? = nil, number: Int? = nil) {
        self.image = image
        self.time = time
        self.score = score
        self.number = number
    }

    /// "#3 1:02:03.4 S 8.25".
    public var caption: String {
        var parts: [String] = []
        if let number { parts.append("#\(number)") }
        parts.append(ContactSheet.clock(time))
        if let score { parts.append(String(format: "S %.2f", score)) }
        return parts.joined(separator: " ")
    }
}

/// A grid of clip thumbnails with their time and score printed under each (built-in bitmap font), as one picture.
public enum ContactSheet {
    /// Layout of the sheet.
    public struct Style: Sendable {
        public var columns: Int
        /// Width of each thumbnail; pictures of another size are scaled (nearest pixel) to it.
        public var cellWidth: Int
        public var margin: Int
        public var textScale: Int
        public var background: (UInt8, UInt8, UInt8)
        public var text: (UInt8, UInt8, UInt8)

        public init(columns: Int = 4, cellWidth: Int = 320, margin: Int = 12, textScale: Int = 2,
                    background: (UInt8, UInt8, UInt8) = (24, 24, 28), text: (UInt8, UInt8, UInt8) = (240, 240, 240)) {
            self.columns = max(1, columns)
            self.cellWidth = max(16, cellWidth)
            self.margin = max(0, margin)
            self.textScale = max(1, textScale)
            self.background = background
            self.text = text
        }
    }

    /// The sheet for `cells` (at least one), in order, row by row.
    public static func render(_ cells: [ContactSheetCell], style: Style = Style()) -> RGBImage {
        let first = cells.first?.image
        let cellHeight = first.map { max(1, Int((Double(style.cellWidth) * Double($0.height) / Double(max(1, $0.width))).rounded())) } ?? style.cellWidth * 9 / 16
        let captionHeight = BitmapFont.glyphHeight * style.textScale + style.margin / 2
        let columns = min(style.columns, max(1, cells.count))
        let rows = max(1, (cells.count + columns - 1) / columns)
        let width = columns * style.cellWidth + (columns + 1) * style.margin
        let height = rows * (cellHeight + captionHeight) + (rows + 1) * style.margin
        var sheet = RGBImage(width: width, height: height, fill: style.background)
        for (index, cell) in cells.enumerated() {
            let x = style.margin + (index % columns) * (style.cellWidth + style.margin)
            let y = style.margin + (index / columns) * (cellHeight + captionHeight + style.margin)
            blit(scaled(cell.image, width: style.cellWidth, height: cellHeight), into: &sheet, x: x, y: y)
            BitmapFont.draw(cell.caption, into: &sheet, x: x, y: y + cellHeight + style.margin / 4, scale: style.textScale, color: style.text)
        }
        return sheet
    }

    /// Renders and writes the sheet as a PNG (temporary name, then renamed).
    public static func write(_ cells: [ContactSheetCell], style: Style = Style(), to path: String) throws {
        try PNGWriter.write(render(cells, style: style), to: path)
    }

    /// Thumbnails of each clip's middle frame from its source, captioned with the in point and score.
    public static func cells(for clips: [TimelineClip], width: Int) throws -> [ContactSheetCell] {
        var thumbnailers: [String: Thumbnailer] = [:]
        return try clips.enumerated().map { index, clip in
            let thumbnailer = try thumbnailers[clip.source] ?? Thumbnailer(path: clip.source)
            thumbnailers[clip.source] = thumbnailer
            let image = try thumbnailer.frame(at: (clip.start + clip.end) / 2, width: width)
            return ContactSheetCell(image: image, time: clip.start, score: clip.score, number: index + 1)
        }
    }

    /// "1:02:03.4" above an hour, "2:03.4" below.
    public static func clock(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded())
        let (h, m, s, t) = (tenths / 36000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10)
        return h > 0 ? String(format: "%d:%02d:%02d.%d", h, m, s, t) : String(format: "%d:%02d.%d", m, s, t)
    }

    private static func scaled(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
        if image.width == width && image.height == height { return image }
        var out = RGBImage(width: width, height: height)
        for y in 0..<height {
            let sy = min(image.height - 1, y * image.height / height)
            for x in 0..<width {
                let sx = min(image.width - 1, x * image.width / width)
                let from = (sy * image.width + sx) * 3
                let to = (y * width + x) * 3
                out.pixels[to] = image.pixels[from]
                out.pixels[to + 1] = image.pixels[from + 1]
                out.pixels[to + 2] = image.pixels[from + 2]
            }
        }
        return out
    }

    private static func blit(_ image: RGBImage, into sheet: inout RGBImage, x: Int, y: Int) {
        for row in 0..<image.height where y + row < sheet.height {
            let from = row * image.width * 3
            let to = ((y + row) * sheet.width + x) * 3
            let count = min(image.width, sheet.width - x) * 3
            sheet.pixels.replaceSubrange(to..<to + count, with: image.pixels[from..<from + count])
        }
    }
}
