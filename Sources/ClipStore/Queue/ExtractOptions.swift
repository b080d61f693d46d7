/// The options of one `extract` run of one recording, as a queued job keeps them (see `clipkit extract --help`).
/// Plain values only: paths are absolute so that a worker in another folder or on another machine reads the same
/// files, and the time zone is spelled out so that the result does not depend on where the job runs.
public struct ExtractOptions: Codable, Sendable, Hashable {
    public var count: Int?
    public var minDuration: Double?
    public var maxDuration: Double?
    /// Live-room metrics CSV of this recording.
    public var events: String?
    public var recordingStart: String?
    public var timezone: String?
    /// Transcript (SRT or WebVTT) of this recording.
    public var transcript: String?
    /// Cue-phrase lists by name or path; empty: the default lists.
    public var keywords: [String]
    /// copy, exact or encode.
    public var mode: String
    /// Platform preset by name or path.
    public var preset: String?
    /// Ranking preset by name or path.
    public var highlights: String
    /// fast or exhaustive.
    public var analysis: String
    /// Timeline formats: edl, fcpxml, otio.
    public var exports: [String]
    public var contactSheet: Bool
    /// Whether each cut clip gets the three-second hook check.
    public var hook: Bool

    public init(count: Int? = nil, minDuration: Double? = nil, maxDuration: Double? = nil, events: String? = nil,
                recordingStart: String? = nil, timezone: String? = nil, transcript: String? = nil, keywords: [String] = [],
                mode: String = "copy", preset: String? = nil, highlights: String = "default", analysis: String = "fast",
                exports: [String] = [], contactSheet: Bool = false, hook: Bool = true) {
        self.count = count
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.events = events
        self.recordingStart = recordingStart
        self.timezone = timezone
        self.transcript = transcript
        self.keywords = keywords
        self.mode = mode
        self.preset = preset
        self.highlights = highlights
        self.analysis = analysis
        self.exports = exports
        self.contactSheet = contactSheet
        self.hook = hook
    }
}
