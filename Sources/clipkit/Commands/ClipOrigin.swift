import ClipHighlights
import Foundation

/// Where a clip cut by `clipkit extract` came from: the recording and the span, read from the manifest.json
/// in the clip's folder.
struct ClipOrigin {
    let recording: String
    let start: Double
    let end: Double

    /// The clip's entry in `manifest.json` beside it, if there is one.
    static func lookUp(clip path: String) -> ClipOrigin? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        guard let manifest = try? ExtractionManifest.load(directory: url.deletingLastPathComponent().path) else { return nil }
        for recording in manifest.recordings {
            if let clip = recording.clips.first(where: { $0.file == url.lastPathComponent }) {
                return ClipOrigin(recording: recording.source, start: clip.actualStart ?? clip.start, end: clip.end)
            }
        }
        return nil
    }
}
