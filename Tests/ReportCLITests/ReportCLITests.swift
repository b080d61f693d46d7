import Foundation
import Testing
import TestSupport

/// `report --html` end to end: a store filled through the CLI (five weeks of stats, two applied rotations), an
/// extract output folder, the page rendered by headless Chromium and checked for content.
@Suite(.serialized) struct ReportCLITests {
    static let firstDay = "2026-10-01"
    static let hostile = "<script>alert(1)</script>"

    /// A scratch folder and database with plan `spring-sale`: c1–c4 live from day 0, c2 wearing out from day 24,
    /// rotation applied as of day 27 (c2 rests, c5 goes live) and day 34; a creative with a hostile ID retired by hand.
    static func filledStore() throws -> (folder: URL, db: String) {
        let folder = try Fixtures.temporaryDirectory("clipkit-report")
        let db = folder.appendingPathComponent("clipkit.sqlite").path
        func cli(_ arguments: [String]) throws {
            let result = try Fixtures.clipkit(arguments, environment: ["CLIPKIT_DB": db])
            guard result.status == 0 else { throw FixtureError("clipkit \(arguments.joined(separator: " ")): \(result.stderr)") }
        }
        try cli(["plan", "add", "spring-sale", "--name", "Spring sale & <friends>", "--budget", "5000", "--break-even-roi", "1.8", "--target-cpa", "60"])
        try cli(["creative", "add", "--plan", "spring-sale", "--id", "c1", "--id", "c2", "--id", "c3", "--id", "c4", "--active"])
        try cli(["creative", "add", "--plan", "spring-sale", "--id", "c5", "--id", hostile])
        try cli(["creative", "retire", hostile, "--reason", "<b>off-brand</b>"])
        let ctr = ["c1": 0.020, "c2": 0.022, "c3": 0.019, "c4": 0.021, "c5": 0.024]
        func csv(days: Range<Int>, creatives: [String]) throws -> String {
            var text = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"
            for index in days {
                for id in creatives {
                    let impressions = 20_000 + index * 37 % 2_000
                    let rate = id == "c2" && index >= 24 ? 0.013 : ctr[id]!
                    let orders = 7 + index % 3
                    text += "\(day(firstDay, plus: index)),spring-sale,\(id),\(impressions),\(Int(Double(impressions) * rate)),\(impressions * 3 / 10),400,\(orders),\(orders * 125)\n"
                }
            }
            let url = folder.appendingPathComponent("stats-\(days.lowerBound).csv")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        try cli(["stats", "import", try csv(days: 0..<28, creatives: ["c1", "c2", "c3", "c4"])])
        try cli(["rotate", "--plan", "spring-sale", "--as-of", day(firstDay, plus: 27), "--apply"])
        try cli(["stats", "import", try csv(days: 28..<35, creatives: ["c1", "c3", "c4", "c5"])])
        try cli(["rotate", "--plan", "spring-sale", "--as-of", day(firstDay, plus: 34), "--apply"])
        return (folder, db)
    }

    /// A short generated live recording with a hostile name, extracted into `DIR/clips` (2 clips, hook-checked).
    static func extractFolder(in folder: URL) throws -> URL {
        let room = try LiveRecordingFixture.make(name: "report-room", duration: 60, climaxes: [12, 38], climaxLength: 12, music: 26, cuts: 52)
        let recording = folder.appendingPathComponent("room <b>&1.mp4")
        try Data(contentsOf: URL(fileURLWithPath: room.path)).write(to: recording)
        let out = folder.appendingPathComponent("clips")
        let result = try Fixtures.clipkit(["extract", recording.path, "--out", out.path, "--count", "2", "--mode", "copy",
                                           "--min-duration", "4", "--max-duration", "10", "--events", room.eventsCSV])
        guard result.status == 0 else { throw FixtureError("extract: \(result.stderr)") }
        return out
    }

    @Test func theReportRendersInChromiumWithEveryChartCreativeAndClip() throws {
        let (folder, db) = try Self.filledStore()
        let clips = try Self.extractFolder(in: folder)
        let page = folder.appendingPathComponent("report.html").path
        let result = try Fixtures.clipkit(["report", "--html", page, "--days", "35", "--clips", clips.path], environment: ["CLIPKIT_DB": db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(page): 1 plan, 1 recording with 2 clips, "))
        let html = try String(contentsOfFile: page, encoding: .utf8)

        // Structure: one SVG per chart (the timeline + CTR, 3-s rate, CPA, ROI), every creative, both clips.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        #expect(html.components(separatedBy: "class=\"chart gantt\"").count - 1 == 1)
        for id in ["c1", "c2", "c3", "c4", "c5"] { #expect(html.contains("<td class=\"id\">\(id)</td>"), "\(id) missing") }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.lowercased().contains("<script"))
        #expect(html.contains("&lt;b&gt;off-brand&lt;/b&gt;") && !html.contains("<b>off"))
        #expect(html.contains("Spring sale &amp; &lt;friends&gt;") && html.contains("room &lt;b&gt;&amp;1.mp4") && !html.contains("<b>&1"))
        // The timeline says why c2 left, with numbers; the charts mark its fatigue point; the budget advice is there.
        #expect(html.contains("rest: CTR −"), "c2's rest label")
        #expect(html.contains("c2: fatigue"))
        #expect(html.contains("Budget advice as of 2026-11-04"))
        // Self-contained: no network reference of any kind, images inline.
        for banned in ["http://", "https://", "<link", "@import", "url(", "<iframe"] { #expect(!html.contains(banned), "\(banned) in the page") }
        #expect(html.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1 == 2)
        #expect(!html.contains(" src=\"http") && html.components(separatedBy: " src=\"").count == html.components(separatedBy: " src=\"data:").count)
        try Self.expectThumbnailDecodes(html, in: folder)

        // Rendered: the screenshot is not blank.
        let shot = folder.appendingPathComponent("report.png").path
        let chromium = try Fixtures.run("/usr/bin/env", ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                         "--user-data-dir=\(folder.appendingPathComponent("chromium").path)",
                                                         "--screenshot=\(shot)", "--window-size=1280,2200", "file://\(page)"], timeout: 180)
        #expect(FileManager.default.fileExists(atPath: shot), "chromium made no screenshot: \(chromium.stderr)")
        let gray = try Self.grayPixels(shot)
        let dark = Double(gray.filter { $0 < 235 }.count) / Double(gray.count)
        let mean = gray.reduce(0.0) { $0 + Double($1) } / Double(gray.count)
        let variance = gray.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(gray.count)
        #expect(dark > 0.03, "only \(dark * 100)% of the screenshot is not white")
        #expect(variance > 200, "variance \(variance): the screenshot is nearly uniform")

        // A clip file gone since extract: its card says so, the rest of the page is unchanged.
        let second = try #require(try FileManager.default.contentsOfDirectory(atPath: clips.path).first { $0.hasSuffix("-02.mp4") })
        try FileManager.default.removeItem(at: clips.appendingPathComponent(second))
        let again = try Fixtures.clipkit(["report", "--html", page, "--days", "35", "--clips", clips.path], environment: ["CLIPKIT_DB": db])
        #expect(again.status == 0, "\(again.stderr)")
        let rerendered = try String(contentsOfFile: page, encoding: .utf8)
        #expect(rerendered.contains("no thumbnail: \(escaped(second)) is missing"))
        #expect(rerendered.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1 == 1)
    }

    @Test func badInputIsOneLineAndNoFile() throws {
        let folder = try Fixtures.temporaryDirectory("clipkit-report-bad")
        let env = ["CLIPKIT_DB": folder.appendingPathComponent("clipkit.sqlite").path]
        let page = folder.appendingPathComponent("report.html").path
        let notExtract = try Fixtures.clipkit(["report", "--html", page, "--clips", folder.path], environment: env)
        #expect(notExtract.status == 1 && notExtract.stderr == "clipkit: error: \(folder.path): no manifest.json: not a clipkit extract output folder\n")
        #expect(!FileManager.default.fileExists(atPath: env["CLIPKIT_DB"]!), "a bad --clips folder fails before the database is created")
        try Data("{not json".utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let damaged = try Fixtures.clipkit(["report", "--html", page, "--clips", folder.path], environment: env)
        #expect(damaged.status == 1 && damaged.stderr.hasPrefix("clipkit: error: \(folder.path)/manifest.json: is not a clipkit manifest")
                && damaged.stderr.split(separator: "\n").count == 1, "\(damaged.stderr)")
        let missingFolder = folder.appendingPathComponent("nowhere/report.html").path
        let unwritable = try Fixtures.clipkit(["report", "--html", missingFolder], environment: env)
        #expect(unwritable.status == 1 && unwritable.stderr.hasPrefix("clipkit: error: \(missingFolder)") && unwritable.stderr.split(separator: "\n").count == 1,
                "\(unwritable.stderr)")
        #expect(try Fixtures.clipkit(["report", "--clips", folder.path], environment: env).status == 2)
        #expect(try Fixtures.clipkit(["report", "--html", page, "--json"], environment: env).status == 2)
        #expect(!FileManager.default.fileExists(atPath: page))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    /// The first embedded thumbnail is a PNG 144 pixels wide.
    static func expectThumbnailDecodes(_ html: String, in folder: URL) throws {
        let marker = "data:image/png;base64,"
        let start = try #require(html.range(of: marker)).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        let png = try #require(Data(base64Encoded: String(html[start..<end])))
        let url = folder.appendingPathComponent("thumb.png")
        try png.write(to: url)
        let streams = try #require(try Fixtures.ffprobe(url.path)["streams"] as? [[String: Any]])
        #expect(streams.first?["width"] as? Int == 144)
    }

    /// The screenshot as 8-bit gray pixels, decoded by ffmpeg.
    static func grayPixels(_ png: String) throws -> [UInt8] {
        let raw = png + ".gray"
        try Fixtures.ffmpeg(["-i", png, "-f", "rawvideo", "-pix_fmt", "gray", raw])
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: raw)))
    }
}

/// `YYYY-MM-DD` of `day` plus `offset` days.
private func day(_ day: String, plus offset: Int) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: formatter.date(from: day)!.addingTimeInterval(Double(offset) * 86_400))
}

/// `text` escaped as the page escapes names.
private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}
