// Cuts spans of one recording in one mode and prints the wall time per clip and in total.
// Usage: clipkit-bench-cut <source> <copy|exact|encode> <output-folder> <start:end>...
// Environment: CLIP_EXT (output extension, default mp4), CLIP_FIT (encode fit: crop, pad, blurpad).
// Built and run only by bench/cutting.sh; not part of the product.
import ClipMedia
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 5 else {
    FileHandle.standardError.write(Data("usage: clipkit-bench-cut <source> <copy|exact|encode> <output-folder> <start:end>...\n".utf8))
    exit(2)
}
let source = arguments[1]
let mode: CutMode
switch arguments[2] {
case "copy": mode = .copy
case "exact": mode = .exact
case "encode":
    let fit = FitMode(rawValue: ProcessInfo.processInfo.environment["CLIP_FIT"] ?? "crop") ?? .crop
    mode = .encode(EncodeSettings(width: 720, height: 1280, fit: fit, frameRate: 30, videoBitRate: 4_000_000))
default:
    FileHandle.standardError.write(Data("unknown mode \(arguments[2])\n".utf8))
    exit(2)
}
let folder = arguments[3]
let spans = arguments[4...].map { text -> (Double, Double) in
    let parts = text.split(separator: ":").compactMap { Double($0) }
    return (parts[0], parts[1])
}
do {
    let cutter = try ClipCutter(source: source)
    let began = Date()
    for (number, span) in spans.enumerated() {
        let clipBegan = Date()
        let result = try cutter.cut(start: span.0, end: span.1, mode: mode, output: "\(folder)/\(arguments[2])-\(number).\(ProcessInfo.processInfo.environment["CLIP_EXT"] ?? "mp4")")
        print(String(format: "clip %d %.3f-%.3f method=%@ start=%.3f duration=%.3f seconds=%.3f",
                     number, span.0, span.1, result.method, result.actualStart, result.duration, Date().timeIntervalSince(clipBegan)))
    }
    print(String(format: "total %.3f", Date().timeIntervalSince(began)))
} catch {
    FileHandle.standardError.write(Data("clipkit-bench-cut: \(error)\n".utf8))
    exit(1)
}
