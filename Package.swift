// swift-tools-version:6.1
// clipkit: highlight clips from live-stream recordings, three-second hook checks, creative rotation.
// Layers and the rules between them: see DESIGN.md in the shared folder and README.md.
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "clipkit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clipkit", targets: ["clipkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        // The only target that touches FFmpeg pointers.
        .target(name: "ClipMedia", dependencies: ["CFFmpeg"]),
        // Finds preset files by name or path and decodes their YAML.
        .target(name: "ClipPresets", dependencies: ["Yams"]),
        // Pure signal analysis on samples and luma frames: loudness, silence, speech, cuts, fades, black, freeze.
        .target(name: "ClipAnalysis"),
        // Runs the analysis pass over a media file (exhaustive or fast) and returns an AnalysisReport.
        .target(name: "ClipAnalyzer", dependencies: ["ClipMedia", "ClipAnalysis"]),
        // The command-line interface: parse, call, print.
        // The three-second hook check: opening measures, rules from platform presets, score and findings.
        .target(name: "ClipHook", dependencies: ["ClipMedia", "ClipAnalysis", "ClipPresets"]),
        .executableTarget(name: "clipkit", dependencies: ["ClipMedia", "ClipPresets", "ClipAnalysis", "ClipAnalyzer", "ClipHook", argumentParser]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClipMediaTests", dependencies: ["ClipMedia", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ClipAnalysisTests", dependencies: ["ClipAnalysis"]),
        .testTarget(name: "ClipAnalyzerTests", dependencies: ["ClipAnalyzer", "ClipAnalysis", "ClipMedia", "TestSupport"]),
        .testTarget(name: "ClipHookTests", dependencies: ["ClipHook", "ClipAnalysis", "ClipPresets"]),
        .testTarget(name: "HookCLITests", dependencies: ["ClipHook", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
