import CFFmpeg

/// A compressed packet clipkit holds on to (buffered, or made by an encoder). Frees it when released.
final class OwnedPacket {
    let raw: UnsafeMutablePointer<AVPacket>

    /// An empty packet.
    init(file: String) throws {
        guard let raw = av_packet_alloc() else {
            throw MediaError(file: file, operation: "allocating a packet", message: "out of memory")
        }
        self.raw = raw
    }

    /// A new reference to the data of a demuxed packet.
    init(copying packet: Packet, file: String) throws {
        guard let raw = av_packet_clone(packet.raw) else {
            throw MediaError(file: file, operation: "buffering a packet", message: "out of memory")
        }
        self.raw = raw
    }

    deinit {
        var owned: UnsafeMutablePointer<AVPacket>? = raw
        av_packet_free(&owned)
    }

    /// The payload bytes.
    var bytes: [UInt8] {
        guard let data = raw.pointee.data, raw.pointee.size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(raw.pointee.size)))
    }

    /// Replaces the payload, keeping time stamps and flags.
    func replacePayload(_ bytes: [UInt8], file: String) throws {
        let copy = av_packet_alloc()!
        defer { var c: UnsafeMutablePointer<AVPacket>? = copy; av_packet_free(&c) }
        try check(av_new_packet(copy, Int32(bytes.count)), file, "rewriting a packet")
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { copy.pointee.data.update(from: base, count: bytes.count) }
        }
        try check(av_packet_copy_props(copy, raw), file, "rewriting a packet")
        av_packet_unref(raw)
        av_packet_move_ref(raw, copy)
    }
}
