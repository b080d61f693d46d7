@testable import ClipStore
import ClipRotation
import Testing

/// Reading the per-creative stat text the PostgreSQL store asks the server for.
@Suite struct StatRowsTextTests {
    @Test func rowsComeBackWithTheirNullsAndExactDoubles() throws {
        var rows: [(String, Metrics)] = []
        try StatRowsText.read("2026-01-01,100,3,40,12.5,1,99.9,,,;2026-01-02,0,0,0,0.1,0,1e-05,80,1.25,7") { rows.append(($0, $1)) }
        #expect(rows.map(\.0) == ["2026-01-01", "2026-01-02"])
        #expect(rows[0].1 == Metrics(impressions: 100, clicks: 3, views3s: 40, spend: 12.5, orders: 1, revenue: 99.9))
        #expect(rows[1].1 == Metrics(impressions: 0, clicks: 0, views3s: 0, spend: 0.1, orders: 0, revenue: 0.00001, reach: 80, frequency: 1.25,
                                     completions: 7))
    }

    @Test func aRowThatDoesNotReadIsAnErrorNamingIt() {
        for text in ["2026-01-01,1,2", "2026-01-01,x,0,0,0,0,0,,,", "2026-01-01,1,0,0,zero,0,0,,,"] {
            #expect(throws: StoreError.self) { try StatRowsText.read(text) { _, _ in } }
        }
        do {
            try StatRowsText.read("2026-01-01,1,2") { _, _ in }
        } catch {
            #expect("\(error)" == "unreadable stat row from the server: '2026-01-01,1,2'")
        }
    }
}
