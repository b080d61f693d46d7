import ClipImport
import ClipPresets
import ClipRotation
import Foundation
import TestSupport

/// Helpers: the shipped column maps, the sample exports, and reading a file into rows.
enum ImportFixtures {
    static var maps: [ColumnMap] {
        get throws {
            let folder = Fixtures.repositoryRoot.appendingPathComponent("Presets/imports")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            let maps = try files.map { try PresetLocator.decode(ColumnMap.self, from: folder.appendingPathComponent($0)) }
            return maps.sorted { ($0.name == "generic" ? 1 : 0, $0.name) < ($1.name == "generic" ? 1 : 0, $1.name) }
        }
    }

    static func sample(_ name: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent("Examples/data/\(name)").path
    }

    static func read(_ path: String, plan: String? = nil) throws -> (rows: [StatRow], summary: ExportImporter.Summary) {
        var rows: [StatRow] = []
        let summary = try ExportImporter(maps: try maps, defaultPlan: plan).read(path: path) { rows.append($0) }
        return (rows, summary)
    }

    /// Writes `text` (or raw bytes) to a new temporary file and returns its path.
    static func file(_ text: String, name: String = "export.csv") throws -> String {
        try file(Data(text.utf8), name: name)
    }

    static func file(_ data: Data, name: String = "export.csv") throws -> String {
        let url = try Fixtures.temporaryDirectory("clipkit-import").appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }
}
