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

    @Test(arguments: [
        ("商务部、海关总署等有关部门", ["商务部", "海关总署"]),
        ("人民银行等部门", ["人民银行"]),
        ("农业农村部、全国总工会等和各省级人民政府", ["农业农村部", "全国总工会", "各省级人民政府"]),
        ("教育部、各高等学校", ["教育部", "各高等学校"]),
        ("市科协，各有关区、县级市", ["市科协", "各有关区、县级市"]),
        ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"]),
        ("有关部门", []),
        ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"]),
        ("市政府有关部门，各县市区，以下均需各县市区落实，不再逐一列出", ["市政府有关部门", "各县市区"]),
        ("文化和旅游部、中央和国家机关工委", ["文化和旅游部", "中央和国家机关工委"]),
    ] as [(String, [String])])
    func othersAndCollectivesAreReadAsPrinted(cell: String, units: [String]) {
        #expect(UnitListSplitter.split(cell) == units)
    }

    @Test func aLevelIsLentOnlyWhereTheResultIsALocalOrgan() {
        // 市场 is a word, not the 市 level; ministries and places never take a level.
        #expect(UnitListSplitter.split("市场监管总局、工业和信息化部", expandingPrefixes: true) == ["市场监管总局", "工业和信息化部"])
        #expect(UnitListSplitter.split("区林业局、宁西街道", expandingPrefixes: true) == ["区林业局", "宁西街道"])
        #expect(UnitListSplitter.split("市委组织部、人社局", expandingPrefixes: true) == ["市委组织部", "市人社局"])
    }

    @Test func labelledResponsibilityLines() throws {
        let leaders = try #require(ResponsibilityParser.labelledLine("分管领导:罗英、李永强"))
        #expect(leaders.role == .leaders)
        #expect(leaders.value == "罗英、李永强")
        #expect(ResponsibilityParser.labelledLine("牵头单位：区卫生局")?.role == .lead)
        #expect(ResponsibilityParser.labelledLine("负责单位:地区交通局")?.role == .responsible)
        #expect(ResponsibilityParser.labelledLine("配合单位：区财政局")?.role == .support)
        #expect(ResponsibilityParser.labelledLine("负责人:罗英")?.role == .leaders)
        #expect(ResponsibilityParser.labelledLine("牵头单位要主动加强部门之间的沟通") == nil)
    }
}
