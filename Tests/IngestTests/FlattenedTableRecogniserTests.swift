@testable import Ingest
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

    /// One number over two rows (a vertically merged 序号 and unit cell): each row its own
    /// statement and deadline.
    static let mergedNumber = """
        序号
        实事项目
        责任单位
        完成时限
        1
        改造农贸市场。
        县商务局
        6月底前
        2
        开工建设青年公寓。
        县住建局
        5月底前开工
        建成少年宫。
        10月底前
        3
        新建公厕5座。
        县城管局
        9月底前
        """

    @Test func twoRowsUnderOneMergedNumberAreTwoRows() throws {
        let table = try Self.table(Self.mergedNumber)
        #expect(table.rows.map { $0.cells.map(\.text) } == [
            ["1", "改造农贸市场。", "县商务局", "6月底前"],
            ["2", "开工建设青年公寓。", "县住建局", "5月底前开工"],
            ["2", "建成少年宫。", "县住建局", "10月底前"],
            ["3", "新建公厕5座。", "县城管局", "9月底前"],
        ])
        // The second row repeats the merged cells, as a spanning HTML cell does.
        #expect(table.rows[2].cells.map(\.isSpanCopy) == [true, false, true, false])
        #expect(table.rows[2].diagnostics.map(\.code) == [.mergedCellInherited])
        #expect(table.rows[2].span == SourceSpan(lineStart: 13, lineEnd: 14))
    }

    @Test func severalDeadlinesOfOneStatementStayOneRow() throws {
        let table = try Self.table("序号\n任务\n责任单位\n完成时限\n1\n修缮道路\n市交通局\n6月底前\n2\n建设公园\n市园林局\n2026年3月底前完成设计\n2026年12月底前建成\n3\n疏浚河道\n市水务局\n9月底前\n")
        #expect(table.rows.count == 3)
        #expect(table.rows[1].cells[3].text == "2026年3月底前完成设计\n2026年12月底前建成")
    }

    @Test(arguments: [("老年大学", false), ("青年之家", false), ("2026年6月底前", true), ("9月投入使用", true), ("十二月", true), ("长期坚持", true)])
    func aYearOrMonthIsADateOnlyAfterANumeral(text: String, isDate: Bool) {
        #expect((ColumnProfile.shape(of: text) == .date) == isDate)
    }

    /// The last row may hold as many lines as the longest row before it (five here), but not a
    /// line its last column never shows.
    @Test func aShareLinkAfterTheLastRowIsNotItsCell() throws {
        let document = PlainTextReader().read("序号\n任务\n责任单位\n完成时限\n1\n修缮道路\n市交通局\n市财政局\n各区政府\n6月底前\n2\n建设公园\n市园林局\n9月底前\n分享到：\n")
        let table = try #require(document.tables.first)
        #expect(table.rows[1].cells.map(\.text) == ["2", "建设公园", "市园林局", "9月底前"])
        #expect(document.paragraphs.map(\.text) == ["分享到："])
    }

    /// A renderer that prints a table one cell per line may close each cell with a bar.
    @Test func cellBordersAtTheLineEndsAreNotText() throws {
        let document = PlainTextReader().read("重点工作清单\n序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n1 |\n修缮城区道路 |\n市交通局 |\n全年 |\n2 |\n建设口袋公园 |\n市园林局 |\n9月底前 |\n")
        let table = try #require(document.tables.first)
        #expect(table.headerRows.first?.cells.map(\.text) == ["序号", "重点工作", "责任单位", "完成时限"])
        #expect(table.rows.map { $0.cells.map(\.text) } == [["1", "修缮城区道路", "市交通局", "全年"], ["2", "建设口袋公园", "市园林局", "9月底前"]])
        #expect(document.paragraphs.map(\.text) == ["重点工作清单"])
    }
}
