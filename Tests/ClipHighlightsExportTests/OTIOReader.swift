import Foundation
import TestSupport

/// Reads timeline files back with OpenTimelineIO from PyPI (installed with pip when missing) and returns
/// what it saw as JSON: the independent check that editors' tooling understands our exports.
enum OTIOReader {
    /// nil when OpenTimelineIO and its adapters cannot be installed (the caller records why).
    static let available: String? = {
        let check = ["-c", "import opentimelineio, otio_cmx3600_adapter, otio_fcpx_xml_adapter"]
        if (try? Fixtures.run("/usr/bin/env", ["python3"] + check))?.status == 0 { return nil }
        let install = try? Fixtures.run("/usr/bin/env", ["python3", "-m", "pip", "install", "--quiet",
                                                          "opentimelineio", "otio-cmx3600-adapter", "otio-fcpx-xml-adapter"])
        if (try? Fixtures.run("/usr/bin/env", ["python3"] + check))?.status == 0 { return nil }
        return "OpenTimelineIO could not be installed with pip: \(install?.stderr.suffix(300) ?? "pip did not run")"
    }()

    /// Clips as OpenTimelineIO reads them: name, source range in frames, rate, media URL, marker names.
    static func clips(_ path: String, adapter: String, rate: Double) throws -> [[String: Any]] {
        let script = """
        import json, sys
        import opentimelineio as otio
        kwargs = {"rate": \(rate)} if "\(adapter)" == "cmx_3600" else {}
        timeline = otio.adapters.read_from_file(sys.argv[1], adapter_name="\(adapter)", **kwargs)
        out = []
        for clip in timeline.find_clips():
            ref = clip.media_reference
            out.append({
                "name": clip.name,
                "start": clip.source_range.start_time.value,
                "duration": clip.source_range.duration.value,
                "rate": clip.source_range.start_time.rate,
                "url": getattr(ref, "target_url", None),
                "markers": [m.name for m in clip.markers],
            })
        print(json.dumps(out))
        """
        let result = try Fixtures.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0, let data = result.stdout.data(using: .utf8),
              let clips = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw FixtureError("OpenTimelineIO could not read \(path) with \(adapter): \(result.stderr)")
        }
        return clips
    }
}
