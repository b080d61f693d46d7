/// One imported line of performance: a creative on a day (and optionally an hour) from one source.
public struct StatRow: Hashable, Sendable {
    /// The plan the export names, when it names one.
    public var planID: String?
    public var creativeID: String
    public var date: Day
    /// 0–23 for hourly exports; nil for a whole day.
    public var hour: Int?
    /// Where the numbers come from (the import format: generic, qianchuan, meta, tiktok, google).
    public var source: String
    public var metrics: Metrics
    /// The line of the file it was read from, for error messages.
    public var line: Int?

    public init(planID: String?, creativeID: String, date: Day, hour: Int? = nil, source: String, metrics: Metrics, line: Int? = nil) {
        self.line = line
        self.planID = planID
        self.creativeID = creativeID
        self.date = date
        self.hour = hour
        self.source = source
        self.metrics = metrics
    }
}
