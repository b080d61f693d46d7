import ClipAnalysis
import ClipMedia

/// Runs the analysis pass over a media file: opens it, decodes what the mode needs over the requested
/// range, streaming with bounded memory, and returns an `AnalysisReport`.
public enum MediaAnalyzer {
    /// Analyses the file at `path`. Throws `MediaError` when the file cannot be opened or nothing in it
    /// can be decoded; corrupt packets mid-file are skipped and counted in `report.decode`.
    public static func analyze(path: String, options: AnalysisOptions = AnalysisOptions(),
                               progress: AnalysisProgress? = nil) throws -> AnalysisReport {
        let file = try MediaFile(path: path)
        let info = try file.probe(scanSeconds: 0)
        let videoIndex = file.videoStreamIndex
        let audioIndex = file.audioStreamIndex
        guard videoIndex != nil || audioIndex != nil else {
            throw MediaError(file: path, operation: "analysing", message: "the file has no audio or video stream")
        }
        let duration = file.duration ?? info.streams.compactMap(\.duration).max() ?? 0
        let from = max(0, options.from ?? 0)
        let to = min(options.to ?? .infinity, duration > 0 ? duration : .infinity)
        guard to > from else {
            throw MediaError(file: path, operation: "analysing",
                             message: "the range \(seconds(from))–\(seconds(to)) is empty (the file lasts \(seconds(duration)))")
        }
        let frameRate = videoIndex.flatMap { index in info.streams.first { $0.index == index }?.video }.flatMap(nominalFrameRate)
        let audioChannels = audioIndex.flatMap { index in info.streams.first { $0.index == index }?.audio?.channels }
        let session = AnalysisSession(path: path, options: options, from: from, to: to, frameRate: frameRate,
                                      progress: progress)
        let audio = audioIndex.flatMap { index in
            audioChannels.map { channels in
                AudioPass(path: path, stream: index, sampleRate: 48_000, channels: max(1, min(2, channels)),
                          options: options, from: from, to: to, advance: videoIndex == nil ? session.advance : nil)
            }
        }
        if let videoIndex {
            // Audio on a thread of its own beside the video pass (each with its own handle on the file).
            let audioJob = audio.map { pass in BackgroundJob { try pass.run() } }
            let video: AnalysisPass = options.mode == .exhaustive ? ExhaustivePass() : FastPass()
            do {
                try video.run(file: file, session: session, videoIndex: videoIndex)
            } catch {
                try? audioJob?.wait()
                throw error
            }
            try audioJob?.wait()
        } else {
            try audio?.run()
        }
        if let audio { session.add(audio) }
        if videoIndex != nil, session.statistics.videoPackets > 0, session.statistics.framesDecoded == 0,
           session.statistics.audioSeconds == 0 {
            throw MediaError(file: path, operation: "decoding", message: "no frame of the file could be decoded")
        }
        progress?(to.isFinite ? to - from : 0, to.isFinite ? to - from : 0)
        return session.report(mode: options.mode)
    }

    /// The rate frame numbers are counted in: the stream's base rate (r_frame_rate, the nominal rate of a VFR
    /// file with dropped frames), unless it is implausible next to the average rate.
    static func nominalFrameRate(_ video: VideoStreamInfo) -> Double? {
        guard let real = video.realFrameRate, real > 0, real <= 240 else { return video.averageFrameRate }
        if let average = video.averageFrameRate, average > 0, real > 2.5 * average { return average }
        return real
    }

    static func seconds(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f s", value) : "end"
    }
}

/// One way of reading a file's video stream into a session.
protocol AnalysisPass {
    func run(file: MediaFile, session: AnalysisSession, videoIndex: Int) throws
}
