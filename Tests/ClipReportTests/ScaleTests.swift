import ClipReport
import ClipRotation
import Testing

@Suite struct ScaleTests {
    @Test func linearScaleMapsEndsAndMiddle() {
        let y = LinearScale(domain: 0...10, range: (200, 0))
        #expect(y(0) == 200)
        #expect(y(10) == 0)
        #expect(y(2.5) == 150)
    }

    @Test func degenerateDomainMapsToTheMiddle() {
        let y = LinearScale(domain: 5...5, range: (100, 0))
        #expect(y(5) == 50)
    }

    @Test func ticksAreRoundAndInsideTheDomain() {
        let ticks = LinearScale(domain: 0...0.025, range: (0, 1)).ticks(5)
        #expect(ticks.count == 6)
        #expect(abs(ticks[1] - 0.005) < 1e-12)
        #expect(abs(ticks.last! - 0.025) < 1e-12)
        #expect(LinearScale(domain: 0...130, range: (0, 1)).ticks(5) == [0, 50, 100], "step 26 rounds up to 50; 150 is outside")
        #expect(LinearScale(domain: 0...0.025, range: (0, 1)).ticks(5).first?.sign == .plus, "no −0 tick label")
    }

    @Test func niceDomainCoversValuesWithRoundEndsAndZero() {
        #expect(LinearScale.niceDomain([0.014, 0.021], includeZero: true) == 0...0.025)
        #expect(LinearScale.niceDomain([], includeZero: true) == 0...1)
        let single = LinearScale.niceDomain([2.0], includeZero: true)
        #expect(single.lowerBound == 0 && single.upperBound >= 2.0)
        let negative = LinearScale.niceDomain([-3, -1], includeZero: false)
        #expect(negative.lowerBound <= -3 && negative.upperBound >= -1 && negative.upperBound < 0)
        #expect(LinearScale.niceDomain([.nan, .infinity, 4], includeZero: true) == 0...4)
    }

    @Test func dayScaleCentresDaysInEqualColumns() {
        let first = Day("2026-11-01")!
        let x = DayScale(first: first, last: Day("2026-11-10")!, range: (0, 100))
        #expect(x.count == 10)
        #expect(x.center(first) == 5)
        #expect(x.leading(Day("2026-11-10")!) == 90)
        #expect(x.trailing(Day("2026-11-10")!) == 100)
        #expect(x.ticks(maxLabels: 4).map(DayScale.label) == ["11-01", "11-04", "11-07", "11-10"])
    }

    @Test func aSingleDayFillsTheRange() {
        let day = Day("2026-11-05")!
        let x = DayScale(first: day, last: day, range: (10, 110))
        #expect(x.count == 1 && x.center(day) == 60 && x.ticks(maxLabels: 7) == [day])
    }

    @Test func tickLabelsUseTheDecimalsTheStepNeeds() {
        #expect(ValueFormat.percent.tick(0.005, step: 0.005) == "0.5%")
        #expect(ValueFormat.percent.tick(0.02, step: 0.01) == "2%")
        #expect(ValueFormat.multiple.tick(2.5, step: 0.5) == "2.5×")
        #expect(ValueFormat.money.tick(40, step: 20) == "40")
        #expect(ValueFormat.count(1_234_567) == "1,234,567" && ValueFormat.count(999) == "999")
    }
}
