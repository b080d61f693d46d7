/// The ranking preset (`Presets/highlights/*.yaml`): weights, penalties, event lags, column aliases, selection.
public struct HighlightConfig: Codable, Sendable {
    /// Weight of each per-second component.
    public struct Weights: Codable, Sendable {
        public var loudness, speech, motion, cuts: Double
        public var orders, gmv, comments, likes, entries, viewers: Double
        public var keywords: Double
    }

    /// Score taken off per black, frozen or silent second.
    public struct Penalties: Codable, Sendable {
        public var black, frozen, silent: Double
    }

    /// How live-room metrics are read and credited.
    public struct Events: Codable, Sendable {
        public var lagMin: Double
        public var lagMax: Double
        public var interactionLagMax: Double
        /// Column name → header aliases.
        public var columns: [String: [String]]
    }

    /// How transcript cue hits spread their credit.
    public struct Keywords: Codable, Sendable {
        public var spanBefore: Double
        public var spanAfter: Double
    }

    /// How windows are chosen.
    public struct Selection: Codable, Sendable {
        public var count: Int
        public var minDuration: Double
        public var maxDuration: Double
        public var targetDuration: Double
        public var durationStep: Double
        public var minGap: Double
        public var snap: Double
        public var opening: Double
        public var openingWeight: Double
        public var durationWeight: Double
        public var edgeWeight: Double
    }

    public var version: Int
    public var weights: Weights
    public var penalties: Penalties
    public var clampZ: Double
    public var events: Events
    public var keywords: Keywords
    public var selection: Selection

    enum CodingKeys: String, CodingKey {
        case version, weights, penalties, events, keywords, selection
        case clampZ = "clamp_z"
    }
}

extension HighlightConfig.Events {
    enum CodingKeys: String, CodingKey {
        case columns
        case lagMin = "lag_min", lagMax = "lag_max", interactionLagMax = "interaction_lag_max"
    }
}

extension HighlightConfig.Keywords {
    enum CodingKeys: String, CodingKey {
        case spanBefore = "span_before", spanAfter = "span_after"
    }
}

extension HighlightConfig.Selection {
    enum CodingKeys: String, CodingKey {
        case count, snap, opening
        case minDuration = "min_duration", maxDuration = "max_duration", targetDuration = "target_duration"
        case durationStep = "duration_step", minGap = "min_gap", openingWeight = "opening_weight"
        case durationWeight = "duration_weight", edgeWeight = "edge_weight"
    }
}
