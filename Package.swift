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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .executableTarget(name: "clipkit", dependencies: ["ClipMedia", "ClipPresets", argumentParser,
                                                          "ClipRotation", "ClipStore", "ClipImport"]),
        // Rotation: plans, creatives, stats and the fatigue policy (pure), their store, and export importers.
        .target(name: "ClipRotation"),
        .target(name: "ClipStore", dependencies: ["ClipRotation", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "ClipImport", dependencies: ["ClipRotation", "ClipPresets"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClipMediaTests", dependencies: ["ClipMedia", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ClipRotationTests", dependencies: ["ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "ClipStoreTests", dependencies: ["ClipStore", "ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "ClipImportTests", dependencies: ["ClipImport", "ClipRotation", "ClipPresets", "TestSupport"]),
        .testTarget(name: "RotationCLITests", dependencies: ["ClipStore", "ClipRotation", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
