import Ingest
import PlanModel
import Testing

@Suite struct PlainTextReaderTests {
    @Test func linesBecomeParagraphsWithTheirLineNumbers() {
        let document = PlainTextReader().read("标题\n\n一、总则\n  1.甲项目  \n")
        #expect(document.paragraphs.map(\.text) == ["标题", "一、总则", "1.甲项目"])
        #expect(document.paragraphs.map(\.span.lineStart) == [1, 3, 4])
    }

    @Test func metadataLinesHoldingSeveralPairsAreRead() {
        let text = "索引號: 11441900007330010D/2020-00195 分類:\n發布機構: 東莞市人民政府辦公室 成文日期: 2020-03-06\n正文\n"
        let document = PlainTextReader().read(text)
        #expect(document.metadata.map(\.key) == ["索引號", "分類", "發布機構", "成文日期"])
        #expect(document.metadata.map(\.value) == ["11441900007330010D/2020-00195", "", "東莞市人民政府辦公室", "2020-03-06"])
        #expect(document.metadata.map(\.line) == [1, 1, 2, 2])
        #expect(document.paragraphs.map(\.text) == ["正文"])
    }

    @Test func barSeparatedCountersAreMetadataToo() {
        let document = PlainTextReader().read("日期: 2025-01-14 18:04:47 |浏览: 28|编号: 64647\n")
        #expect(document.metadata.map(\.key) == ["日期", "浏览", "编号"])
        #expect(document.metadata.first?.value == "2025-01-14 18:04:47")
    }

    @Test func bodyLinesThatMerelyContainAKeyStayText() {
        let document = PlainTextReader().read("分管领导:罗英\n附件:增城区方案\n2023年3月,完成发布日期:调整\n")
        #expect(document.metadata.isEmpty)
        #expect(document.paragraphs.count == 3)
    }
}

extension PlainTextReaderTests {
    @Test func aPageHeaderTimeIsMetadataOnlyWhenItHoldsADate() {
        let document = PlainTextReader().read("示例报告\n时间：2026-02-12\n时间：2026年底前完成改造\n时间：2026年6月底前\n")
        #expect(document.metadata.map(\.key) == ["时间"])
        #expect(document.metadata.first?.value == "2026-02-12")
        #expect(document.paragraphs.map(\.text) == ["示例报告", "时间：2026年底前完成改造", "时间：2026年6月底前"])
    }

    @Test func aKeyPrintedAloneTakesItsValueFromTheNextLine() {
        let document = PlainTextReader().read("发表时间：\n2026-02-09 09:45:30\n来源：\n示例日报客户端\n各位代表：\n")
        #expect(document.metadata.map(\.key) == ["发表时间", "来源"])
        #expect(document.metadata.map(\.value) == ["2026-02-09 09:45:30", "示例日报客户端"])
        #expect(document.paragraphs.map(\.text) == ["各位代表："])
    }
}
