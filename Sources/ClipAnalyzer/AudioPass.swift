import ClipAnalysis
import ClipMedia

/// Decodes and meters the audio stream over the range from a handle of its own on the file, so that it can
/// run on a thread beside the video pass; chunks are metered in stream order, so the result does not depend
/// on how the two threads interleave.
final class AudioPass {
    private let path: String
    private let stream: Int
    private let sampleRate: Int
    private let from: Double
    private let to: Double
    /// Called with the decoding time of each packet read (progress), when the audio pass is the only pass.
    private let advance: ((Double) -> Void)?
    private(set) var analysis: AudioAnalysis
    /// Seconds of audio decoded inside the range.
    private(set) var seconds = 0.0
    private(set) var problems: [DecodeProblem] = []
    private(set) var problemCount = 0

    init(path: String, stream: Int, sampleRate: Int, channels: Int, options: AnalysisOptions, from: Double, to: Double,
         advance: ((Double) -> Void)?) {
        self.path = path
        self.stream = stream
        self.sampleRate = sampleRate
        self.from = from
        self.to = to
        self.advance = advance
        analysis = AudioAnalysis(settings: options.settings, sampleRate: sampleRate, channels: channels,
                                 keepSeries: options.keepSeries)
    }

    func run() throws {
        let file = try MediaFile(path: path)
        let decoder = try AudioDecoder(file: file, stream: stream,
                                       options: AudioDecodeOptions(sampleRate: sampleRate, channels: analysis.meter.channels))
        if from > 0 { try file.seek(to: from) }
        while let packet = try file.readPacket() {
            guard packet.streamIndex == stream else { continue }
            try decoder.decode(packet) { feed($0) }
            let time = packet.decodeTime ?? packet.time
            if let time { advance?(time) }
            // Past the range by a second of decoding time, allowing for reordering (as the video pass).
            if to.isFinite, let time, time > to + 1 { break }
        }
        try decoder.flush { feed($0) }
        problems = decoder.problems
        problemCount = decoder.problemCount
    }

    /// Meters the part of a chunk inside the range.
    private func feed(_ chunk: AudioChunk) {
        let rate = Double(chunk.sampleRate)
        let frames = chunk.frameCount
        let first = max(0, Int(((from - chunk.time) * rate).rounded(.up)))
        let last = min(frames, Int(((to - chunk.time) * rate).rounded(.up)))
        guard first < last else { return }
        let samples = first == 0 && last == frames ? chunk.samples
            : Array(chunk.samples[(first * chunk.channels)..<(last * chunk.channels)])
        analysis.process(samples, time: chunk.time + Double(first) / rate)
        seconds += Double(last - first) / rate
    }
}
