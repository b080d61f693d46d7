// Runs the media layer's main paths on each recording given — open and probe, demux and decode every packet,
// the fast analysis (seeks, a second handle), copy and exact cuts, a thumbnail — so that a build with
// AddressSanitizer can watch them on damaged recordings (`make asan`, AddressSanitizerTests).
// Errors the layer reports are expected on damaged files and printed one per line; only a crash or a
// sanitizer report is a failure. Usage: clipkit-media-check <output-folder> <recording>...
// Not part of the product.
import ClipAnalyzer
import ClipMedia
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: clipkit-media-check <output-folder> <recording>...\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])

/// Runs one path of the media layer; a thrown error is printed, not fatal.
func step(_ name: String, _ path: String, _ body: () throws -> Void) {
    do {
        try body()
        print("\(path): \(name): ok")
    } catch {
        print("\(path): \(name): \(error)")
    }
}

for path in arguments.dropFirst(2) {
    step("probe", path) { _ = try MediaFile(path: path).probe() }
    step("decode", path) {
        let file = try MediaFile(path: path)
        let video = try file.videoStreamIndex.map { try VideoDecoder(file: file, stream: $0) }
        let audio = try file.audioStreamIndex.map { try AudioDecoder(file: file, stream: $0) }
        try file.forEachPacket { packet in
            try video?.decode(packet) { _ in }
            try audio?.decode(packet) { _ in }
        }
        try video?.flush { _ in }
        try audio?.flush { _ in }
    }
    step("analyze", path) { _ = try MediaAnalyzer.analyze(path: path) }
    for mode in [CutMode.copy, .exact] {
        step("cut \(mode.name)", path) {
            let output = folder.appendingPathComponent("clip-\(mode.name).mp4").path
            _ = try ClipCutter.cut(source: path, start: 0.5, end: 3, mode: mode, output: output)
        }
    }
    step("thumbnail", path) { _ = try Thumbnailer(path: path).frame(at: 1, width: 160) }
}
