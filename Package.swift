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
        // The command-line interface: parse, call, print.
        .executableTarget(name: "clipkit", dependencies: ["ClipMedia", "ClipPresets", argumentParser]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClipMediaTests", dependencies: ["ClipMedia", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        // Highlight picking and its outputs (NLE timeline exports, contact sheets).
        .target(name: "ClipHighlights", dependencies: ["ClipMedia", "ClipPresets"]),
        .testTarget(name: "ClipHighlightsExportTests", dependencies: ["ClipHighlights", "ClipMedia", "TestSupport"]),
        // Cutting benchmark driver, built and run only by bench/cutting.sh.
        .executableTarget(name: "clipkit-bench-cut", dependencies: ["ClipMedia"], path: "Benchmarks/clipkit-bench-cut"),
        .testTarget(name: "ClipCutTests", dependencies: ["ClipMedia", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
