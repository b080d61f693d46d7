import ClipText

/// The whole report as one self-contained HTML page: inline CSS and SVG, images as data: URIs, no script, nothing
/// fetched from a network; readable without JavaScript and printable (one plan or recording per printed page).
public struct HTMLReport: Sendable {
    public var plans: [PlanInput]
    public var recordings: [RecordingInput]
    /// Shown under the title, e.g. the database and the time it was made.
    public var subtitle: String

    public init(plans: [PlanInput], recordings: [RecordingInput], subtitle: String) {
        self.plans = plans
        self.recordings = recordings
        self.subtitle = subtitle
    }

    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>clipkit report</title>
        <style>
        \(Stylesheet.css)
        </style>
        </head>
        <body>
        <header class="page"><h1>clipkit report</h1><div class="muted">\(Markup.escape(subtitle))</div>

        """
        let planAnchors = plans.indices.map { "plan-\($0 + 1)" }, recordingAnchors = recordings.indices.map { "recording-\($0 + 1)" }
        var contents = zip(plans, planAnchors).map { "<li><a href=\"#\($1)\">Plan <span class=\"id\">\(Markup.escape($0.plan.id))</span></a></li>" }
        contents += zip(recordings, recordingAnchors).map { "<li><a href=\"#\($1)\">Recording <span class=\"id\">\(Markup.escape($0.name))</span></a></li>" }
        if contents.count > 1 { html += "<nav><ul>" + contents.joined() + "</ul></nav>" }
        html += "</header>\n"
        if plans.isEmpty && recordings.isEmpty { html += "<p class=\"muted\">No plan in the database and no extract folder given.</p>\n" }
        for (plan, anchor) in zip(plans, planAnchors) { html += PlanSection(input: plan, anchor: anchor).render() }
        for (recording, anchor) in zip(recordings, recordingAnchors) { html += RecordingSection(input: recording, anchor: anchor).render() }
        html += "<footer>Made by clipkit report --html. Decisions, fatigue points and budget advice come from the rotation policy named in each plan.</footer>\n"
        return html + "</body>\n</html>\n"
    }
}
