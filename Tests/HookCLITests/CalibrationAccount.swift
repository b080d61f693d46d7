import Foundation
import TestSupport

/// A generated ad account for `hook calibrate`: tiny creatives (180x320, 3.5 s) whose openings differ in a
/// fade-in from black, the time of the first cut and the time of the first sound, and a daily export whose
/// hook rate follows a known rule of those three plus noise.
struct CalibrationAccount {
    /// One generated creative: its opening as made, and its delivery.
    struct Creative {
        let id: String
        let path: String
        let black: Double
        /// Time of the first cut; nil for one continuous shot.
        let cut: Double?
        let sound: Double
        let impressions: Int
        let views3s: Int
    }

    static let duration = 3.5

    let folder: URL
    let creatives: [Creative]

    /// The true rule: −3.5 pp per second before the first cut (3.5 s without one), −6 pp per second of black,
    /// −3 pp per second of silence, around 28 %, plus noise (σ 0.6 pp).
    static func hookRate(black: Double, cut: Double?, sound: Double, noise: Double) -> Double {
        0.28 - 0.035 * (cut ?? duration) - 0.06 * black - 0.03 * sound + 0.006 * noise
    }

    init(count: Int, seed: UInt64) throws {
        folder = try Fixtures.temporaryDirectory("hook-calibration")
        var random = SplitMix(state: seed)
        var made: [Creative] = []
        for i in 0..<count {
            let black = random.unit() < 0.35 ? ((0.3 + 0.7 * random.unit()) * 10).rounded() / 10 : 0
            let cut: Double? = random.unit() < 0.15 ? nil : ((black + 0.5 + (2.9 - black) * random.unit()) * 10).rounded() / 10
            let sound = random.unit() < 0.4 ? ((0.3 + 1.4 * random.unit()) * 10).rounded() / 10 : 0.05
            let impressions = 3000 + Int(17000 * random.unit())
            let rate = CalibrationAccount.hookRate(black: black, cut: cut, sound: sound, noise: random.normal())
            let id = String(format: "ad%02d", i)
            made.append(Creative(id: id, path: folder.appendingPathComponent("\(id).mp4").path, black: black, cut: cut, sound: sound,
                                 impressions: impressions, views3s: Int((Double(impressions) * rate).rounded())))
        }
        creatives = made
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: made.count) { index in
            do { try CalibrationAccount.encode(made[index], variant: index) } catch { errors.add(error) }
        }
        if let first = errors.first { throw first }
    }

    /// The export: two days per creative (impressions split 40/60), clipkit's generic columns.
    func export(plan: String, rate: ((Creative) -> (Int, Int))? = nil) -> String {
        var text = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"
        for creative in creatives {
            let (impressions, views) = rate?(creative) ?? (creative.impressions, creative.views3s)
            let firstImpressions = impressions * 4 / 10, firstViews = views * 4 / 10
            text += "2026-11-18,\(plan),\(creative.id),\(firstImpressions),\(firstImpressions / 100),\(firstViews),10,1,30\n"
            text += "2026-11-19,\(plan),\(creative.id),\(impressions - firstImpressions),\(impressions / 100),\(views - firstViews),10,1,30\n"
        }
        return text
    }

    private static func encode(_ c: Creative, variant: Int) throws {
        let size = "s=180x320:r=30"
        let hue = "hue=h=\(variant * 37 % 360)"
        var video = c.cut.map { cut in
            "testsrc2=\(size):d=\(cut),\(hue)[s1];testsrc=\(size):d=\(String(format: "%.1f", duration - cut)),negate[s2];[s1][s2]concat=n=2:v=1:a=0"
        } ?? "testsrc2=\(size):d=\(duration),\(hue)"
        if c.black > 0 { video += ",fade=in:st=0:d=\(c.black)" }
        let audio = "sine=f=\(300 + variant * 7):d=\(duration):sample_rate=48000,volume=0.3,adelay=\(Int(c.sound * 1000)):all=1,atrim=0:\(duration),asetnsamples=n=1024:p=0"
        try Fixtures.ffmpeg(["-filter_complex", "\(video)[v];\(audio)[a]", "-map", "[v]", "-map", "[a]",
                             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", c.path])
    }
}

/// Deterministic pseudo-random numbers (SplitMix64).
struct SplitMix {
    var state: UInt64
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
    /// Roughly standard normal (sum of 12 uniforms − 6).
    mutating func normal() -> Double { (0..<12).reduce(0) { acc, _ in acc + unit() } - 6 }
}

/// Errors collected from concurrent work.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
    var first: Error? { lock.lock(); defer { lock.unlock() }; return errors.first }
}
