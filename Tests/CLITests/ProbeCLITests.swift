import Foundation
import Testing
import TestSupport

/// `clipkit probe` run as a user would: tables, JSON, exit codes, one error line per bad file.
@Suite struct ProbeCLITests {
    @Test func jsonForSeveralFiles() throws {
        let good = try MediaFixtures.h264AAC()
        let result = try Fixtures.clipkit(["probe", "--json", good, Fixtures.evalFile("pyscenedetect/counter.mp4")])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        let streams = try #require(array[0]["streams"] as? [[String: Any]])
        #expect(streams.map { $0["codec"] as? String } == ["h264", "aac"])
        #expect((array[1]["duration"] as? Double) == 3)
    }

    @Test func oneBadFileAmongGoodOnes() throws {
        let text = try MediaFixtures.write("readme.mp4", Data("hello".utf8))
        let good = try MediaFixtures.h264AAC()
        let result = try Fixtures.clipkit(["probe", good, text, "/missing/file.flv", good])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].contains(text) && errors[0].contains("Invalid data"))
        #expect(errors[1] == "clipkit: error: /missing/file.flv: opening: no such file")
        #expect(result.stdout.components(separatedBy: "h264-aac.mp4").count - 1 == 2)
        #expect(result.stdout.contains("keyframe every 1.00 s"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Fixtures.clipkit(["probe"]).status == 2)
        #expect(try Fixtures.clipkit(["probe", "--no-such-flag", "x.mp4"]).status == 2)
        #expect(try Fixtures.clipkit(["no-such-command"]).status == 2)
    }

    @Test func helpHasAnExample() throws {
        let result = try Fixtures.clipkit(["probe", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
    }

    /// valgrind finds no definite leak in a probe (skipped when valgrind is not installed).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind")))
    func probeLeaksNothing() throws {
        // valgrind 3.19 cannot read the DWARF 5 debug info Swift emits: check a copy without it.
        let stripped = try Fixtures.temporaryDirectory().appendingPathComponent("clipkit").path
        let strip = try Fixtures.run("/usr/bin/env", ["objcopy", "--strip-debug", Fixtures.clipkitBinary, stripped])
        #expect(strip.status == 0, "\(strip.stderr)")
        let result = try Fixtures.run("/usr/bin/valgrind", ["--leak-check=full", "--errors-for-leak-kinds=definite", "--error-exitcode=9",
                                                            stripped, "probe", try MediaFixtures.h264AAC()])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        #expect(result.stderr.contains("definitely lost: 0 bytes") || result.stderr.contains("All heap blocks were freed"))
    }
}
