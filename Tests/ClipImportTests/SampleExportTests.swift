import Foundation
import ClipImport
import ClipRotation
import Testing

/// The shipped sample exports (real header names of each platform) read as exported.
@Suite struct SampleExportTests {
    @Test func genericCSV() throws {
        let (rows, summary) = try ImportFixtures.read(ImportFixtures.sample("generic-daily.csv"))
        #expect(summary.format == "generic" && summary.encoding == "UTF-8")
        #expect(rows.count == 48)
        let first = try #require(rows.first)
        #expect(first.planID == "spring-sale" && first.creativeID == "c1" && first.date == Day("2026-11-09"))
        #expect(first.metrics == Metrics(impressions: 18_942, clicks: 393, views3s: 5_841, spend: 395.45, orders: 8, revenue: 1_040.03))
        #expect(first.line == 2)
    }

    @Test func qianchuanInGB18030WithThousandsSeparatorsPlaceholdersAndTotal() throws {
        let (rows, summary) = try ImportFixtures.read(ImportFixtures.sample("qianchuan-gb18030.csv"))
        #expect(summary.format == "qianchuan" && summary.encoding == "GB18030")
        #expect(rows.count == 8 && summary.totalRowsDropped == 1)
        let first = try #require(rows.first)
        #expect(first.creativeID == "7301234567890123456" && first.planID == "1789000000000001")
        #expect(first.metrics.impressions == 29_047 && first.metrics.spend == 760.08 && first.metrics.views3s == 10_262)
        #expect(first.metrics.revenue == 1_149.09 && first.source == "qianchuan")
    }

    @Test func metaWithBOMCurrencySuffixAndEmptyPurchases() throws {
        let (rows, summary) = try ImportFixtures.read(ImportFixtures.sample("meta-ads-bom.csv"))
        #expect(summary.format == "meta" && summary.encoding == "UTF-8 with BOM")
        #expect(rows.count == 8)
        let first = try #require(rows.first)
        #expect(first.creativeID == "120210000000000001" && first.planID == "23850000000000001")
        #expect(first.metrics.spend == 155.00 && first.metrics.reach == 10_428 && first.metrics.views3s == 2_953)
        #expect(first.metrics.frequency != nil)
    }

    @Test func tiktokByDay() throws {
        let (rows, summary) = try ImportFixtures.read(ImportFixtures.sample("tiktok-ads.csv"))
        #expect(summary.format == "tiktok" && rows.count == 8)
        #expect(rows.first?.metrics.views3s == 9_777 && rows.first?.metrics.clicks == 298 && rows.first?.metrics.orders == 18)
    }

    @Test func googleAdsWithTitleLinesAndTotalRows() throws {
        let (rows, summary) = try ImportFixtures.read(ImportFixtures.sample("google-ads.csv"))
        #expect(summary.format == "google" && summary.headerLine == 3)
        #expect(rows.count == 8 && summary.totalRowsDropped == 3)
        #expect(rows.first?.metrics.impressions == 5_534 && rows.first?.metrics.views3s == nil && rows.first?.metrics.orders == 6)
    }

    @Test func utf16TabSeparatedExportsReadToo() throws {
        let text = "Day\tAd group ID\tAd ID\tImpr.\tClicks\tCost\n2026-11-17\t15\t690\t1,000\t10\t5.00\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (rows, summary) = try ImportFixtures.read(try ImportFixtures.file(Data(bytes)))
        #expect(summary.encoding == "UTF-16LE" && rows.count == 1 && rows.first?.metrics.impressions == 1_000)
    }
}
