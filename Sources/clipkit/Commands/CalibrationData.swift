import ClipRotation
import ClipStore

/// The creatives `hook calibrate` learns from: those with a media file and at least the minimum impressions,
/// with their summed impressions and 3-second views; and how many were left out, and why.
struct CalibrationData {
    /// A qualified creative.
    struct Candidate {
        var id: String
        var path: String
        var impressions: Int
        var views3s: Int
    }

    /// Creatives left out, by reason.
    struct Excluded: Encodable {
        var noMedia = 0
        var fewImpressions = 0
        var noViews3s = 0
    }

    var qualified: [Candidate] = []
    var excluded = Excluded()
    let minImpressions: Int

    /// Reads the creatives of `plan` (or of every plan) and their stats since `since`.
    static func gather(store: RotationStore, plan: String?, since: Day?, minImpressions: Int) async throws -> CalibrationData {
        var planIDs = try await store.plans().map(\.id)
        if let plan {
            guard planIDs.contains(plan) else { throw CalibrationRefusal("unknown plan '\(plan)'") }
            planIDs = [plan]
        }
        var data = CalibrationData(minImpressions: minImpressions)
        for planID in planIDs {
            let series = try await store.series(planID: planID, since: since, through: nil)
            for creative in try await store.creatives(planID: planID, status: nil).sorted(by: { $0.id < $1.id }) {
                let total = series[creative.id]?.total ?? Metrics()
                guard let path = creative.mediaPath else { data.excluded.noMedia += 1; continue }
                guard let impressions = total.impressions, impressions >= minImpressions else { data.excluded.fewImpressions += 1; continue }
                guard let views = total.views3s else { data.excluded.noViews3s += 1; continue }
                data.qualified.append(Candidate(id: creative.id, path: path, impressions: impressions, views3s: views))
            }
        }
        return data
    }

    /// "left out: 3 without a media file, 5 with fewer than 1000 impressions, 0 without 3-second views".
    var exclusionSummary: String {
        "left out: \(excluded.noMedia) without a media file, \(excluded.fewImpressions) with fewer than \(minImpressions) impressions, "
            + "\(excluded.noViews3s) without 3-second views in the stats"
    }
}
