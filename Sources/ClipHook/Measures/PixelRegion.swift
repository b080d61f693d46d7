/// A rectangle of a frame in pixels (`x..<x+width`, `y..<y+height`): the picture area measures look at,
/// usually the frame without its letterbox/pillarbox bars.
public struct PixelRegion: Sendable, Equatable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The whole of a `width × height` frame.
    public static func whole(width: Int, height: Int) -> PixelRegion {
        PixelRegion(x: 0, y: 0, width: width, height: height)
    }

    public var area: Int { width * height }
    public var isEmpty: Bool { area == 0 }
}
