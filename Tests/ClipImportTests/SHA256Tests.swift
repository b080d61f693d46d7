import ClipImport
import Foundation
import Testing
import TestSupport

/// The streaming SHA-256 against the system's `sha256sum`.
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test(arguments: [0, 55, 56, 63, 64, 65, 1_000_003, 3_145_728])
    func matchesSha256sum(size: Int) throws {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = try ImportFixtures.file(Data(bytes), name: "blob.bin")
        let result = try Fixtures.run("/usr/bin/env", ["sha256sum", path])
        let expected = String(result.stdout.prefix(64))
        #expect(try SHA256.hex(fileAt: path) == expected)
        var pieces = SHA256()
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 7_919)
            pieces.update(bytes[offset..<end])
            offset = end
        }
        #expect(pieces.finalize() == expected)
    }
}
