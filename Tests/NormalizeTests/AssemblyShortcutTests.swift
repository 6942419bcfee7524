@testable import Normalize
import PlanModel
import Testing

/// The shortcuts of milestone splitting and record assembly give what the longer ways give.
@Suite struct AssemblyShortcutTests {
    /// A schedule line with nothing to collapse is taken as it is; one with a run of spaces, a
    /// space at an end, or a line break is collapsed.
    @Test func singleLineGivesALineWithNothingToCollapseBack() {
        let clean = [
            "一季度，完成投资1亿元。二季度，完成。", "abcdefghijklmnopqrstuvwxyz0123456789", "完成、投资。", "一季度 完成", "é∑≈€完成投资12345678", "",
            "１２３４５６７８一二三四五六七八",
        ]
        for sample in clean {
            #expect(TextCleanup.singleLine(sample) == sample, "\(sample)")
            #expect(Array(sample.utf8).withUnsafeBufferPointer { TextCleanup.singleLine($0) } == sample, "\(sample)")
        }
        let spaced = [
            "一季度  完成", " 一季度完成", "一季度\t完成", "完成\r", "完成\u{00A0}投资", "完成\u{2003}投资", "完成\u{3000}投资", "12345678\n",
            "一季度，  完成。", "一二三四五六七八九十\u{3000}",
        ]
        for sample in spaced { #expect(TextCleanup.singleLine(sample) != sample, "\(sample)") }
    }

    @Test func wordTableMatchesLongestFirstAndTellsSecondScalars() {
        let table = WordTable<Int>([("超过", 1), ("不超过", 2), ("不少于", 3), ("万元", 4), ("万", 5)])
        let text = ScalarText("不超过5万元")
        #expect(table.match(in: text, at: 0)?.value == 2)
        #expect(table.match(in: text, at: 0)?.end == 3)
        #expect(table.match(in: text, at: 4)?.value == 4)
        #expect(table.match(in: text, at: 3) == nil)
        #expect(table.match(in: text, at: 9) == nil)
        #expect(table.match(in: text, endingAt: 3)?.value == 2)
        #expect(table.match(in: text, endingAt: 3)?.start == 0)
        #expect(table.match(in: text, endingAt: 5)?.value == 5)
        #expect(table.hasOneScalarWord)
        #expect(Set(table.secondScalars.unicodeScalars) == Set("超过少元".unicodeScalars))
        #expect(!WordTable<Int>([("上旬", 1)]).hasOneScalarWord)
    }

    @Test func lineLabelStarts() {
        let labelled = LineLabel.contentStarts(in: ScalarText("  1、 一季度"))
        #expect(labelled.first == 2)
        #expect(labelled.afterLabel == 5)
        #expect(labelled.contains(2) && labelled.contains(5) && !labelled.contains(0))
        let plain = LineLabel.contentStarts(in: ScalarText("一季度，完成"))
        #expect(plain.first == 0 && plain.afterLabel == nil)
    }

    @Test func scalarTextSliceAndOffsets() {
        let text = ScalarText("ａ一\n２０２３年6月")
        #expect(text.count == 10)
        #expect(text.scalars == Array("a一\n2023年6月".unicodeScalars))
        #expect(text.utf8Offset(3) == "ａ一\n".utf8.count)
        #expect(text.utf8Offset(text.count) == "ａ一\n２０２３年6月".utf8.count)
        let part = text.slice(3..<10)
        #expect(part.text == "２０２３年6月")
        #expect(part.scalars == Array("2023年6月".unicodeScalars))
        #expect(part.utf8Offset(4) == "２０２３".utf8.count)
        #expect(part.string(4..<7) == "年6月")
        #expect(part.matches(Array("年6".unicodeScalars), at: 4))
        #expect(!part.matches(Array("年6".unicodeScalars), at: 6))
        #expect(part[7] == "\u{0}" && part[-1] == "\u{0}")
        let empty = ScalarText("")
        #expect(empty.count == 0 && empty.utf8Offset(0) == 0 && empty[0] == "\u{0}")
    }

    @Test func firstItemIsTheFirstOfTheItemStarts() {
        for line in ["莞番高速三期工程：一季度，完成投资3亿元；二季度，完成。", "完成6月底前的工作", "2、三季度，验收。四季度，总结。"] {
            let text = ScalarText(line)
            let starts = ScheduleSplitter.itemStarts(in: text, year: 2023, contentStarts: LineLabel.contentStarts(in: text))
            #expect(ScheduleSplitter.firstItem(in: text, year: 2023)?.start == starts.first?.start)
        }
    }

    /// One scan gives a one-line text's first item, else its first time that is no recurrence:
    /// what `firstItem` and then a scanner of the whole text give.
    @Test func firstItemOrTimeIsTheFirstItemElseTheFirstTime() {
        let lines = [
            "莞番高速三期工程：一季度，完成投资3亿元；二季度，完成。", "完成6月底前的工作", "2、三季度，验收。四季度，总结。", "每月调度，在2012年10月底前出台办法",
            "每季度调度", "没有时间", "", "在落实专项债的前提下，一季度，开工", "截至2023年6月，完成3个项目",
        ]
        for line in lines {
            for year in [nil, 2023] {
                let text = ScalarText(line)
                var expected = ScheduleSplitter.firstItem(in: text, year: year)
                if expected == nil {
                    var scanner = TimeScanner(text, documentYear: year)
                    while let next = scanner.next() {
                        if next.kind != .recurrence { expected = next; break }
                    }
                }
                let found = ScheduleSplitter.firstItemOrTime(in: text, year: year)
                #expect(found?.start == expected?.start, "\(line)")
                #expect(found?.end == expected?.end, "\(line)")
                #expect(found?.resolution.time == expected?.resolution.time, "\(line)")
            }
        }
        #expect(TaskRecordAssembler.leadingTime(of: "每月调度，在2012年10月底前出台办法", year: nil)?.ref == "2012-10-31")
        #expect(TaskRecordAssembler.leadingTime(of: "三季度，验收", year: 2023)?.ref == "2023-Q3")
    }
}
