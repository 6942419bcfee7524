@testable import Normalize
import Testing

/// `PeriodReader.mayRead(numeralAt:in:)` and `mayRead(wordAt:in:)` turn away only positions
/// where `read` finds nothing.
@Suite struct PeriodReaderNumeralTests {
    @Test(arguments: [
        "3月", "12月底", "7 月", "二季度", "三、四季度", "1-6月", "4、5月", "15日", "十二月", "二〇二三年", "2023年", "2023 年",
        "2023-03-06", "2021-2030年", "2023至2025年",
    ])
    func keepsWhatMayBeAPeriod(_ string: String) {
        let text = ScalarText(string)
        #expect(PeriodReader.mayRead(numeralAt: 0, in: text))
    }

    @Test(arguments: ["3亿元", "100%", "一批", "进一步", "123月", "20231年", "2023元", "二三四五月", "5个"])
    func turnsAwayOtherNumbers(_ string: String) {
        let text = ScalarText(string)
        let start = text.withScalars { scalars in scalars.firstIndex { $0.isASCIIDigit || NumberReader.chineseDigit($0) != nil } ?? 0 }
        #expect(!PeriodReader.mayRead(numeralAt: start, in: text))
        #expect(PeriodReader.read(text, at: start) == nil)
    }

    @Test(arguments: ["第一季度", "前三季度", "上半年", "全年", "年底", "今年", "明年", "元旦", "春节", "中秋", "上旬", "国庆节"])
    func keepsWhatMayBeAPeriodWord(_ string: String) {
        let text = ScalarText(string)
        #expect(PeriodReader.mayRead(wordAt: 0, in: text))
        #expect(PeriodReader.read(text, at: 0) != nil)
    }

    @Test(arguments: ["中心", "上级", "全面", "国家", "元。", "本项", "明确"])
    func turnsAwayOtherWords(_ string: String) {
        let text = ScalarText(string)
        #expect(!PeriodReader.mayRead(wordAt: 0, in: text))
        #expect(PeriodReader.read(text, at: 0) == nil)
    }

    /// The filter is written by hand beside the readers: over every scalar that may follow a
    /// numeral (ASCII, CJK punctuation, the ideographs, full-width forms), a position it turns
    /// away is one where `read` finds nothing.
    @Test(arguments: ["3", "12", "2023", "20231", "三", "十二", "二〇二三"])
    func turnsAwayOnlyWhatReadFindsNothingIn(_ numeral: String) {
        let followers = Array(0x20...0x7E) + Array(0x3000...0x303F) + Array(0x4E00...0x9FFF) + Array(0xFF01...0xFF5E)
        var wronglyTurnedAway: [String] = []
        for value in followers {
            let text = ScalarText(numeral + String(Unicode.Scalar(UInt32(value))!) + "底")
            if !PeriodReader.mayRead(numeralAt: 0, in: text), PeriodReader.read(text, at: 0) != nil {
                wronglyTurnedAway.append(numeral + String(Unicode.Scalar(UInt32(value))!))
            }
        }
        #expect(wronglyTurnedAway.isEmpty, "turned away, but read finds a period: \(wronglyTurnedAway.prefix(8))")
    }

    /// A list of quarters or months is kept as packed numbers and read back as printed.
    @Test func keepsListsAsTheirNumbers() {
        let base = Period(span: .year, year: 2024)
        let months = PeriodReader.NumberedPeriods([12, 1, 7, 7, 10, 11, 2, 3, 4, 5, 6, 9], unit: .month, of: base)
        #expect(months.count == 12)
        #expect(months.periods.map(\.span) == [12, 1, 7, 7, 10, 11, 2, 3, 4, 5, 6, 9].map { Period.Span.month($0) })
        #expect(months.periods.allSatisfy { $0.year == 2024 })
        let quarters = PeriodReader.NumberedPeriods([4, 2], unit: .quarter, of: Period(span: .year))
        #expect(quarters.periods == [Period(span: .quarter(4)), Period(span: .quarter(2))])
        let read = PeriodReader.read(ScalarText("二、三、四季度"), at: 0)
        #expect(read?.periods == [2, 3, 4].map { Period(span: .quarter($0)) })
    }
}
