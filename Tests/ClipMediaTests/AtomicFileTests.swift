import ClipMedia
import Foundation
import Testing
import TestSupport

/// Outputs appear whole under their final name; a device or pipe given as the output (`--out /dev/null`) stays one.
@Suite struct AtomicFileTests {
    @Test func aRegularFileIsReplacedWholeAndNoTemporaryFileRemains() throws {
        let folder = try Fixtures.temporaryDirectory("clipkit-atomic")
        let path = folder.appendingPathComponent("report.json").path
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func aPipeIsWrittenInPlaceNotReplacedByAFile() throws {
        let folder = try Fixtures.temporaryDirectory("clipkit-atomic")
        let pipe = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(pipe, 0o600) == 0)
        // The read end opened without blocking first, so the writer's open returns at once (and nothing hangs).
        let reader = open(pipe, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write(Data("through the pipe".utf8), to: pipe)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer[0..<count], as: UTF8.self) == "through the pipe")
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a pipe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.fifo"])
    }
}
