import Ingest
import PlanModel
import Testing

/// Tables a web page's copy flattened into one cell per line are read back as tables.
@Suite struct FlattenedTableRecogniserTests {
    static let flattened = """
        2026年重点工作任务分解表
        序号
        重点任务
        牵头单位
        配合单位
        完成时限
        1
        推进城镇老旧小区改造，完成改造300个
        市住房城乡建设局
        市财政局
        市发展改革局
        各区政府
        2026年12月底前
        2
        新建城乡社区食堂50个
        市民政局
        市商务局
        2026年6月底前
        序号
        重点任务
        牵头单位
        配合单位
        完成时限
        3
        新增公办幼儿园学位1万个
        市教育局
        2026年9月底前
        4
        建设口袋公园20个
        市城市管理局
        各区政府
        2026年10月底前
        以上任务由各牵头单位于每季度末报送进展情况，市政府办公室汇总后通报。
        """

    static func table(_ text: String) throws -> Table {
        try #require(PlainTextReader().read(text).tables.first)
    }

    @Test func cellsOnePerLineBecomeATable() throws {
        let document = PlainTextReader().read(Self.flattened)
        let table = try Self.table(Self.flattened)
        #expect(table.headerRows.first?.cells.map(\.text) == ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
        #expect(table.rows.count == 4)
        #expect(table.rows.map { $0.cells.first?.text } == ["1", "2", "3", "4"])
        // The title above and the note below stay paragraphs.
        #expect(document.paragraphs.map(\.text) == ["2026年重点工作任务分解表", "以上任务由各牵头单位于每季度末报送进展情况，市政府办公室汇总后通报。"])
    }

    @Test func unitsOfOneCellOnSeparateLinesStayInTheirCell() throws {
        let table = try Self.table(Self.flattened)
        #expect(table.rows[0].cells.map(\.text) == ["1", "推进城镇老旧小区改造，完成改造300个", "市住房城乡建设局", "市财政局\n市发展改革局\n各区政府", "2026年12月底前"])
        #expect(table.rows[0].cells[3].span == SourceSpan(lineStart: 10, lineEnd: 12))
    }

    @Test func aRowWithTooFewLinesLeavesTheRightCellEmpty() throws {
        let table = try Self.table(Self.flattened)
        #expect(table.rows[2].cells.map(\.text) == ["3", "新增公办幼儿园学位1万个", "市教育局", "", "2026年9月底前"])
    }

    @Test func aHeaderRepeatedAfterAPageBreakIsDropped() throws {
        let table = try Self.table(Self.flattened)
        #expect(table.rows[1].cells.map(\.text) == ["2", "新建城乡社区食堂50个", "市民政局", "市商务局", "2026年6月底前"])
        #expect(table.rows[1].diagnostics.map(\.code) == [.headerRepeated])
    }

    @Test func aHeaderOnOneLineWorksToo() throws {
        let table = try Self.table("序号 任务 责任单位\n1\n修缮道路\n市交通局\n2\n建设公园\n市园林局\n")
        #expect(table.rows.map { $0.cells.map(\.text) } == [["1", "修缮道路", "市交通局"], ["2", "建设公园", "市园林局"]])
    }

    @Test(arguments: [
        "一、总体要求\n1.推进改革（市发展改革局负责）\n2.扩大开放（市商务局负责）\n",
        "序号\n1\n2\n3\n",
        "编号\n任务\n单位\n1\n只有一行\n市局\n",
    ])
    func otherTextIsNotATable(text: String) {
        #expect(PlainTextReader().read(text).tables.isEmpty)
    }

    @Test func textAfterTheLastRowStaysText() throws {
        let after = (1...100).map { "第\($0)段说明文字" }.joined(separator: "\n")
        let document = PlainTextReader().read("序号\n任务\n责任单位\n1\n修缮道路\n市交通局\n2\n建设公园\n市园林局\n" + after)
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["1", "修缮道路", "市交通局"], ["2", "建设公园", "市园林局"]])
        #expect(document.paragraphs.count == 100)
    }
}
