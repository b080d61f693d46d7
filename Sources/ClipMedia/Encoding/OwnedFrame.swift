import CFFmpeg

/// A decoded or to-be-encoded frame clipkit holds on to. Frees it when released.
final class OwnedFrame {
    let raw: UnsafeMutablePointer<AVFrame>

    /// An empty frame.
    init(file: String) throws {
        guard let raw = av_frame_alloc() else { throw MediaError(file: file, operation: "allocating a frame", message: "out of memory") }
        self.raw = raw
    }

    /// A new reference to the picture of `frame`.
    init(cloning frame: UnsafeMutablePointer<AVFrame>, file: String) throws {
        guard let raw = av_frame_clone(frame) else { throw MediaError(file: file, operation: "holding a frame", message: "out of memory") }
        self.raw = raw
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFrame>? = raw
        av_frame_free(&owned)
    }
}
