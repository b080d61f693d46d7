/// One recording of an extract output folder (its manifest entry) with a thumbnail per clip.
public struct RecordingInput: Sendable {
    /// The recording's path as the manifest has it.
    public var source: String
    /// The extract output folder it was read from.
    public var folder: String
    public var duration: Double?
    public var clips: [ClipCard]

    /// The recording's file name.
    public var name: String { source.split(separator: "/").last.map(String.init) ?? source }

    public init(source: String, folder: String, duration: Double?, clips: [ClipCard]) {
        self.source = source
        self.folder = folder
        self.duration = duration
        self.clips = clips
    }
}

/// One extracted clip as the report shows it.
public struct ClipCard: Sendable {
    public var index: Int
    public var file: String?
    public var start: Double
    public var end: Double
    public var score: Double
    public var reasons: [String]
    public var hookScore: Double?
    /// The hook check's findings, when it ran (empty: nothing found).
    public var hookFindings: [HookFinding]?
    /// A small PNG of a frame of the clip, embedded as a data: URI.
    public var thumbnailPNG: [UInt8]?
    /// Why there is no thumbnail (no file in a dry run, file missing, not decodable).
    public var thumbnailProblem: String?

    public init(index: Int, file: String?, start: Double, end: Double, score: Double, reasons: [String], hookScore: Double?,
                hookFindings: [HookFinding]?, thumbnailPNG: [UInt8]?, thumbnailProblem: String?) {
        self.index = index
        self.file = file
        self.start = start
        self.end = end
        self.score = score
        self.reasons = reasons
        self.hookScore = hookScore
        self.hookFindings = hookFindings
        self.thumbnailPNG = thumbnailPNG
        self.thumbnailProblem = thumbnailProblem
    }
}

/// A hook finding of a clip: its id as the manifest records it and the preset's hint on how to fix it.
public struct HookFinding: Sendable {
    public var id: String
    public var fix: String?
    public init(id: String, fix: String?) {
        self.id = id
        self.fix = fix
    }
}
