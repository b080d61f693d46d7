/// The stats upsert both stores share: a row whose key exists is updated only when a value differs (so an
/// identical re-import writes nothing and counts as skipped).
enum StatsSQL {
    static let columns = "creative_id, date, hour, source, impressions, clicks, views_3s, spend, orders, revenue, reach, frequency, completions, batch_id"

    static let onConflict = """
        ON CONFLICT (creative_id, date, hour, source) DO UPDATE SET
            impressions = excluded.impressions, clicks = excluded.clicks, views_3s = excluded.views_3s, spend = excluded.spend,
            orders = excluded.orders, revenue = excluded.revenue, reach = excluded.reach, frequency = excluded.frequency,
            completions = excluded.completions, batch_id = excluded.batch_id
        WHERE stats.impressions IS DISTINCT FROM excluded.impressions OR stats.clicks IS DISTINCT FROM excluded.clicks
            OR stats.views_3s IS DISTINCT FROM excluded.views_3s OR stats.spend IS DISTINCT FROM excluded.spend
            OR stats.orders IS DISTINCT FROM excluded.orders OR stats.revenue IS DISTINCT FROM excluded.revenue
            OR stats.reach IS DISTINCT FROM excluded.reach OR stats.frequency IS DISTINCT FROM excluded.frequency
            OR stats.completions IS DISTINCT FROM excluded.completions
        """
}
