import ArgumentParser
import ClipHook
import ClipImport
import ClipHook
import ClipMedia
import ClipRotation
import ClipStore
import Foundation

/// `clipkit creative`: the creatives of a plan — media files or platform material IDs — and their status.
struct CreativeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creative",
        abstract: "Add, list and show creatives; retire, rest or revive them by hand.",
        discussion: """
        Examples:
          clipkit creative add --plan spring-sale clips/*.mp4
          clipkit creative add --plan spring-sale --id 7301234567890123456 --id 7301234567890123457 --active
          clipkit creative list --plan spring-sale --status active --json
          clipkit creative retire c2 --reason "brand asked to pull it"
        """,
        subcommands: [Add.self, List.self, Show.self, Retire.self, Rest.self, Revive.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add media files (probed, sha256) or platform IDs as candidates of a plan.",
            discussion: """
            Files are probed (duration, size, resolution), hashed and hook-scored (the first three seconds against
            --hook-preset); the ID is the file stem unless --external-id links the file to the platform's material ID.
            A clip cut by `clipkit extract` gets its source recording and span from the manifest.json beside it. Either all creatives are added or none (one error line otherwise).
            With a calibrated preset (clipkit hook calibrate) as --hook-preset, the predicted hook rate is stored too and
            orders the candidates for promotion.
            Example: clipkit creative add --plan spring-sale hook-a.mp4 hook-b.mp4 --hook-preset douyin-mine.yaml
            """)
        @Option(help: "The plan.") var plan: String
        @Argument(help: "Media files.") var files: [String] = []
        @Option(name: .customLong("id"), help: "A platform material / ad ID without a file (repeatable).") var ids: [String] = []
        @Option(name: .customLong("external-id"), help: "The platform's ID for the single file given.") var externalID: String?
        @Option(name: .customLong("source-recording"), help: "The recording the clip was cut from.") var sourceRecording: String?
        @Option(name: .customLong("source-span"), help: "Seconds START-END of the cut in that recording, e.g. 3605.2-3631.0.") var sourceSpan: String?
        @Flag(help: "Register them as already live (active) instead of candidates.") var active = false
        @Option(name: .customLong("hook-preset"), help: "Platform preset for scoring each file's first three seconds (name or path); a calibrated one also stores the predicted hook rate.")
        var hookPreset = "douyin-9x16"
        @Flag(name: .customLong("no-hook"), help: "Do not hook-score the files.") var noHook = false
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if files.isEmpty && ids.isEmpty { throw ValidationError("give media files or --id IDs") }
            if externalID != nil && files.count != 1 { throw ValidationError("--external-id needs exactly one file") }
            if sourceSpan != nil && parsedSpan == nil { throw ValidationError("--source-span must be START-END in seconds, START < END") }
        }

        var parsedSpan: (Double, Double)? {
            guard let sourceSpan else { return nil }
            let parts = sourceSpan.split(separator: "-").compactMap { Double($0) }
            guard parts.count == 2, parts[0] < parts[1] else { return nil }
            return (parts[0], parts[1])
        }

        func run() async throws {
            let db = try await store.open()
            guard try await db.plan(plan) != nil else { throw ValidationError("unknown plan '\(plan)' (add it with: clipkit plan add \(plan))") }
            let now = Clock.timestamp
            let status: CreativeStatus = active ? .active : .candidate
            var creatives: [Creative] = []
            let hook = noHook || files.isEmpty ? nil : try HookChecker(preset: hookPreset)
            for path in files {
                let info: MediaInfo
                let hash: String
                let report: HookReport?
                do {
                    info = try MediaFile(path: path).probe()
                    hash = try SHA256.hex(fileAt: path)
                    report = try hook?.check(file: path)
                } catch {
                    Terminal.writeError("clipkit: error: \(error)")
                    throw ExitCode(ExitStatus.failure)
                }
                let video = info.streams.first { $0.video != nil }?.video
                let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                let origin = sourceRecording == nil ? ClipOrigin.lookUp(clip: path) : nil
                creatives.append(Creative(id: stem, planID: plan, externalID: externalID,
                                          mediaPath: URL(fileURLWithPath: path).standardizedFileURL.path, sha256: hash,
                                          durationSeconds: info.duration, width: video?.displayWidth, height: video?.displayHeight, sizeBytes: info.size,
                                          hookScore: report?.score, predictedHookRate: report?.predictedHookRate,
                                          sourceRecording: sourceRecording ?? origin?.recording, sourceStart: parsedSpan?.0 ?? origin?.start,
                                          sourceEnd: parsedSpan?.1 ?? origin?.end,
                                          status: status, activatedOn: active ? Clock.today : nil, createdAt: now))
            }
            for id in ids {
                creatives.append(Creative(id: id, planID: plan, status: status, activatedOn: active ? Clock.today : nil, createdAt: now))
            }
            let duplicates = Dictionary(grouping: creatives, by: \.id).filter { $0.value.count > 1 }.keys.sorted()
            if !duplicates.isEmpty { throw ValidationError("the same creative ID twice: \(duplicates.joined(separator: ", ")) (rename a file or use --external-id)") }
            try await db.addCreatives(creatives)
            for creative in creatives {
                let media = creative.durationSeconds.map { " \(Format.number($0, 1)) s \(creative.width ?? 0)×\(creative.height ?? 0) sha256 \(creative.sha256!.prefix(12))…" } ?? ""
                let hookText = (creative.hookScore.map { ", hook score \(Format.number($0, 0))" } ?? "")
                    + (creative.predictedHookRate.map { ", predicted hook rate \(Format.percent($0))" } ?? "")
                Terminal.write("added \(creative.id) to \(plan) as \(creative.status.rawValue)\(media)\(hookText)\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List creatives.",
                                                        discussion: "Example: clipkit creative list --plan spring-sale --status active --json")
        @Option(help: "Only this plan.") var plan: String?
        @Option(help: "Only this status: candidate, active, resting, retired.") var status: CreativeStatus?
        @Flag(help: "Print a JSON array (each item has id, plan, status and the stored fields).") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let creatives = try await store.open().creatives(planID: plan, status: status)
            if json { try JSONOutput.print(creatives.map(CreativeJSON.init)); return }
            Terminal.write(CreativeTable.render(creatives))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a creative and its decision history.", discussion: "Example: clipkit creative show c2")
        @Argument(help: "Creative ID (or its external ID).") var id: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            guard let creative = try await db.creative(id) else { throw ValidationError("unknown creative '\(id)'") }
            let history = try await db.decisions(planID: nil, creativeID: creative.id)
            if json { try JSONOutput.print(CreativeDetail(creative: CreativeJSON(creative), decisions: history)); return }
            var lines = ["creative \(creative.id) in plan \(creative.planID): \(creative.status.rawValue)"]
            if let until = creative.restingUntil { lines.append("  resting until \(until)") }
            if let external = creative.externalID { lines.append("  external ID \(external)") }
            if let path = creative.mediaPath { lines.append("  file \(path)") }
            if let hash = creative.sha256 { lines.append("  sha256 \(hash)") }
            if let duration = creative.durationSeconds { lines.append("  \(Format.number(duration, 2)) s, \(creative.width ?? 0)×\(creative.height ?? 0), \(creative.sizeBytes ?? 0) bytes") }
            lines.append("  hook score \(creative.hookScore.map { Format.number($0, 1) } ?? "— (not scored)")")
            if let rate = creative.predictedHookRate { lines.append("  predicted hook rate \(Format.percent(rate)) (calibrated preset)") }
            if let recording = creative.sourceRecording { lines.append("  cut from \(recording) \(Format.optional(creative.sourceStart, 1))–\(Format.optional(creative.sourceEnd, 1)) s") }
            Terminal.write(lines.joined(separator: "\n") + "\n")
            Terminal.write(DecisionTable.render(history))
        }
    }

    /// `retire`, `rest` and `revive` by hand: one status change, logged with origin `manual`.
    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire a creative for good.", discussion: "Example: clipkit creative retire c2 --reason \"pulled by the brand\"")
        @OptionGroup var change: ManualChange
        func run() async throws { try await change.apply(to: .retired, action: "retire") }
    }

    struct Rest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rest a creative (it may be revived later).", discussion: "Example: clipkit creative rest c2")
        @OptionGroup var change: ManualChange
        func run() async throws { try await change.apply(to: .resting, action: "rest") }
    }

    struct Revive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a resting or retired creative back among the candidates.",
                                                        discussion: "The next rotate activates it when a slot opens.\nExample: clipkit creative revive c2")
        @OptionGroup var change: ManualChange
        func run() async throws { try await change.apply(to: .candidate, action: "revive") }
    }
}

/// The arguments of a manual status change.
struct ManualChange: ParsableArguments {
    @Argument(help: "Creative ID.") var id: String
    @Option(help: "Why (kept in the decision log).") var reason: String = "by hand"
    @OptionGroup var store: StoreOptions

    func apply(to status: CreativeStatus, action: String) async throws {
        let db = try await store.open()
        guard let creative = try await db.creative(id) else { throw ValidationError("unknown creative '\(id)'") }
        if creative.status == status {
            Terminal.write("\(creative.id) is already \(status.rawValue)\n")
            return
        }
        _ = try await db.changeStatus(creativeID: creative.id, to: status, action: action, reason: Reason("manual", reason), asOf: Clock.today, at: Clock.timestamp)
        Terminal.write("\(creative.id): \(creative.status.rawValue) → \(status.rawValue)\n")
    }
}

extension CreativeStatus: ExpressibleByArgument {}

/// A creative as `creative list --json` prints it (`plan` spelled out for scripts).
struct CreativeJSON: Encodable {
    var id: String
    var plan: String
    var status: String
    var creative: Creative

    init(_ creative: Creative) {
        id = creative.id
        plan = creative.planID
        status = creative.status.rawValue
        self.creative = creative
    }

    func encode(to encoder: Encoder) throws {
        try creative.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(plan, forKey: .plan)
    }

    private enum Key: String, CodingKey { case plan }
}

/// A creative with its history, as `creative show --json` prints it.
struct CreativeDetail: Encodable {
    var creative: CreativeJSON
    var decisions: [DecisionRecord]
}

/// Creatives as an aligned table.
enum CreativeTable {
    static func render(_ creatives: [Creative]) -> String {
        var table = Table(["creative", "plan", "status", "hook", "duration", "since", "file / external ID"],
                          alignments: [.left, .left, .left, .right, .right, .left, .left])
        for c in creatives {
            let since = c.status == .resting ? "until \(c.restingUntil.map(String.init(describing:)) ?? "—")" : c.activatedOn.map(String.init(describing:)) ?? ""
            table.add([c.id, c.planID, c.status.rawValue, Format.optional(c.hookScore, 1),
                       c.durationSeconds.map { Format.number($0, 1) + " s" } ?? "", since,
                       c.mediaPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? c.externalID ?? ""])
        }
        return table.render()
    }
}

/// Decision-log rows as a table.
enum DecisionTable {
    static func render(_ records: [DecisionRecord]) -> String {
        guard !records.isEmpty else { return "  no decisions yet\n" }
        var table = Table(["as of", "creative", "action", "from → to", "by", "reason"])
        for r in records {
            table.add([r.asOf.description, r.creativeID, r.action, "\(r.from ?? "") → \(r.to ?? "")", r.origin == "manual" ? "hand" : "\(r.policy) v\(r.policyVersion)",
                       r.reasons.first?.message ?? ""])
        }
        return table.render(indent: "  ")
    }
}
