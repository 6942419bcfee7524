@testable import Normalize
import PlanModel
import Testing

/// The scalar shortcuts of record building give what the `Character` and `String` ways give.
@Suite struct ScalarShortcutTests {
    @Test func characterPrefixByScalars() {
        func length(_ text: String, _ count: Int) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { TextCleanup.utf8Length(ofCharacters: count, in: $0) }
        }
        #expect(length("一季度，完成", 3) == "一季度".utf8.count)
        #expect(length("ab", 5) == 2)
        #expect(length("", 2) == 0)
        // A combining mark or a CR LF pair joins scalars into one Character: no shortcut.
        #expect(length("ae\u{301}x", 2) == nil)
        #expect(length("a\r\nb", 3) == nil)
        // The scalar right after the prefix is checked too.
        #expect(length("abe\u{301}", 2) == "ab".utf8.count)
        #expect(length("ab\u{301}", 2) == nil)
    }

    @Test func collapsingKeepsItsRules() {
        #expect(TextCleanup.singleLine("  一季度，\u{3000}完成 \r\n 调研  ") == "一季度， 完成调研")
        #expect(TextCleanup.collapsingWhitespace(" a\u{A0} b\n\n c ") == "a b\nc")
        #expect(TextCleanup.collapsingWhitespace("无空格") == "无空格")
        #expect(Array("  a  b ".utf8).withUnsafeBufferPointer(TextCleanup.singleLine) == "a b")
    }

    @Test func aSliceReadsAsItsOwnText() {
        let whole = ScalarText("一季度，完成。\n２０２３年６月底前")
        let line = whole.slice(8..<whole.count)
        let alone = ScalarText("２０２３年６月底前")
        #expect(line.scalars == alone.scalars)
        #expect(line.string(0..<5) == "２０２３年")
        #expect(line.utf8Offset(line.count) == "２０２３年６月底前".utf8.count)
    }

    @Test func simplifyingWhileDecodingFoldsLikeTheKey() {
        let printed = "二、三季度，推動項目建設"
        #expect(ScalarText(printed, simplifyingScript: true).scalars == ScalarText(CharacterFold.simplifiedKey(printed)).scalars)
        #expect(ScalarText(printed, simplifyingScript: true).string(0..<5) == "二、三季度")
    }

    @Test func scanningStepByStepFindsWhatAScanFinds() {
        let text = ScalarText("一季度，完成。二季度，6月底前验收；每月调度。")
        var all = TimeScanner(text, documentYear: 2023)
        var stepwise = TimeScanner(text, documentYear: 2023)
        var found: [TimeMatch] = []
        while let next = stepwise.next() {
            let match = stepwise.match(next)
            #expect(text.string(next.start..<next.start + 1) == String(match.text.prefix(1)))
            #expect(next.kind == match.time.kind && next.grain == match.time.grain)
            found.append(match)
        }
        #expect(found == all.scan())
        #expect(ScheduleSplitter.firstItemTime(in: text, year: 2023) == ScheduleSplitter.split(text.text, year: 2023).first?.when)
    }

    @Test func leadingTimeReadsTheFirstDatedLine() {
        let milestone = "公办中小学学位方面：\n二季度，推动完工。"
        #expect(TaskRecordAssembler.leadingTime(of: milestone, year: 2023)?.ref == "2023-Q2")
        #expect(TaskRecordAssembler.leadingTime(of: "在2012年10月底前出台办法", year: nil)?.ref == "2012-10-31")
        #expect(TaskRecordAssembler.leadingTime(of: "每月调度", year: 2023) == nil)
    }

    @Test func aHeaderNamesItsPeriodInItsLastPart() {
        #expect(TableTaskBuilder.headerPeriod("季度进度安排/一季度") == "一季度")
        #expect(TableTaskBuilder.headerPeriod("季度进度安排/一季度/") == "一季度")
        #expect(TableTaskBuilder.headerPeriod("季度进度安排") == nil)
    }

    @Test func numericCellsReadByScalarsAsByCharacters() {
        let cell = NumericCell(" 1,200（扩招） ")
        #expect(cell?.number == "1200")
        #expect(cell?.note == "扩招")
        #expect(NumericCell("+3.5%")?.number == "+3.5")
        #expect(NumericCell("+3.5%")?.isPercent == true)
        #expect(NumericCell("12()")?.note == nil)
        #expect(NumericCell(".5") == nil)
        #expect(NumericCell("3-5") == nil)
        #expect(NumericCell("1.2.3") == nil)
        #expect(NumericCell("1.建设项目（一期）") == nil)
        // A combining mark after a space joins it: the space-led character is dropped whole.
        #expect(NumericCell("5 \u{301}") == NumericCell("5"))
        #expect(NumericCell.isEmptyMark(" —— "))
        #expect(NumericCell.isEmptyMark("无"))
        #expect(!NumericCell.isEmptyMark("无 数据"))
        #expect(NumericCell.isEmptyMark(" \n "))
    }

    @Test func quantityPrefilterSeesEveryNumeralAStartCanBe() {
        for text in ["完成3个", "完成３个", "新建一所", "兩個", "十家", "百分之五", "八项", "四个", "五", "六", "七", "九", "二", "三"] {
            #expect(QuantityScanner.mayFindQuantity(in: text), "\(text)")
        }
        for text in ["加快推进项目建设", "", "abc", "〇号", "é✓🙂"] {
            #expect(!QuantityScanner.mayFindQuantity(in: text), "\(text)")
            #expect(QuantityParser.parse(text).isEmpty)
        }
        // 百, 千 and 万 may open a count (万名), so the filter lets them through; the scanner
        // then finds nothing where no 名 follows.
        for text in ["千万", "萬家", "百村"] {
            #expect(QuantityScanner.mayFindQuantity(in: text), "\(text)")
            #expect(QuantityParser.parse(text).isEmpty)
        }
        #expect(QuantityScanner.mayFindQuantity(in: "萬名"))
    }

    @Test func lineFeedsAreFoundInTheBytes() {
        for text in ["一季度\n二季度", "\n", "ａ\r\n", "é\n🙂"] { #expect(ScalarText(text).containsLineFeed, "\(text)") }
        for text in ["", "一季度，完成", "\r", "ａ\u{2028}ｂ", "🙂"] { #expect(!ScalarText(text).containsLineFeed, "\(text)") }
        #expect(!ScalarText("一\n二").slice(2..<3).containsLineFeed)
    }

    @Test func periodRefsAreWrittenAsBefore() {
        #expect(Period(span: .quarter(2)).ref(in: 2023) == "2023-Q2")
        #expect(Period(span: .half(1)).ref(in: nil) == "XXXX-H1")
        #expect(Period(span: .month(7)).ref(in: 987) == "0987-07")
        #expect(Period(span: .monthEnd(2)).ref(in: 2024) == "2024-02-29")
        #expect(Period(span: .monthEnd(2)).ref(in: nil) == "XXXX-02-28")
        #expect(Period(span: .xun(month: nil, 2)).ref(in: 2023) == "2023-XX-11/2023-XX-20")
        #expect(Period(span: .xun(month: 3, 3)).ref(in: 2023) == "2023-03-21/2023-03-31")
        #expect(Period(span: .xun(month: 3, 3)).ref(in: nil) == "XXXX-03-21/XXXX-03-XX")
        #expect(Period(span: .day(month: nil, 5)).ref(in: 12345) == "12345-XX-05")
        #expect(Period(span: .year).ref(in: -5) == "00-5")
        #expect(Period(span: .year).ref(in: 0) == "0000")
        #expect(Period(span: .month(10)).ref(in: 10_000) == "10000-10")
        #expect(Period(span: .day(month: 1, 9)).ref(in: 9999) == "9999-01-09")
        #expect(Period(span: .quarter(4)).ref(in: 42) == "0042-Q4")
        #expect(Period(span: .yearEnd).ref(in: 2023) == "2023-12-31")
        #expect(Period(span: .holiday(.fixed(month: 10, day: 1))).ref(in: 2023) == "2023-10-01")
        #expect(Period(span: .holiday(.fixed(month: 10, day: 1))).ref(in: nil) == "XXXX-10-01")
        #expect(Period(span: .holiday(.lunar(.springFestival))).ref(in: 1800) == "1800-XX-XX")
        // A range's ref is its ends' refs joined, written at once.
        let range = Period.ref(from: Period(span: .xun(month: 3, 1)), in: 2023, to: Period(span: .xun(month: nil, 3)), in: nil)
        #expect(range == "2023-03-01/2023-03-10/XXXX-XX-21/XXXX-XX-XX")
        #expect(Period.ref(from: Period(span: .quarter(2)), in: 2023, to: Period(span: .month(1)), in: 2024) == "2023-Q2/2024-01")
    }

    @Test func smallChineseNumbersReadAsNumeralsDo() {
        // Months and quarters written with 十 and digits, and what is not one.
        #expect(TimeParser.parse("十二月", year: 2023).map(\.time.ref) == ["2023-12"])
        #expect(TimeParser.parse("十月", year: 2023).map(\.time.ref) == ["2023-10"])
        #expect(TimeParser.parse("三月十五日", year: 2023).map(\.time.ref) == ["2023-03-15"])
        #expect(TimeParser.parse("三十一日", year: 2023).isEmpty)
        #expect(TimeParser.parse("一二月", year: 2023).isEmpty)
        #expect(TimeParser.parse("二〇二三年三季度", year: nil).map(\.time.ref) == ["2023-Q3"])
        #expect(TimeParser.parse("二〇二三四年", year: nil).map(\.time.ref) != ["2023"])
    }

    @Test func scalarSetFindsTheNextMember() {
        let set = ScalarSet(["0123456789", "季"])
        let scalars = Array("一季度，完成3个🙂".unicodeScalars)
        #expect(set.firstIndex(in: scalars, from: 0) == 1)
        #expect(set.firstIndex(in: scalars, from: 2) == 6)
        #expect(set.firstIndex(in: scalars, from: 7) == scalars.count)
        #expect(set.firstIndex(in: [], from: 0) == 0)
    }

    @Test func wordTableTellsFirstScalars() {
        let table = WordTable<Int>([("万元", 1), ("个", 2)])
        #expect(table.hasWord(startingWith: "万") && table.hasWord(startingWith: "个"))
        #expect(!table.hasWord(startingWith: "元") && !table.hasWord(startingWith: "\u{0}"))
    }

    /// A lone Chinese numeral is turned down on the scalar after it; one followed by a unit,
    /// 多/余 or a range separator is still read whole.
    @Test func bareChineseNumeralsAreNoAmounts() {
        #expect(QuantityParser.parse("统一规划，进一步推进，三是加强").isEmpty)
        #expect(QuantityParser.parse("三").isEmpty)
        let schools = QuantityParser.parse("建设三所学校").first
        #expect(schools?.value == ExactDecimal(3) && schools?.unit == "所" && schools?.text == "三所")
        #expect(QuantityParser.parse("新建五至八个").first?.comparator == .between)
        #expect(QuantityParser.parse("培训三余人").first?.comparator == .greaterThan)
    }
}
