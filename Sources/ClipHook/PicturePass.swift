import ClipMedia

/// The picture measures of the opening (bars, sharpness, exposure, colourfulness) from the keyframes
/// of the window, decoded to small RGB frames whose short side is `analysisShortSide` pixels.
/// Keyframes are cheap to decode and, in encoder output, fall on shot changes: one picture per shot.
struct PicturePass {
    /// Short side of the analysis frames in pixels: sharpness values compare across source sizes only at a fixed size.
    static let analysisShortSide = 360
    /// At most this many keyframes are measured (an all-intra file would otherwise convert every frame).
    static let maxFrames = 12

    /// Decodes the keyframes presented before `window` and summarises them. Leaves the file read position
    /// wherever it stopped: seek before reading again.
    static func run(file: MediaFile, facts: FileFacts, window: Double, threads: Int,
                    sampler initial: PictureSampler) throws -> (summary: PictureSummary?, decoded: Int) {
        let shortSide = min(facts.codedWidth, facts.codedHeight)
        let width = shortSide > analysisShortSide ? analysisShortSide * facts.codedWidth / shortSide : facts.codedWidth
        let decoder = try VideoDecoder(file: file, options: VideoDecodeOptions(width: width, layout: .rgb,
                                                                               skip: .keyframesOnly, threads: threads))
        var sampler = initial
        var decoded = 0
        func take(_ frame: VideoFrame) {
            guard frame.time < window, decoded < maxFrames else { return }
            decoded += 1
            sampler.add(RGBImage(width: frame.width, height: frame.height, pixels: frame.pixels))
        }
        while decoded < maxFrames, let packet = try file.readPacket() {
            guard packet.streamIndex == decoder.streamIndex else { continue }
            if packet.isKeyframe, let time = packet.time, time >= window { break }
            try decoder.decode(packet, take)
        }
        try decoder.flush(take)
        return (sampler.summary(), decoded)
    }
}
