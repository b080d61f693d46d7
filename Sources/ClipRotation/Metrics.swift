/// Performance counts of one creative over a period. A nil field was absent from the export (not zero).
public struct Metrics: Hashable, Sendable, Codable {
    public var impressions: Int?
    public var clicks: Int?
    /// Plays of at least three seconds (or the platform's nearest: TikTok's 2-second views).
    public var views3s: Int?
    public var spend: Double?
    public var orders: Int?
    public var revenue: Double?
    /// People reached (not additive across days; summed only as an upper bound).
    public var reach: Int?
    /// Average impressions per person, as exported.
    public var frequency: Double?
    public var completions: Int?

    public init(impressions: Int? = nil, clicks: Int? = nil, views3s: Int? = nil, spend: Double? = nil, orders: Int? = nil,
                revenue: Double? = nil, reach: Int? = nil, frequency: Double? = nil, completions: Int? = nil) {
        self.impressions = impressions
        self.clicks = clicks
        self.views3s = views3s
        self.spend = spend
        self.orders = orders
        self.revenue = revenue
        self.reach = reach
        self.frequency = frequency
        self.completions = completions
    }

    /// The sum of two periods; frequency is averaged weighted by impressions.
    public func adding(_ other: Metrics) -> Metrics {
        func sum<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? {
            switch (a, b) {
            case (nil, nil): return nil
            default: return (a ?? .zero) + (b ?? .zero)
            }
        }
        var result = Metrics(impressions: sum(impressions, other.impressions), clicks: sum(clicks, other.clicks),
                             views3s: sum(views3s, other.views3s), spend: sum(spend, other.spend),
                             orders: sum(orders, other.orders), revenue: sum(revenue, other.revenue),
                             reach: sum(reach, other.reach), completions: sum(completions, other.completions))
        switch (frequency, other.frequency) {
        case (nil, nil): result.frequency = nil
        case let (a?, nil): result.frequency = a
        case let (nil, b?): result.frequency = b
        case let (a?, b?):
            let wa = Double(impressions ?? 0), wb = Double(other.impressions ?? 0)
            result.frequency = wa + wb > 0 ? (a * wa + b * wb) / (wa + wb) : (a + b) / 2
        }
        return result
    }

    /// Sum of many periods.
    public static func total<S: Sequence>(_ periods: S) -> Metrics where S.Element == Metrics {
        periods.reduce(Metrics()) { $0.adding($1) }
    }

    public var ctr: Double? { ratio(clicks, impressions) }
    public var viewRate3s: Double? { ratio(views3s, impressions) }
    /// Orders per click.
    public var cvr: Double? { ratio(orders, clicks) }
    /// Spend per order; nil without orders.
    public var cpa: Double? {
        guard let spend, let orders, orders > 0 else { return nil }
        return spend / Double(orders)
    }
    /// Spend per thousand impressions.
    public var cpm: Double? {
        guard let spend, let impressions, impressions > 0 else { return nil }
        return spend * 1000 / Double(impressions)
    }
    /// Revenue per unit of spend (ROI as ad buyers say it: 2.0 means 1:2).
    public var roi: Double? {
        guard let spend, let revenue, spend > 0 else { return nil }
        return revenue / spend
    }
    /// Frequency as exported, else impressions per person reached.
    public var effectiveFrequency: Double? {
        if let frequency { return frequency }
        guard let reach, reach > 0, let impressions else { return nil }
        return Double(impressions) / Double(reach)
    }

    private func ratio(_ numerator: Int?, _ denominator: Int?) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return Double(numerator) / Double(denominator)
    }
}
