import ArgumentParser
import ClipMedia
import Foundation

/// `clipkit probe`: container and stream facts of media files.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show container and stream facts of media files (no decoding).",
        discussion: """
        Reports duration, start time, bit rate, creation time, and per stream the codec, profile, size,
        aspect, rotation, frame rate (and whether it varies), frame count and keyframe interval, or the
        audio rate and layout. A file that cannot be read prints one error line; the others are still
        probed and the exit code is 1.

        Examples:
          clipkit probe live-2024-06-18.flv
          clipkit probe --json *.mp4 | jq '.[].streams[0].video.keyframeInterval'
        """
    )

    @Argument(help: "Media files (MP4/MOV, FLV, MPEG-TS, MKV, …).")
    var files: [String]

    @Flag(name: .long, help: "Print one JSON array with an object per readable file (fields in README).")
    var json = false

    func run() throws {
        var infos: [MediaInfo] = []
        var failed = false
        for path in files {
            do {
                let info = try MediaFile(path: path).probe()
                if json { infos.append(info) } else { Terminal.write(ProbeReport.text(info)) }
            } catch {
                failed = true
                Terminal.writeError("clipkit: error: \(error)")
            }
        }
        if json { try JSONOutput.print(infos) }
        if failed { throw ExitCode(ExitStatus.failure) }
    }
}
