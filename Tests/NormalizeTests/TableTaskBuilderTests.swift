import Normalize
import PlanModel
import Testing

/// How table rows become tasks: column meanings, merged cells, auto-number junk, sections.
@Suite struct TableTaskBuilderTests {
    static let header = "\t总体要求\n\t年度目标及工作内容\n\t季度进度安排\n\t责任领导\n\t牵头单位\n\t协助单位\n\n"

    @Test func columnsAreMappedByMeaningAndKeptInFields() throws {
        let result = Records.fromTableDump(Self.header + "\t一、强化保障（共1项）\n\t1.建设指挥中心\n\t一季度，调研。\n\t黎  军\n\t市卫生健康局\n\t市财政局、市医保局\n")
        #expect(result.document.columns.map(\.field) == [.section, .title, .milestones, .leaders, .leadUnits, .supportUnits])
        let task = try #require(result.tasks.first)
        #expect(task.number == "1")
        #expect(task.title == "建设指挥中心")
        #expect(task.section == [SectionRef(marker: "一", title: "强化保障")])
        #expect(task.leaders == ["黎军"])
        #expect(task.leadUnits == ["市卫生健康局"])
        #expect(task.supportUnits == ["市财政局", "市医保局"])
        #expect(task.milestones.map(\.text) == ["一季度，调研。"])
        #expect(task.fields.map(\.header) == ["总体要求", "年度目标及工作内容", "季度进度安排", "责任领导", "牵头单位", "协助单位"])
        #expect(task.fields[0].text == "一、强化保障（共1项）")
        #expect(task.id == Records.info.docID + "/一/1")
        #expect(task.source.span == SourceSpan(lineStart: 8, lineEnd: 13))
    }

    @Test func emptyCellsInheritFromTheMergedCellAboveWithAWarning() throws {
        let rows = "\t一、强化保障（共2项）\n\t1.甲\n\t一季度，甲。\n\t黎  军\n\t市卫生健康局\n\t/\n\n\t\n\t2.乙\n\t一季度，乙。\n\t\n\t\n\t无\n"
        let result = Records.fromTableDump(Self.header + rows)
        #expect(result.tasks.count == 2)
        let second = result.tasks[1]
        #expect(second.section == result.tasks[0].section)
        #expect(second.leaders == ["黎军"])
        #expect(second.leadUnits == ["市卫生健康局"])
        #expect(second.supportUnits == [])
        #expect(second.warnings.filter { $0.code == .mergedCellInherited }.count == 3)
        #expect(result.document.sections.first?.found == 2)
        #expect(!result.document.warnings.contains { $0.code == .sectionCountMismatch })
    }

    @Test func aBlankLeaderCellMeansNoLeaderNotInheritance() throws {
        let rows = "\t一、甲\n\t1.甲\n\t全年，甲。\n\t刘光滨\n\t市局\n\t/\n\n\t\n\t2.乙\n\t全年，乙。\n\t  \n\t市局\n\t/\n"
        let result = Records.fromTableDump(Self.header + rows)
        #expect(result.tasks[1].leaders == [])
    }

    @Test func bareAutoNumbersInMergedCellsAreJunk() throws {
        // Seed 001: `23. ` in the section column; seed 002: `10. ` in the title column.
        let rows = "\t（1） 实施行动\n\t22. 甲\n\t全年，甲。\n\t刘光滨\n\t市局\n\t/\n\n\t23. \n\t24. 乙\n\t全年，乙。\n\t刘光滨\n\t市局\n\t/\n\n\t（2） \n\t\n\t全年，丙。\n\t刘光滨\n\t市局\n\t/\n"
        let result = Records.fromTableDump(Self.header + rows)
        #expect(result.tasks.map(\.number) == ["22", "24", "24"])
        #expect(result.tasks.map(\.title) == ["甲", "乙", "乙"])
        #expect(result.tasks.allSatisfy { $0.section == [SectionRef(marker: "1", title: "实施行动")] })
        #expect(result.tasks[1].warnings.contains { $0.code == .autoNumberJunk })
        #expect(result.tasks.map(\.id) == [Records.info.docID + "/1/22", Records.info.docID + "/1/24", Records.info.docID + "/1/24-2"])
        #expect(result.document.sections.count == 1)
    }

    @Test func declaredSectionCountsAreChecked() {
        let rows = "\t一、强化保障（共3项）\n\t1.甲\n\t全年，甲。\n\t黎军\n\t市局\n\t/\n"
        let result = Records.fromTableDump(Self.header + rows)
        #expect(result.document.sections.first?.declared == 3)
        #expect(result.document.sections.first?.found == 1)
        #expect(result.document.warnings.contains { $0.code == .sectionCountMismatch && $0.line == 8 })
    }

    @Test func aHeadingRowOpensASectionWithoutBeingATask() {
        let header = "\t序号\n\t工作任务\n\t牵头单位\n\n"
        let rows = "\t一、民生保障（共1项）\n\n\t1\n\t1.建设项目\n\t市局\n"
        let result = Records.fromTableDump(header + rows)
        #expect(result.tasks.count == 1)
        #expect(result.tasks.first?.section.first?.title == "民生保障")
        #expect(result.document.sections.first?.found == 1)
    }

    @Test func columnsWithoutACanonicalKeyKeepTheirTextAndQuantities() throws {
        let text = "\t工作任务\n\t牵头单位\n\t备注\n\n\t1.新建学校\n\t市教育局\n\t另有配套资金3000万元\n"
        let task = try #require(Records.fromTableDump(text).tasks.first)
        #expect(task.fields.last == FieldValue(header: "备注", text: "另有配套资金3000万元"))
        let quantity = try #require(task.quantities.first { $0.field == "fields.备注" })
        #expect(quantity.value == ExactDecimal(30_000_000))
        #expect(quantity.currency == "CNY")
    }

    @Test func aBareNumberTakesTheUnitItsColumnHeaderNames() throws {
        let text = "\t工作任务\n\t投资（万元）\n\t完成时间\n\t责任单位\n\n\t1.新建学校\n\t250\n\t2024\n\t市教育局\n"
        let task = try #require(Records.fromTableDump(text).tasks.first)
        let quantity = try #require(task.quantities.first { $0.field == "fields.投资（万元）" })
        #expect(quantity.value == ExactDecimal(2_500_000))
        #expect(quantity.unit == "元")
        #expect(quantity.text == "250")
        // A header without a unit leaves a bare number alone (a year is no quantity).
        #expect(task.quantities.count == 1)
    }

    @Test func aNumberColumnNumbersUnlabelledStatements() {
        let text = "\t序号\n\t工作任务\n\t牵头单位\n\n\t1\n\t建设社区卫生服务站\n\t市卫生健康局\n\n\t2\n\t新增床位\n\t市卫生健康局\n"
        let result = Records.fromTableDump(text)
        #expect(result.tasks.map(\.number) == ["1", "2"])
        #expect(result.tasks.map(\.title) == ["建设社区卫生服务站", "新增床位"])
        #expect(result.tasks.map(\.id) == [Records.info.docID + "/1", Records.info.docID + "/2"])
    }

    @Test func contentDecidesWhenHeadersMislead() {
        // Seed 002 prints 原文表述具体措施 over the numbered statements and 原文表述/实施路径 over sections.
        let header = " \t原文表述\n实施路径\n\t原文表述具体措施\n\t2020年工作目标\n\t季度进度安排\n\t牵头单位\n\t配合单位\n\n"
        var rows = ""
        for number in 1...3 {
            rows += "\t（\(number)） \(number == 1 ? "着力健全保障体系。" : "")\n\t\(number). 任务\(number)\n\t目标\(number)\n\t上半年，推进。\n\t公安局\n\t\n\n"
        }
        let result = Records.fromTableDump(header + rows)
        #expect(result.document.columns.map(\.field) == [.section, .title, .target, .milestones, .leadUnits, .supportUnits])
        #expect(result.document.columns.first?.header == "原文表述/实施路径")
        #expect(result.tasks.map(\.title) == ["任务1", "任务2", "任务3"])
        #expect(result.tasks.map(\.target) == ["目标1", "目标2", "目标3"])
        #expect(result.document.year == 2020)
    }

    @Test func preambleGivesTitleIssuerAndDate() {
        let text = "附件 2\n2023年市十件民生实事任务分解表\n制表单位：市政府办公室      制表时间：2023年3月16日\n" + Self.header
            + "\t一、甲\n\t1.甲\n\t一季度，甲。\n\t黎军\n\t市局\n\t/\n"
        let document = Records.fromTableDump(text).document
        #expect(document.title == "2023年市十件民生实事任务分解表")
        #expect(document.issuer == "市政府办公室")
        #expect(document.dates.issued?.description == "2023-03-16")
        #expect(document.year == 2023)
    }

    @Test func rowsWithoutAnyStatementAboveAreReportedNotInvented() {
        let rows = "\t一、甲\n\t\n\t一季度，甲。\n\t黎军\n\t市局\n\t/\n"
        let result = Records.fromTableDump(Self.header + rows)
        #expect(result.tasks.isEmpty)
        #expect(result.document.warnings.contains { $0.code == .textIgnored })
    }
}

/// HTML tables whose merged cells nest: every level is carried down to every row it covers.
extension TableTaskBuilderTests {
    static let nested = """
        <html><body><p>一、推广的改革举措（共4项）</p>
        <table border="1">
        <tr><td>领域</td><td>类别</td><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td></tr>
        <tr><td rowspan="3"><p>一、强化</p><p>医疗保障</p></td><td rowspan="2">（一）基层</td><td>1</td><td><p>建设社区</p><p>卫生服务中心</p></td><td>市卫健局</td><td rowspan="2">市财政局</td></tr>
        <tr><td>2</td><td>培训乡村医生</td><td>市人社局</td></tr>
        <tr><td>（二）医院</td><td>3</td><td>改造急诊设施</td><td>市卫健局</td><td>市发展改革局</td></tr>
        <tr><td>二、教育</td><td>（一）学前</td><td>4</td><td>新增公办幼儿园学位</td><td>市教育局</td><td></td></tr>
        </table></body></html>
        """

    @Test func nestedRowspansGiveEveryRowEachLevelOfItsSection() throws {
        let result = Records.fromHTML(Self.nested)
        #expect(result.tasks.count == 4)
        let sections = result.tasks.map { $0.section.map(\.title) }
        #expect(sections == [["强化医疗保障", "基层"], ["强化医疗保障", "基层"], ["强化医疗保障", "医院"], ["教育", "学前"]])
        #expect(result.tasks[1].section.map(\.marker) == ["一", "一"])
    }

    @Test func aLabelSplitOverParagraphsOfOneCellIsOneLabel() throws {
        let result = Records.fromHTML(Self.nested)
        #expect(result.tasks.first?.title == "建设社区卫生服务中心")
        #expect(result.tasks.first?.section.first?.title == "强化医疗保障")
    }

    @Test func aCellMergedDownGivesItsValueToEveryRowItCovers() throws {
        let result = Records.fromHTML(Self.nested)
        #expect(result.tasks.map(\.supportUnits) == [["市财政局"], ["市财政局"], ["市发展改革局"], []])
    }

    @Test func aDeclaredHeadingAboveTheTableCountsItsRows() throws {
        let result = Records.fromHTML(Self.nested)
        let enclosing = try #require(result.document.sections.first)
        #expect(enclosing.title == "推广的改革举措")
        #expect(enclosing.declared == 4)
        #expect(enclosing.found == 4)
        // The tasks keep the sections their table prints.
        #expect(result.tasks[3].section.first?.title == "教育")
    }
}

extension TableTaskBuilderTests {
    @Test func aFlattenedTableFromAWebPageGivesItsTasksWithTheirOwners() throws {
        let text = "序号\n重点任务\n牵头单位\n配合单位\n1\n新建社区食堂50个\n市民政局\n市商务局\n各区政府\n2\n建设口袋公园20个\n市城市管理局\n市自然资源局\n"
        let result = Records.fromPlainText(text)
        #expect(result.tasks.map(\.title) == ["新建社区食堂50个", "建设口袋公园20个"])
        #expect(result.tasks.map(\.number) == ["1", "2"])
        #expect(result.tasks.map(\.leadUnits) == [["市民政局"], ["市城市管理局"]])
        #expect(result.tasks.map(\.supportUnits) == [["市商务局", "各区政府"], ["市自然资源局"]])
    }
}

extension TableTaskBuilderTests {
    @Test(arguments: ["重点工作", "主要工作"])
    func aWorkColumnHoldsTheStatements(header: String) {
        let text = "\t序号\n\t\(header)\n\t责任单位\n\n\t1\n\t建设社区卫生服务站\n\t市卫生健康局\n\n\t2\n\t新增养老床位\n\t市民政局\n"
        let result = Records.fromTableDump(text)
        #expect(result.tasks.map(\.title) == ["建设社区卫生服务站", "新增养老床位"])
    }

    @Test func withoutAStatementHeaderTheColumnOfLongTextHoldsTheStatements() {
        let text = "\t序号\n\t年度要点\n\t备注\n\t责任单位\n\n\t1\n\t推进老旧小区改造，完成改造小区三十个\n\t新增\n\t市住建局\n\n"
            + "\t2\n\t建设城市书房，全年新增阅读空间十五处\n\t续建\n\t市文旅局\n"
        let result = Records.fromTableDump(text)
        #expect(result.document.columns.map(\.field) == [nil, .title, nil, .supportUnits])
        #expect(result.tasks.map(\.title) == ["推进老旧小区改造，完成改造小区三十个", "建设城市书房，全年新增阅读空间十五处"])
    }

    @Test func aTableOfShortNamesGetsNoStatementColumn() {
        let text = "\t序号\n\t点号\n\t备注\n\n\t1\n\t甲点\n\t界桩\n\n\t2\n\t乙点\n\t界桩\n"
        #expect(Records.fromTableDump(text).tasks.isEmpty)
    }
}
