import ArgumentParser
import ClipImport
import ClipRotation
import ClipStore
import Foundation

/// `clipkit stats`: performance exports in, one transaction per file.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Import daily performance exports (generic CSV, Qianchuan, Meta, TikTok, Google Ads).",
        subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import export files: each file all or nothing, the same file twice changes nothing.",
            discussion: """
            Encodings: UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030 (detected). Title lines before the header and
            Total rows are skipped; numbers may carry thousands separators, currency and %; -, -- mean no data.
            A bad row aborts its file with the row number; the other files are still imported; exit 1.
            Prints per file: rows inserted / updated (numbers changed) / skipped (already there, same numbers).

            Examples:
              clipkit stats import Examples/data/qianchuan-gb18030.csv
              clipkit stats import --format generic --plan adwords keywords.csv --create-missing
            """)
        @Argument(help: "Export files (CSV or tab-separated).") var files: [String]
        @Option(help: "auto, generic, qianchuan, meta, tiktok, google, or a column-map YAML path.") var format = "auto"
        @Option(help: "Plan for files without a plan column.") var plan: String?
        @Flag(name: .customLong("create-missing"), help: "Create unknown plans (default policy) and creatives (as active) instead of failing.")
        var createMissing = false
        @Flag(help: "Print one JSON object per file (JSON Lines).") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let db = try await store.open()
            let maps = try ExportImporter.loadMaps(format: format)
            let importer = ExportImporter(maps: maps, defaultPlan: plan)
            var failed = false
            for path in files {
                do {
                    let hash = try SHA256.hex(fileAt: path)
                    let box = SummaryBox()
                    let counts = try await db.importStats(batch: ImportBatch(file: path, fileSHA256: hash, format: format),
                                                          createMissing: createMissing, defaultPolicy: "default", at: Clock.timestamp) { emit in
                        box.summary = try importer.read(path: path, emit: emit)
                    }
                    let summary = box.summary!
                    if json {
                        try JSONOutput.printLine(FileResult(file: path, format: summary.format, encoding: summary.encoding, rows: summary.rows,
                                                            totalRowsDropped: summary.totalRowsDropped, counts: counts))
                    } else {
                        var line = "\(path): \(summary.format) (\(summary.encoding)), \(summary.rows) rows: \(counts.inserted) inserted, \(counts.updated) updated, \(counts.skipped) skipped"
                        if summary.totalRowsDropped > 0 { line += ", \(summary.totalRowsDropped) total rows dropped" }
                        if counts.plansCreated + counts.creativesCreated > 0 { line += "; created \(counts.plansCreated) plans, \(counts.creativesCreated) creatives" }
                        Terminal.write(line + "\n")
                    }
                } catch {
                    failed = true
                    Terminal.writeError("clipkit: error: \(error)")
                }
            }
            if failed { throw ExitCode(ExitStatus.failure) }
        }
    }
}

/// Carries the reader's summary out of the store's transaction closure.
private final class SummaryBox: @unchecked Sendable {
    var summary: ExportImporter.Summary?
}

/// One file's import, as `stats import --json` prints it.
private struct FileResult: Encodable {
    var file: String
    var format: String
    var encoding: String
    var rows: Int
    var totalRowsDropped: Int
    var counts: ImportCounts
}
