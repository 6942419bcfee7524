@testable import Normalize
import Testing

@Suite struct ListSplitterTests {
    @Test(arguments: [
        ("黎  军", ["黎军"]),
        ("乔  雷\n李延振\n刘旺先", ["乔雷", "李延振", "刘旺先"]),
        ("罗英、李永强", ["罗英", "李永强"]),
        ("刘光滨 李延振", ["刘光滨", "李延振"]),
        ("   ", []),
        ("/", []),
    ] as [(String, [String])])
    func namesLoseTheirPadding(cell: String, names: [String]) {
        #expect(NameListSplitter.split(cell) == names)
    }

    @Test(arguments: [
        ("市政务服务数据管理局、市财政局，各镇街（园区）", ["市政务服务数据管理局", "市财政局", "各镇街（园区）"]),
        ("市中心城区“一心两轴三片区”建设现场指挥部办公室（设在市自然资源局、市财政局）", ["市中心城区“一心两轴三片区”建设现场指挥部办公室（设在市自然资源局、市财政局）"]),
        ("/", []),
        ("无", []),
        ("", []),
        ("市公安局\n市生态环境局", ["市公安局", "市生态环境局"]),
        ("（1）市城建工程管理局、市林业局；\n（2）市水务集团", ["市城建工程管理局", "市林业局", "市水务集团"]),
        ("东实集团 ，各镇街（园区）", ["东实集团", "各镇街（园区）"]),
    ] as [(String, [String])])
    func unitsSplitOnSeparatorsButNotInsideNotes(cell: String, units: [String]) {
        #expect(UnitListSplitter.split(cell) == units)
    }

    @Test func sharedPrefixIsRestoredWithinAGroup() {
        let groups = [["市发展改革局", "教育局", "公安局交警支队"], ["市妇联", "残联"], ["各园区", "镇街"], ["团市委", "市红十字会"], ["松山湖管委会"], ["东莞理工学院", "东莞职业技术学院"]]
        #expect(UnitPrefixExpander.expand(groups) == [
            "市发展改革局", "市教育局", "市公安局交警支队", "市妇联", "市残联", "各园区", "各镇街", "团市委", "市红十字会",
            "松山湖管委会", "东莞理工学院", "东莞职业技术学院",
        ])
    }

    @Test func trailingResponsibilityParenthesisIsSplitAndPrefixed() throws {
        let text = "着力健全公共安全保障体系。加强公共卫生应急管理。(市发展改革局、教育局,市妇联、残联,各园区、镇街负责)"
        let found = try #require(ResponsibilityParser.trailingUnits(text))
        #expect(found.remainder == "着力健全公共安全保障体系。加强公共卫生应急管理。")
        #expect(found.leadUnits == ["市发展改革局", "市教育局", "市妇联", "市残联", "各园区", "各镇街"])
        #expect(found.supportUnits.isEmpty)
        #expect(found.printed == "市发展改革局、教育局,市妇联、残联,各园区、镇街负责")
    }

    @Test func leadAndSupportInOneParenthesis() throws {
        let found = try #require(ResponsibilityParser.trailingUnits("推进建设。（市发展改革局牵头，市教育局、财政局配合）"))
        #expect(found.leadUnits == ["市发展改革局"])
        #expect(found.supportUnits == ["市教育局", "市财政局"])
    }

    @Test func parenthesesThatAssignNoOneAreLeftAlone() {
        #expect(ResponsibilityParser.trailingUnits("为适龄女生接种人乳头瘤病毒（HPV）") == nil)
        #expect(ResponsibilityParser.trailingUnits("开展普查（技能考试时间以省发文为准）") == nil)
    }

    @Test func labelledResponsibilityLines() throws {
        let leaders = try #require(ResponsibilityParser.labelledLine("分管领导:罗英、李永强"))
        #expect(leaders.role == .leaders)
        #expect(leaders.value == "罗英、李永强")
        #expect(ResponsibilityParser.labelledLine("牵头单位：区卫生局")?.role == .leadUnits)
        #expect(ResponsibilityParser.labelledLine("负责单位:地区交通局")?.role == .supportUnits)
        #expect(ResponsibilityParser.labelledLine("负责人:罗英")?.role == .leaders)
        #expect(ResponsibilityParser.labelledLine("牵头单位要主动加强部门之间的沟通") == nil)
    }
}
