import CFFmpeg

/// A failure in the media layer: FFmpeg's own message, the file, and what was being done.
public struct MediaError: Error, CustomStringConvertible, Sendable {
    /// The file being worked on.
    public let file: String
    /// What clipkit was doing, e.g. "opening" or "decoding video at 12.480 s".
    public let operation: String
    /// FFmpeg's text for the error code (`av_strerror`), or clipkit's own explanation.
    public let message: String
    /// FFmpeg's negative error code, when the failure came from FFmpeg.
    public let code: Int32?

    public init(file: String, operation: String, message: String, code: Int32? = nil) {
        self.file = file
        self.operation = operation
        self.message = message
        self.code = code
    }

    /// An error from an FFmpeg return code.
    init(file: String, operation: String, code: Int32) {
        self.init(file: file, operation: operation, message: MediaError.text(for: code), code: code)
    }

    public var description: String { "\(file): \(operation): \(message)" }

    /// FFmpeg's description of an error code.
    static func text(for code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        clip_strerror(code, &buffer, buffer.count)
        return String(cString: buffer)
    }
}

/// Throws a `MediaError` when an FFmpeg call returned a negative code; passes the value through otherwise.
@discardableResult
func check(_ code: Int32, _ file: String, _ operation: @autoclosure () -> String) throws -> Int32 {
    if code < 0 { throw MediaError(file: file, operation: operation(), code: code) }
    return code
}

/// FFmpeg error codes clipkit reacts to.
enum FFmpegCode {
    static let endOfFile = clip_averror_eof()
    static let tryAgain = clip_averror_eagain()
    static let invalidData = clip_averror_invaliddata()
    static let noPTS = clip_nopts_value()
}
