import ClipMedia
import Foundation

/// OpenTimelineIO JSON (.otio): a timeline with one video track holding the clips, each with its source as
/// an external reference, the score as a marker and the score/comment in `metadata.clipkit`.
public enum OTIOWriter {
    public static func render(_ timeline: Timeline) throws -> String {
        let rate = timeline.rate.fps
        func time(_ frames: Int) -> [String: Any] { ["OTIO_SCHEMA": "RationalTime.1", "rate": rate, "value": Double(frames)] }
        func range(_ start: Int, _ count: Int) -> [String: Any] {
            ["OTIO_SCHEMA": "TimeRange.1", "start_time": time(start), "duration": time(count)]
        }
        let clips: [[String: Any]] = timeline.clips.map { clip in
            let (start, count) = timeline.frames(clip)
            var metadata: [String: Any] = ["source_seconds": [clip.start, clip.end]]
            if let score = clip.score { metadata["score"] = score }
            if let comment = clip.comment { metadata["comment"] = comment }
            let markers: [[String: Any]] = clip.score.map { score in
                [["OTIO_SCHEMA": "Marker.2", "name": "score \(String(format: "%.2f", score))", "color": "GREEN",
                  "marked_range": range(start, 0), "comment": clip.comment ?? "", "metadata": [String: Any]()]]
            } ?? []
            let reference: [String: Any] = [
                "OTIO_SCHEMA": "ExternalReference.1", "name": URL(fileURLWithPath: clip.source).lastPathComponent,
                "target_url": FCPXMLWriter.fileURL(clip.source), "available_range": range(0, timeline.sourceFrames(clip.source)),
                "available_image_bounds": NSNull(), "metadata": [String: Any](),
            ]
            return ["OTIO_SCHEMA": "Clip.2", "name": clip.name, "source_range": range(start, count), "enabled": true,
                    "effects": [Any](), "markers": markers, "metadata": ["clipkit": metadata],
                    "media_references": ["DEFAULT_MEDIA": reference], "active_media_reference_key": "DEFAULT_MEDIA"]
        }
        func item(_ schema: String, _ name: String, _ children: [Any], kind: String? = nil) -> [String: Any] {
            var object: [String: Any] = ["OTIO_SCHEMA": schema, "name": name, "children": children, "source_range": NSNull(),
                                         "effects": [Any](), "markers": [Any](), "enabled": true, "metadata": [String: Any]()]
            if let kind { object["kind"] = kind }
            return object
        }
        let document: [String: Any] = [
            "OTIO_SCHEMA": "Timeline.1", "name": timeline.name, "global_start_time": NSNull(), "metadata": ["clipkit": ["generator": "clipkit"]],
            "tracks": item("Stack.1", "tracks", [item("Track.1", "V1", clips, kind: "Video")]),
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the .otio file to `path` (temporary name, then renamed).
    public static func write(_ timeline: Timeline, to path: String) throws {
        try AtomicFile.write(Data(try render(timeline).utf8), to: path)
    }
}
