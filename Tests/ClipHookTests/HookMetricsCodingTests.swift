import Foundation
import Testing
@testable import ClipHook

@Suite("Hook metrics as JSON")
struct HookMetricsCodingTests {
    @Test("the opening measures are keys of the metrics object itself, and the object decodes back")
    func openingMeasuresAreFlat() throws {
        let metrics = HookMetrics(duration: 20, width: 1080, height: 1920, aspect: 0.5625, frameRate: nil, hasAudio: true, window: 3,
                                  opening: OpeningMeasures(blackOpen: 0.4, firstFrameBlack: true, firstCut: 1.0, cuts: [1.0], firstSound: 0.2),
                                  framesDecoded: 90)
        let data = try JSONEncoder().encode(metrics)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["duration", "width", "height", "aspect", "hasAudio", "window", "blackOpen", "firstFrameBlack",
                                     "frozen", "firstCut", "cuts", "firstSound", "framesDecoded", "decodeProblems"])
        #expect(object["blackOpen"] as? Double == 0.4 && object["cuts"] as? [Double] == [1.0])
        #expect(try JSONDecoder().decode(HookMetrics.self, from: data) == metrics)
    }
}
