import ClipImport
import Foundation
import Testing

/// Bad input: one clear error naming the file and the row, nothing read past it.
@Suite struct BadInputTests {
    let header = "date,plan_id,creative_id,impressions,clicks,views_3s,spend,orders,revenue\n"

    func error(_ path: String) throws -> ImportError {
        do {
            _ = try ImportFixtures.read(path)
        } catch let error as ImportError {
            return error
        }
        throw ImportError(file: path, "no error")
    }

    @Test func missingFile() throws {
        let e = try error("/nonexistent/export.csv")
        #expect(e.description == "/nonexistent/export.csv: no such file")
    }

    @Test func excelMangledID() throws {
        let path = try ImportFixtures.file(header + "2026-11-01,p,1.2E+17,100,2,10,1.0,0,0\n")
        let e = try error(path)
        #expect(e.row == 2 && e.message.contains("Excel") && e.description.hasPrefix(path))
    }

    @Test func exportWithoutDailyBreakdown() throws {
        let meta = "Reporting starts,Reporting ends,Ad ID,Impressions,Amount spent (EUR)\n2026-11-01,2026-11-30,123,1000,5.00\n"
        let e = try error(try ImportFixtures.file(meta))
        #expect(e.row == 2 && e.message.contains("no daily breakdown"))
        let noDate = "Ad ID,Impressions,Amount spent (USD)\n123,1000,5.00\n"
        let e2 = try error(try ImportFixtures.file(noDate))
        #expect(e2.message.contains("no daily breakdown"))
    }

    @Test func duplicateRows() throws {
        let path = try ImportFixtures.file(header + "2026-11-01,p,c1,100,2,10,1,0,0\n2026-11-02,p,c1,100,2,10,1,0,0\n2026-11-01,p,c1,100,3,10,1,0,0\n")
        let e = try error(path)
        #expect(e.row == 4 && e.message.contains("duplicates row 2"))
    }

    @Test func malformedNumberAndDate() throws {
        let e = try error(try ImportFixtures.file(header + "2026-11-01,p,c1,1OO,2,10,1,0,0\n"))
        #expect(e.row == 2 && e.message.contains("impressions '1OO' is not a number"))
        let e2 = try error(try ImportFixtures.file(header + "11/01/2026,p,c1,100,2,10,1,0,0\n"))
        #expect(e2.row == 2 && e2.message.contains("unreadable date"))
        let e3 = try error(try ImportFixtures.file(header + "2026-11-01,p,c1,100,2.5,10,1,0,0\n"))
        #expect(e3.message.contains("not a whole number"))
    }

    @Test func shortRowAndUnclosedQuote() throws {
        let e = try error(try ImportFixtures.file(header + "2026-11-01,p,c1,100\n"))
        #expect(e.row == 2 && e.message.contains("has 4 fields"))
        let e2 = try error(try ImportFixtures.file(header + "2026-11-01,p,\"c1,100,2,10,1,0,0\n"))
        #expect(e2.row == 2 && e2.message.contains("never closed"))
    }

    @Test func wrongEncoding() throws {
        // Starts as UTF-8 for more than a megabyte, then a Latin-1 byte: mixed encodings.
        var data = Data(header.utf8)
        var line = 0
        while data.count < 1_100_000 {
            line += 1
            data += Data("2026-11-01,p,c\(line),100,2,10,1,0,0\n".utf8)
        }
        data += Data([0x63, 0xE9, 0x2C]) + Data("x\n".utf8)
        let e = try error(try ImportFixtures.file(data))
        #expect(e.message.contains("not valid UTF-8"))
        // Bytes that are neither UTF-8 nor GB18030.
        let e2 = try error(try ImportFixtures.file(Data("date,creative_id,impressions\n".utf8) + Data([0xFF, 0xFF, 0x0A])))
        #expect(e2.message.contains("GB18030"))
    }

    @Test func noRecognisableHeader() throws {
        let e = try error(try ImportFixtures.file("foo,bar\n1,2\n"))
        #expect(e.message.contains("no header"))
        let e2 = try error(try ImportFixtures.file(""))
        #expect(e2.message.contains("empty"))
    }
}

@Suite struct FieldParserTests {
    @Test func numbersAsSpreadsheetsWriteThem() {
        #expect(FieldParser.number("1,234.50") == .value(1234.5))
        #expect(FieldParser.number("¥1,234") == .value(1234))
        #expect(FieldParser.number("US$12.00") == .value(12))
        #expect(FieldParser.number("12.00 CNY") == .value(12))
        #expect(FieldParser.number("12.5%") == .value(0.125))
        #expect(FieldParser.number("--") == .absent)
        #expect(FieldParser.number("-") == .absent)
        #expect(FieldParser.number("") == .absent)
        #expect(FieldParser.number("abc") == .invalid)
        #expect(FieldParser.identifier("=\"7301234567890123456\"").id == "7301234567890123456")
        #expect(FieldParser.identifier("7.30123E+18").mangled)
        #expect(!FieldParser.identifier("7301234567890123456").mangled)
        #expect(FieldParser.date("2026年11月1日")?.day == "2026-11-1")
        #expect(FieldParser.date("2026-11-01 13:00:00")?.hour == 13)
    }
}
