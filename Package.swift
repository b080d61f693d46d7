// swift-tools-version:6.1
// clipkit: highlight clips from live-stream recordings, three-second hook checks, creative rotation.
// Layers and the rules between them: see DESIGN.md in the shared folder and README.md.
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let postgresNIO = Target.Dependency.product(name: "PostgresNIO", package: "postgres-nio")

let package = Package(
    name: "clipkit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clipkit", targets: ["clipkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // FFmpeg's C libraries, found through pkg-config (libavformat libavcodec libswscale libavutil libswresample).
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [
                .apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libavutil-dev", "libswresample-dev"]),
                .brew(["ffmpeg"]),
            ]
        ),
        // The only target that touches FFmpeg pointers: open, probe, packets, decode, cut, encode, images.
        .target(name: "ClipMedia", dependencies: ["CFFmpeg"]),
        // Finds preset files by name or path and decodes their YAML; platform presets.
        .target(name: "ClipPresets", dependencies: ["Yams"]),
        // Pure signal analysis on samples and luma frames: loudness, silence, speech, cuts, fades, black, freeze.
        .target(name: "ClipAnalysis"),
        // Runs the analysis pass over a media file (exhaustive or fast) and returns an AnalysisReport.
        .target(name: "ClipAnalyzer", dependencies: ["ClipMedia", "ClipAnalysis"]),
        // Finds the moments that sell in a recording: signals, live-room metrics, cue phrases → ranked clips.
        .target(name: "ClipHighlights", dependencies: ["ClipMedia", "ClipAnalysis", "ClipAnalyzer", "ClipImport", "ClipPresets", "ClipText"]),
        // Pure text helpers shared by the writers of markup: XML/HTML escaping.
        .target(name: "ClipText"),
        // The three-second hook check: opening measures, rules from platform presets, score and findings.
        .target(name: "ClipHook", dependencies: ["ClipMedia", "ClipAnalysis", "ClipPresets"]),
        // Rotation: plans, creatives, stats and the fatigue policy (pure), their store, and export importers.
        .target(name: "ClipRotation"),
        .target(name: "ClipStore", dependencies: ["ClipRotation", grdb, postgresNIO]),
        .target(name: "ClipImport", dependencies: ["ClipRotation", "ClipPresets"]),
        // The HTML report: a small SVG chart layer (scales, axes, lines, Gantt bars) and the page built from
        // rotation data and extracted clips (pure: no FFmpeg, no database).
        .target(name: "ClipReport", dependencies: ["ClipRotation", "ClipText"]),
        // The command-line interface: parse, call, print.
        .executableTarget(name: "clipkit", dependencies: [
            "ClipMedia", "ClipPresets", "ClipAnalysis", "ClipAnalyzer", "ClipHighlights", "ClipHook",
            "ClipRotation", "ClipStore", "ClipImport", "ClipReport", argumentParser,
        ]),
        // Cutting benchmark driver, built and run only by bench/cutting.sh.
        .executableTarget(name: "clipkit-bench-cut", dependencies: ["ClipMedia"], path: "Benchmarks/clipkit-bench-cut"),
        // The media layer's paths on given files, built with AddressSanitizer by `make asan`.
        .executableTarget(name: "clipkit-media-check", dependencies: ["ClipMedia", "ClipAnalyzer"], path: "Tests/clipkit-media-check"),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClipMediaTests", dependencies: ["ClipMedia", "TestSupport"]),
        .testTarget(name: "ClipHighlightsExportTests", dependencies: ["ClipHighlights", "ClipMedia", "TestSupport"]),
        .testTarget(name: "ClipCutTests", dependencies: ["ClipMedia", "TestSupport"]),
        .testTarget(name: "ClipAnalysisTests", dependencies: ["ClipAnalysis"]),
        .testTarget(name: "ClipAnalyzerTests", dependencies: ["ClipAnalyzer", "ClipAnalysis", "ClipMedia", "TestSupport"]),
        .testTarget(name: "ClipHighlightsTests", dependencies: ["ClipHighlights", "ClipPresets", "TestSupport"]),
        .testTarget(name: "ClipHookTests", dependencies: ["ClipHook", "ClipAnalysis", "ClipPresets"]),
        .testTarget(name: "HookCLITests", dependencies: ["ClipHook", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ExtractCLITests", dependencies: ["TestSupport"]),
        // `clipkit queue` and `clipkit worker` as processes: several workers, one killed, a stop signal (issue 7).
        .testTarget(name: "QueueCLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ClipRotationTests", dependencies: ["ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "ClipStoreTests", dependencies: ["ClipStore", "ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "ClipImportTests", dependencies: ["ClipImport", "ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "RotationCLITests", dependencies: ["ClipStore", "ClipRotation", "TestSupport"]),
        .testTarget(name: "ClipReportTests", dependencies: ["ClipReport", "ClipRotation", "ClipPresets", "ClipText", "TestSupport"]),
        // `report --html` end to end: a store filled through the CLI, an extract folder, headless Chromium.
        .testTarget(name: "ReportCLITests", dependencies: ["TestSupport"]),
        // Damaged media, killed jobs, broken exports, hostile names (issue 8); `make stress` kills jobs more often.
        .testTarget(name: "ReliabilityTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
