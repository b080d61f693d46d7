import ClipAnalysis
import ClipMedia
import Foundation

/// Everything `extract` needs to know about one run: what to find, how to cut it, where to write it.
public struct ExtractionRequest: Sendable {
    /// How clips are cut; `encode` carries the platform's delivery spec and its loudness target.
    public enum Mode: Sendable {
        case copy
        case exact
        case encode(settings: EncodeSettings, loudnessTarget: Double, preset: String)

        public var name: String {
            switch self {
            case .copy: "copy"
            case .exact: "exact"
            case .encode: "encode"
            }
        }
    }

    public var outputDirectory: String
    public var config: HighlightConfig
    /// Name or path of the highlights preset, recorded in the manifest.
    public var configName: String
    public var mode: Mode
    public var analysisMode: AnalysisMode
    public var eventsPath: String?
    /// Wall-clock start of the recording in the export's clock; nil: from the recording's creation_time.
    public var recordingStart: Date?
    /// The export's time zone, used to read the recording's creation_time (UTC) on the export's clock.
    public var timeZone: TimeZone
    public var transcriptPath: String?
    public var keywords: KeywordList
    public var keywordFiles: [String]
    public var exports: [TimelineFormat]
    public var contactSheet: Bool
    public var dryRun: Bool
    public var force: Bool

    public init(outputDirectory: String, config: HighlightConfig, configName: String, mode: Mode,
                analysisMode: AnalysisMode = .fast, eventsPath: String? = nil, recordingStart: Date? = nil,
                timeZone: TimeZone = .current, transcriptPath: String? = nil, keywords: KeywordList = KeywordList(phrases: []),
                keywordFiles: [String] = [], exports: [TimelineFormat] = [], contactSheet: Bool = false,
                dryRun: Bool = false, force: Bool = false) {
        self.outputDirectory = outputDirectory
        self.config = config
        self.configName = configName
        self.mode = mode
        self.analysisMode = analysisMode
        self.eventsPath = eventsPath
        self.recordingStart = recordingStart
        self.timeZone = timeZone
        self.transcriptPath = transcriptPath
        self.keywords = keywords
        self.keywordFiles = keywordFiles
        self.exports = exports
        self.contactSheet = contactSheet
        self.dryRun = dryRun
        self.force = force
    }
}

/// NLE timeline formats `extract --export` writes.
public enum TimelineFormat: String, Sendable, Codable, CaseIterable {
    case edl, fcpxml, otio
}
