import ClipMedia
import Foundation
import Testing
import TestSupport

/// `MediaFile.probe()` against ffprobe on generated files of every kind a live editor meets.
@Suite struct ProbeTests {
    static let generated: [(name: String, arguments: [String])] = [
        ("h264-aac.mp4", MediaFixtures.videoSource(seconds: 4) + MediaFixtures.toneSource(seconds: 4) +
            ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k", "-shortest"]),
        ("live.flv", MediaFixtures.videoSource(seconds: 3) + MediaFixtures.toneSource(seconds: 3, rate: 44_100) +
            ["-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-c:a", "aac", "-shortest"]),
        ("live.ts", MediaFixtures.videoSource(seconds: 3, rate: "30") + MediaFixtures.toneSource(seconds: 3) +
            ["-c:v", "libx264", "-preset", "ultrafast", "-g", "60", "-c:a", "aac", "-shortest", "-f", "mpegts"]),
        ("hevc.mp4", MediaFixtures.videoSource(seconds: 2) + ["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1"]),
        ("portrait.mp4", MediaFixtures.videoSource(seconds: 2, size: "320x180") + ["-c:v", "libx264", "-preset", "ultrafast", "-metadata:s:v:0", "rotate=90"]),
        ("vfr.mkv", MediaFixtures.videoSource(seconds: 3) + ["-vf", "select='not(between(n,20,40))'", "-vsync", "vfr", "-c:v", "libx264", "-preset", "ultrafast"]),
        ("offset.ts", MediaFixtures.videoSource(seconds: 2) + ["-c:v", "libx264", "-preset", "ultrafast", "-output_ts_offset", "10", "-f", "mpegts"]),
        ("audio-only.m4a", MediaFixtures.toneSource(seconds: 2.5) + ["-c:a", "aac"]),
        ("video-only.mkv", MediaFixtures.videoSource(seconds: 2) + ["-c:v", "libx264", "-preset", "ultrafast"]),
    ]

    @Test(arguments: generated.map(\.name))
    func generatedFileAgreesWithFFprobe(name: String) throws {
        let arguments = Self.generated.first { $0.name == name }!.arguments
        let path = try MediaFixtures.make(name, arguments)
        try ProbeOracle.compare(path)
    }

    static let evalFiles = ["pyscenedetect/testvideo.mp4", "pyscenedetect/fades.mp4", "pyscenedetect/goldeneye-vfr-drop3.mp4",
                            "pyscenedetect/counter.mp4", "pyscenedetect/delayed_start.mp4", "pyscenedetect/issue-134-rotate.mp4",
                            "pyscenedetect/issue-195-aspect-ratio.mp4", "pyscenedetect/issue-236-split-copy.mkv",
                            "scenecut-extractor/test.mp4", "auto-editor/example.mp4"]

    @Test(arguments: evalFiles)
    func evaldataAgreesWithFFprobe(relative: String) throws {
        try ProbeOracle.compare(Fixtures.evalFile(relative))
    }

    @Test func rotationAndDisplaySize() throws {
        let info = try MediaFile(path: Fixtures.evalFile("pyscenedetect/issue-134-rotate.mp4")).probe()
        let video = try #require(info.streams.first { $0.kind == "video" }?.video)
        #expect(video.rotation == -90)
        #expect(video.displayWidth == 544 && video.displayHeight == 1280)
    }

    @Test func variableFrameRateIsDetected() throws {
        let vfr = try MediaFile(path: Fixtures.evalFile("pyscenedetect/goldeneye-vfr-drop3.mp4")).probe()
        #expect(vfr.streams[0].video?.variableFrameRate == true)
        let cfr = try MediaFile(path: Fixtures.evalFile("pyscenedetect/counter.mp4")).probe()
        #expect(cfr.streams[0].video?.variableFrameRate == false)
        let generated = try MediaFile(path: MediaFixtures.make("vfr.mkv", Self.generated[5].arguments)).probe()
        #expect(generated.streams[0].video?.variableFrameRate == true)
    }

    @Test func keyframeIntervalFromPackets() throws {
        let info = try MediaFile(path: MediaFixtures.h264AAC()).probe()
        let interval = try #require(info.streams[0].video?.keyframeInterval)
        #expect(abs(interval - 1.0) < 0.05)
    }

    @Test func startTimeOfDelayedAndOffsetFiles() throws {
        let delayed = try MediaFile(path: Fixtures.evalFile("pyscenedetect/delayed_start.mp4")).probe()
        #expect(abs(delayed.startTime - 1.075) < 0.001)
        let offset = try MediaFile(path: MediaFixtures.make("offset.ts", Self.generated[6].arguments)).probe()
        #expect(offset.startTime > 9.9)
    }
}
