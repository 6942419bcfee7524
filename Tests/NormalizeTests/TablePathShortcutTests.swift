@testable import Normalize
import PlanModel
import Testing

/// The table path's shortcuts give what the long way gives, on hand-made texts.
@Suite struct TablePathShortcutTests {
    static let texts = [
        "", "a", "一季度，完成调研", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\n\nb", "a \nb", "a\n b", "\na", "a\n",
        "a\r\nb", "a\rb", "甲\u{3000}乙", "甲\u{00A0}乙", "甲\u{2003}乙", "甲\u{200B}乙", "一季度， 完成\n二季度，推进 验收",
        "市发展改革局、市科技局", "（1） 供给共有产权住房3000套\n一季度，编制指引；",
    ]

    @Test func aCollapsedTextIsToldWithoutCollapsingIt() {
        for text in Self.texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(
                    TextCleanup.isCollapsed(buffer, lineSeparator: 0x0A)
                        == (Array(TextCleanup.collapsingWhitespace(text).utf8) == bytes), "\(text.debugDescription)")
                #expect(
                    TextCleanup.isCollapsed(buffer, lineSeparator: nil) == (Array(TextCleanup.singleLine(text).utf8) == bytes),
                    "\(text.debugDescription)")
            }
        }
    }

    @Test func linesAreCutAsSplitCutsThem() {
        for text in Self.texts + ["一二三四五六七八九十\n一二三四五六七八九十\r\n甲\n\n乙\n", String(repeating: "长句", count: 20) + "\n尾"] {
            var lines: [String] = []
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                TextCleanup.forEachLine(in: bytes) { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)) }
            }
            #expect(lines == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
    }

    static let scheduleLines = [
        "一季度，完成投资1亿元。二季度，累计完成投资3亿元。三季度，完成5亿元。",
        "一季度，完成投资1亿元，6月底前完成验收。",
        "莞番高速三期工程：一季度，完成投资3亿元；二季度，完成5亿元；",
        "二季度，开展调研；6月底前完成方案。 7月，启动。",
        "全年，推进建设。2023年3月，完成；前三季度，累计完成。",
        "在落实专项债的前提下，一季度，累计完成15公里。",
        "开展调研，完成方案。",
        "二季度，举办“完工即投产。三季度，验收”培训。四季度，总结。",
        "一季度，甲。 ",
    ]

    @Test func itemStartsStopWhereNoLaterItemCanStart() {
        for line in Self.scheduleLines {
            let text = ScalarText(line, simplifyingScript: true)
            let starts = ScheduleSplitter.itemStarts(in: text, year: nil, contentStarts: LineLabel.contentStarts(in: text))
            #expect(starts.map(\.start) == Self.itemStartsReadingEveryExpression(text), "\(line)")
        }
    }

    @Test func theLastPlaceAfterAStopIsFound() {
        #expect(ScheduleSplitter.lastIndexAfterStop(in: ScalarText("一季度，甲。")) == -1)
        #expect(ScheduleSplitter.lastIndexAfterStop(in: ScalarText("甲。乙")) == 2)
        #expect(ScheduleSplitter.lastIndexAfterStop(in: ScalarText("甲；  乙。 ")) == 4)
        #expect(ScheduleSplitter.lastIndexAfterStop(in: ScalarText("甲。。")) == 2)
        #expect(ScheduleSplitter.lastIndexAfterStop(in: ScalarText("")) == -1)
    }

    @Test func aCollapsedScheduleSplitsAsItsLines() {
        let schedules = Self.scheduleLines.map { TextCleanup.collapsingWhitespace($0) } + [
            TextCleanup.collapsingWhitespace(Self.scheduleLines.joined(separator: "\n")),
            "公办中小学学位方面：\n二季度，推动完工。\n三季度，验收。", "全年跟进项目：\n一季度，甲。\n乙项目\n丙项目",
        ]
        for schedule in schedules {
            #expect(MilestoneSplitter.split(collapsed: schedule) == MilestoneSplitter.split(schedule), "\(schedule)")
        }
    }

    /// `ScheduleSplitter.itemStarts` the long way: every expression of the line read and
    /// judged by the rules of its documentation.
    static func itemStartsReadingEveryExpression(_ text: ScalarText) -> [Int] {
        func markBefore(_ index: Int) -> Unicode.Scalar? {
            var cursor = index - 1
            while cursor >= 0, text[cursor] == " " { cursor -= 1 }
            return cursor >= 0 ? text[cursor] : nil
        }
        let contentStarts = LineLabel.contentStarts(in: text)
        var scanner = TimeScanner(text, documentYear: nil)
        var starts: [Int] = []
        var firstGrain: TimeExpression.Grain?
        while let found = scanner.next() {
            guard found.kind != .recurrence else { continue }
            let mark = markBefore(found.start)
            if let firstGrain {
                guard mark == "。" || mark == ";", [.quarter, .half, .year].contains(found.grain) || found.grain == firstGrain else {
                    continue
                }
            } else {
                let afterComma = (mark == "，" || mark == ",") && found.grain == .quarter
                guard contentStarts.contains(found.start) || mark == ":" || mark == "。" || mark == ";" || afterComma else { continue }
                firstGrain = found.grain
            }
            starts.append(found.start)
        }
        return starts
    }
}
