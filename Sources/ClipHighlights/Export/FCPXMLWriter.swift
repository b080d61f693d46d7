import ClipMedia
import ClipText
import Foundation

/// FCPXML 1.9 (Final Cut Pro 10.5+, DaVinci Resolve): one asset per source (a `media-rep` file URL), a
/// project whose spine holds the clips end to end, the score as a marker at each in point and the comment
/// as the clip's note. Times are exact frame multiples ("93/30s", "93093/30000s").
public enum FCPXMLWriter {
    public static func render(_ timeline: Timeline) -> String {
        let rate = timeline.rate
        let assetIDs = Dictionary(uniqueKeysWithValues: timeline.sources.enumerated().map { ($1, "r\($0 + 2)") })
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE fcpxml>
        <fcpxml version="1.9">
            <resources>
                <format id="r1" frameDuration="\(rate.rationalTime(1))" width="\(timeline.width)" height="\(timeline.height)"/>

        """
        for source in timeline.sources {
            let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            xml += """
                    <asset id="\(assetIDs[source]!)" name="\(Markup.escape(name))" start="0s" duration="\(rate.rationalTime(timeline.sourceFrames(source)))" hasVideo="1" hasAudio="1" format="r1">
                        <media-rep kind="original-media" src="\(Markup.escape(fileURL(source)))"/>
                    </asset>

            """
        }
        let total = timeline.clips.reduce(0) { $0 + timeline.frames($1).count }
        xml += """
            </resources>
            <library>
                <event name="clipkit">
                    <project name="\(Markup.escape(timeline.name))">
                        <sequence format="r1" duration="\(rate.rationalTime(total))" tcStart="0s" tcFormat="NDF">
                            <spine>

        """
        var offset = 0
        for clip in timeline.clips {
            let (start, count) = timeline.frames(clip)
            xml += "                        <asset-clip ref=\"\(assetIDs[clip.source]!)\" name=\"\(Markup.escape(clip.name))\" offset=\"\(rate.rationalTime(offset))\" start=\"\(rate.rationalTime(start))\" duration=\"\(rate.rationalTime(count))\" format=\"r1\" tcFormat=\"NDF\">\n"
            if let comment = clip.comment { xml += "                            <note>\(Markup.escape(comment))</note>\n" }
            if let score = clip.score {
                xml += "                            <marker start=\"\(rate.rationalTime(start))\" duration=\"\(rate.rationalTime(1))\" value=\"score \(String(format: "%.2f", score))\"/>\n"
            }
            xml += "                        </asset-clip>\n"
            offset += count
        }
        xml += """
                            </spine>
                        </sequence>
                    </project>
                </event>
            </library>
        </fcpxml>

        """
        return xml
    }

    /// Writes the FCPXML to `path` (temporary name, then renamed).
    public static func write(_ timeline: Timeline, to path: String) throws {
        try AtomicFile.write(Data(render(timeline).utf8), to: path)
    }

    /// A file:// URL for a path (made absolute, percent-encoded).
    static func fileURL(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.absoluteString }
}
