/// Where a creative stands in its plan's rotation.
public enum CreativeStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Ready to go live, never (or not currently) active.
    case candidate
    /// Live on the platform.
    case active
    /// Taken off for fatigue; may be revived after its cooldown.
    case resting
    /// Taken off for good (unprofitable, or by hand).
    case retired
}

/// A creative: a media file (a cut clip, an edited ad) or just a platform material ID, in one plan.
public struct Creative: Hashable, Sendable, Codable {
    public var id: String
    public var planID: String
    /// The ad platform's ID for it (material ID, Ad ID), when it differs from `id`.
    public var externalID: String?
    public var mediaPath: String?
    public var sha256: String?
    public var durationSeconds: Double?
    public var width: Int?
    public var height: Int?
    public var sizeBytes: Int?
    /// The hook module's first-three-seconds score (0–100); nil until that module scores it.
    public var hookScore: Double?
    /// The hook rate (3-second views ÷ impressions) a calibrated preset predicts for it; nil without one.
    public var predictedHookRate: Double?
    /// The recording it was cut from, and the span in seconds, when `clipkit extract` made it.
    public var sourceRecording: String?
    public var sourceStart: Double?
    public var sourceEnd: Double?
    public var status: CreativeStatus
    /// The day a resting creative may come back.
    public var restingUntil: Day?
    /// The day it last went live, when it has.
    public var activatedOn: Day?
    /// ISO 8601 timestamps.
    public var createdAt: String
    public var updatedAt: String

    public init(id: String, planID: String, externalID: String? = nil, mediaPath: String? = nil, sha256: String? = nil,
                durationSeconds: Double? = nil, width: Int? = nil, height: Int? = nil, sizeBytes: Int? = nil,
                hookScore: Double? = nil, predictedHookRate: Double? = nil, sourceRecording: String? = nil, sourceStart: Double? = nil, sourceEnd: Double? = nil,
                status: CreativeStatus = .candidate, restingUntil: Day? = nil, activatedOn: Day? = nil,
                createdAt: String, updatedAt: String? = nil) {
        self.id = id
        self.planID = planID
        self.externalID = externalID
        self.mediaPath = mediaPath
        self.sha256 = sha256
        self.durationSeconds = durationSeconds
        self.width = width
        self.height = height
        self.sizeBytes = sizeBytes
        self.hookScore = hookScore
        self.predictedHookRate = predictedHookRate
        self.sourceRecording = sourceRecording
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.status = status
        self.restingUntil = restingUntil
        self.activatedOn = activatedOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// True when both were cut from overlapping spans of the same recording.
    public func sharesSourceSpan(with other: Creative) -> Bool {
        guard let recording = sourceRecording, recording == other.sourceRecording else { return false }
        guard let start = sourceStart, let end = sourceEnd, let otherStart = other.sourceStart, let otherEnd = other.sourceEnd else {
            return true  // same recording, span unknown: treat as the same span
        }
        return start < otherEnd && otherStart < end
    }
}
