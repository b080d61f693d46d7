import ClipMedia
import Foundation

/// `DIR/manifest.json`: every recording extracted into a folder, its parameters and its clips.
/// Written to a temporary name and renamed, so a killed run leaves the previous manifest whole.
public struct ExtractionManifest: Codable, Sendable {
    public var version = 1
    public var generator = "clipkit"
    public var recordings: [RecordingEntry] = []

    public init() {}

    /// Reads `DIR/manifest.json`; an absent file is an empty manifest, a damaged one an error naming it.
    public static func load(directory: String) throws -> ExtractionManifest {
        let path = (directory as NSString).appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: path) else { return ExtractionManifest() }
        do {
            return try JSONDecoder().decode(ExtractionManifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw HighlightInputError(path, "is not a clipkit manifest (\(error.localizedDescription)); move it away or use another --out folder")
        }
    }

    /// Writes `DIR/manifest.json` atomically.
    public func save(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("manifest.json")
        try AtomicFile.write(ExtractionManifest.encoder.encode(self), to: path)
    }

    /// Applies `change` to the folder's manifest and saves it, holding an exclusive lock (`flock`) on the folder
    /// itself meanwhile: runs and workers writing into one folder at once never lose each other's entries, and no
    /// lock file is left behind. A temporary manifest a killed writer left is removed (only the lock holder writes one).
    public static func update(directory: String, _ change: (inout ExtractionManifest) -> Void) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HighlightInputError(directory, "cannot open the output folder to lock its manifest (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw HighlightInputError(directory, "cannot lock the manifest (\(String(cString: strerror(errno))))") }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".manifest.json.partial-") {
            try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
        var manifest = try load(directory: directory)
        change(&manifest)
        try manifest.save(directory: directory)
    }

    /// Replaces the entry of the same source, or adds it.
    public mutating func upsert(_ entry: RecordingEntry) {
        recordings.removeAll { $0.source == entry.source }
        recordings.append(entry)
        recordings.sort { $0.source < $1.source }
    }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// One recording in the manifest.
public struct RecordingEntry: Codable, Sendable {
    /// Absolute path of the recording.
    public var source: String
    public var probe: MediaInfo
    public var parameters: ExtractionParameters
    /// Fingerprint of the recording (size, modification time) and the parameters: equal means already done.
    public var digest: String
    public var analysis: AnalysisFigures
    public var clips: [ClipEntry]
    /// Timeline exports and contact sheet written for this recording (file names in the folder).
    public var exports: [String]
    public var contactSheet: String?
    /// Wall-clock seconds spent, by stage.
    public var timing: ExtractionTiming?
}

/// Where the time of one recording's extraction went, in wall-clock seconds.
public struct ExtractionTiming: Codable, Sendable {
    public var analysis: Double
    /// Cutting the clips, hook checks included when they ran.
    public var cutting: Double
}

/// The options a run was made with, as recorded in the manifest.
public struct ExtractionParameters: Codable, Sendable, Equatable {
    public var count: Int
    public var minDuration: Double
    public var maxDuration: Double
    public var mode: String
    public var platformPreset: String?
    public var highlights: String
    public var analysisMode: String
    public var events: String?
    public var recordingStart: String?
    public var transcript: String?
    public var keywords: [String]
}

/// What the analysis found over the whole recording.
public struct AnalysisFigures: Codable, Sendable {
    public var duration: Double
    public var integratedLoudness: Double?
    public var loudnessRange: Double?
    public var cuts: Int
    public var speechShare: Double?
    public var eventsCovered: [Double]?
    public var keywordHits: Int
    public var decodeProblems: Int
}

/// One cut clip.
public struct ClipEntry: Codable, Sendable {
    /// 1-based; the file is `<stem>-NN.<ext>`; 1 is the best-scoring clip.
    public var index: Int
    /// Planned span in the source, seconds from its container start.
    public var start: Double
    public var end: Double
    public var duration: Double
    public var score: Double
    public var reasons: [String]
    public var components: [String: Double]
    public var startSnap: String
    public var endSnap: String
    public var mode: String
    /// File name inside the output folder (absent in a dry run).
    public var file: String?
    /// Where the clip really starts in the source (copy mode: the keyframe before the in point) and how it was made.
    public var actualStart: Double?
    public var actualDuration: Double?
    public var method: String?
    public var notes: [String]?
    /// Hook check of the clip's opening, when run.
    public var hookScore: Double?
    public var hookFindings: [String]?
}
