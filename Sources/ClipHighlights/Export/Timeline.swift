/// One picked clip on an editing timeline: a span of a source recording, its name, score and comment.
public struct TimelineClip: Sendable, Equatable, Codable {
    public var name: String
    /// Path of the source recording.
    public var source: String
    /// In and out points, seconds from the source's container start (the out point is exclusive).
    public var start: Double
    public var end: Double
    /// Highlight score, written as a marker at the in point.
    public var score: Double?
    /// Why the clip was picked, written as a note/comment.
    public var comment: String?

    public init(name: String, source: String, start: Double, end: Double, score: Double? = nil, comment: String? = nil) {
        self.name = name
        self.source = source
        self.start = start
        self.end = end
        self.score = score
        self.comment = comment
    }
}

/// A sequence of clips laid end to end, for export to editing software (EDL, FCPXML, OTIO).
public struct Timeline: Sendable, Equatable {
    public var name: String
    /// The sources' frame rate; in/out points are rounded to its frames.
    public var rate: TimelineRate
    /// Picture size of the sources (FCPXML needs it for its format).
    public var width: Int
    public var height: Int
    /// Duration in seconds of each source recording, by path (for the media's available range).
    public var sourceDurations: [String: Double]
    public var clips: [TimelineClip]

    public init(name: String, rate: TimelineRate, width: Int, height: Int, sourceDurations: [String: Double] = [:], clips: [TimelineClip]) {
        self.name = name
        self.rate = rate
        self.width = width
        self.height = height
        self.sourceDurations = sourceDurations
        self.clips = clips
    }

    /// A clip's in frame and length in frames (at least one frame).
    func frames(_ clip: TimelineClip) -> (start: Int, count: Int) {
        let start = rate.frame(clip.start)
        return (start, max(1, rate.frame(clip.end) - start))
    }

    /// The sources in the order of their first clip.
    var sources: [String] {
        var seen = Set<String>()
        return clips.map(\.source).filter { seen.insert($0).inserted }
    }

    /// The source's length in frames: its known duration, or the end of its last clip.
    func sourceFrames(_ source: String) -> Int {
        if let duration = sourceDurations[source] { return max(1, rate.frame(duration)) }
        return clips.filter { $0.source == source }.map { frames($0).start + frames($0).count }.max() ?? 1
    }
}
