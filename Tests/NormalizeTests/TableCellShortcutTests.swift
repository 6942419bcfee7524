@testable import Normalize
import PlanModel
import Testing

/// The shortcuts the table-row builder takes over every cell: each must agree with the slower
/// reading it stands for.
@Suite struct TableCellShortcutTests {
    static let texts = [
        "", " ", "\n\r\n", "无空格", "  甲  乙  ", "甲\n\n 乙 \r\n丙", "一、“引号”与《书名》。\n（二）丙",
        "a\u{A0}b\u{2002}c\u{3000}d\u{2009}e\u{202F}f", "x\u{2010}y\u{2028}z\u{3001}w", "\u{1}\u{B}控制\u{C}",
        " \u{301}合 ", "é \u{301}e", "𠀀 𠀁\t𠀂", "Ünïcödé  téxt  ½ ¾",
        String(repeating: "推进重点任务落实，确保取得实效。", count: 9) + "\n  " + String(repeating: "abcdefgh ", count: 5),
    ]

    /// The String path (built from slices of the text) and the byte path (built in a buffer)
    /// give the same bytes.
    @Test(arguments: texts)
    func collapsedStringsAgreeWithBytes(_ text: String) {
        let bytes = Array(text.utf8)
        let single = bytes.withUnsafeBufferPointer(TextCleanup.singleLine)
        #expect(TextCleanup.singleLine(text).utf8.elementsEqual(single.utf8))
        #expect(TextCleanup.singleLine(text[...]).utf8.elementsEqual(single.utf8))
        #expect(TextCleanup.collapsingWhitespace(text).utf8.elementsEqual(TextCleanup.collapsingWhitespace(text[...]).utf8))
        #expect(TextCleanup.singleLine(ofCollapsed: TextCleanup.collapsingWhitespace(text)).utf8.elementsEqual(single.utf8))
    }

    @Test func collapsedWords() {
        #expect(TextCleanup.collapsingWhitespace(" 甲　 乙 \n\n 丙\u{A0}") == "甲 乙\n丙")
        #expect(TextCleanup.singleLine("一、“引号”\r\n 与《书名》。 ") == "一、“引号”与《书名》。")
        #expect(TextCleanup.singleLine(ofCollapsed: "甲\n乙 丙\n丁") == "甲乙 丙丁")
    }

    @Test(arguments: texts + ["\u{3000}", "\u{2028}\u{85}", "a", "中", "\u{3000}甲", "\u{3001}", "（1）", "\u{FEFF}", "😀", "\u{205F}", "\u{3000}\u{3000}"])
    func blankAgreesWithCell(_ text: String) {
        #expect(TextCleanup.isBlank(text) == Cell(text: text, span: SourceSpan(lineStart: 1, lineEnd: 1)).isBlank)
    }

    @Test(arguments: ["牵头单位/责任单位", "完成 时限（月）", "工作: 内容", "任务／措施", "e\u{301} 目标"])
    func headerKeyAgreesWithCharacters(_ header: String) {
        #expect(ColumnMapper.headerKey(header) == String(header.filter { !$0.isWhitespace && !"/／:：()（）".contains($0) }))
    }

    @Test func annotationsWithoutVerbOrColonAreToldAtOnce() {
        #expect(!ResponsibilityAnnotation.mayAssign("2023年底前".unicodeScalars))
        #expect(ResponsibilityAnnotation.parse("2023年底前") == nil)
        #expect(ResponsibilityAnnotation.mayAssign("市财政局負責".unicodeScalars))
        #expect(ResponsibilityAnnotation.mayAssign("牵头单位：市财政局".unicodeScalars))
        #expect(ResponsibilityVocabulary.trailingVerb(of: "市财政局負責")?.role == .responsible)
        #expect(ResponsibilityVocabulary.trailingVerb(of: "市财政局") == nil)
    }

    @Test(arguments: ["（12）", " 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 ", "\n 三、", "第二条", "①", "12、", "加快", "", "  "])
    func bareLabelsPassTheShortcut(_ text: String) {
        if SectionHeading(text).isBareLabel { #expect(!TableTaskBuilder.cannotBeBareLabel(text)) }
    }

    @Test func statementsAreToldAtOnce() {
        #expect(TableTaskBuilder.cannotBeBareLabel("加快"))
        #expect(TableTaskBuilder.cannotBeBareLabel("1.加快推进重点任务落实确保取得实效见到成果"))
        #expect(!TableTaskBuilder.cannotBeBareLabel("（12）"))
    }
}
