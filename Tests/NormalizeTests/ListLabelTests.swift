@testable import Normalize
import Testing

@Suite struct ListLabelTests {
    @Test(arguments: [
        ("1.建设项目", ListLabel.Style.arabicDot, 1, "1", "建设项目"),
        ("12. 推动", .arabicDot, 12, "12", "推动"),
        ("2、教育", .arabicComma, 2, "2", "教育"),
        ("3。从2023年7月", .arabicFullStop, 3, "3", "从2023年7月"),
        ("（70） 高品质", .arabicParen, 70, "70", "高品质"),
        ("(1)项目概况", .arabicParen, 1, "1", "项目概况"),
        ("一、强化医疗", .chineseComma, 1, "一", "强化医疗"),
        ("十二、其他", .chineseComma, 12, "十二", "其他"),
        ("（二）项目推进计划", .chineseParen, 2, "二", "项目推进计划"),
        ("③完成", .circled, 3, "③", "完成"),
        ("第三条 总则", .ordinalWord, 3, "三", "总则"),
        ("1.2023年1月至3月,开展", .arabicDot, 1, "1", "2023年1月至3月,开展"),
    ] as [(String, ListLabel.Style, Int, String, String)])
    func labelsAreRead(text: String, style: ListLabel.Style, value: Int, numeral: String, body: String) throws {
        let label = try #require(ListLabel.parse(text))
        #expect(label.style == style)
        #expect(label.value == value)
        #expect(label.numeral == numeral)
        #expect(String(label.body(of: text)) == body)
    }

    @Test(arguments: ["1.2万个", "一、二季度，推进", "二、三、四季度", "1、2月份", "2023年3月", "第四轮筛查", "市卫生健康局", "（设在市自然资源局）", ""])
    func nonLabelsAreNotRead(text: String) {
        #expect(ListLabel.parse(text) == nil)
    }

    @Test(arguments: [
        "  1.甲", "\u{3000}（二）乙", "十二、丙", "                1.在十七个空格之后", "①", "甲",
        // Read as far as the reading asks, never past the window: spaces after a label, a date's year.
        "1、" + String(repeating: " ", count: 20) + "甲", "1.2023年3月", "1.2023", "一般", "（十一", "第十二条 乙", "2、3月",
    ])
    func theTextAndItsScalarsReadAlike(text: String) {
        #expect(ListLabel.parse(text) == ListLabel.parse(scalars: Array(text.unicodeScalars)))
        let window = Array(text.unicodeScalars.prefix(ListLabel.window))
        #expect(window.withUnsafeBufferPointer { ListLabel.parse(window: $0) } == ListLabel.parse(text))
        #expect(ListLabel.parse(text[...]) == ListLabel.parse(text))
    }

    @Test(arguments: [
        ("2023年", true), ("30%以上", true), ("1234.", true), ("12 月", true), ("1", true),
        ("甲1", true), ("\u{3000}—", true), (" a", true),
        ("1.甲", false), ("\u{3000}12．乙", false), ("3、丙", false), ("4。丁", false), ("（1）", false), ("(2)", false),
        ("一、", false), ("第三条", false), ("①", false), ("\u{3000}\u{3000}二", false), ("", false),
    ])
    func openingsThatCannotBeLabelsAreToldFromBytes(text: String, cannot: Bool) {
        var text = text
        let told = text.withUTF8 { ListLabel.cannotBeLabel($0) }
        #expect(told == cannot)
        if told { #expect(ListLabel.parse(scalars: Array(text.unicodeScalars)) == nil) }
    }

    @Test func headingsTellLabelCountAndTitle() throws {
        let heading = SectionHeading("一、强化 医疗（共12项） 服务\n保障")
        #expect(heading.label?.numeral == "一")
        #expect(heading.declared == 12)
        #expect(heading.title == "强化 医疗 服务保障")
        #expect(!heading.isBareLabel)
        #expect(SectionHeading(" 3. ").isBareLabel)
        #expect(!SectionHeading("3.甲").isBareLabel)
        #expect(SectionHeading("甲乙").title == "甲乙")
        #expect(SectionHeading.declaring("共3项工作") == nil)
        #expect(try #require(SectionHeading.declaring("二、\n乙（共3项）")).declared == 3)
    }
}
