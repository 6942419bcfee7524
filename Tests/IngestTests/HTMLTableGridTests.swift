import Ingest
import PlanModel
import Testing

/// Data tables read from HTML: spans expanded into a full grid, header rows told from body
/// rows, cell text as lines.
@Suite struct HTMLTableGridTests {
    private func onlyTable(_ html: String) throws -> Table {
        let tables = HTMLReader().read(html).tables
        try #require(tables.count == 1, "expected one data table, got \(tables.count)")
        return tables[0]
    }

    private func texts(_ row: Row) -> [String] { row.cells.map(\.text) }

    @Test func rowspanAndColspanFillEveryPositionWithFlaggedCopies() throws {
        let table = try onlyTable(
            """
            <table>
            <tr><td>板块</td><td>任务</td><td>一季度</td><td>二季度</td><td>三季度</td></tr>
            <tr><td rowspan="3">一、医疗</td><td>任务1</td><td>完成调研</td><td colspan="2">二、三季度，完成建设</td></tr>
            <tr><td>任务2</td><td>甲</td><td>乙</td><td>丙</td></tr>
            <tr><td>任务3</td><td rowspan="1" colspan="3">全年推进</td></tr>
            </table>
            """)
        #expect(table.headerRows.count == 1)
        #expect(table.rows.count == 3)
        #expect(table.rows.allSatisfy { $0.cells.count == 5 })

        let section = table.rows.map { $0.cells[0] }
        #expect(section.map(\.text) == ["一、医疗", "一、医疗", "一、医疗"])
        #expect(section.map(\.isSpanCopy) == [false, true, true])
        #expect(section[0].rowSpan == 3 && section[0].colSpan == 1)
        #expect(section[1].rowSpan == 1 && section[1].colSpan == 1, "the span is recorded on the origin only")
        #expect(section[1].span == section[0].span, "a copy leads back to the line of its origin")

        #expect(texts(table.rows[0]) == ["一、医疗", "任务1", "完成调研", "二、三季度，完成建设", "二、三季度，完成建设"])
        #expect(table.rows[0].cells.map(\.isSpanCopy) == [false, false, false, false, true])
        #expect(table.rows[0].cells[3].colSpan == 2)
        #expect(texts(table.rows[1]) == ["一、医疗", "任务2", "甲", "乙", "丙"])
        #expect(texts(table.rows[2]) == ["一、医疗", "任务3", "全年推进", "全年推进", "全年推进"])
        #expect(table.rows.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test func quarterColumnsUnderAColspanMakeTwoHeaderRows() throws {
        let table = try onlyTable(
            """
            <table border="1">
              <tr>
                <td rowspan="2">年度目标及工作内容</td>
                <td colspan="4">季度进度安排</td>
                <td rowspan="2">牵头单位</td>
              </tr>
              <tr><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td></tr>
              <tr><td>新增床位1000张</td><td>200张</td><td>400张</td><td>700张</td><td>1000张</td><td>市卫生健康局</td></tr>
            </table>
            """)
        #expect(table.headerRows.count == 2)
        #expect(table.rows.count == 1)
        #expect(texts(table.headerRows[0]) == ["年度目标及工作内容", "季度进度安排", "季度进度安排", "季度进度安排", "季度进度安排", "牵头单位"])
        #expect(texts(table.headerRows[1]) == ["年度目标及工作内容", "一季度", "二季度", "三季度", "四季度", "牵头单位"])
        #expect(table.headerRows[1].cells[0].isSpanCopy)
        #expect(
            HTMLFixtures.joinedHeaders(table) == [
                "年度目标及工作内容", "季度进度安排/一季度", "季度进度安排/二季度", "季度进度安排/三季度", "季度进度安排/四季度", "牵头单位",
            ])
    }

    @Test func theadAndThRowsAreHeaders() throws {
        let withHead = try onlyTable(
            "<table><thead><tr><td>任务</td><td>单位</td></tr><tr><td>甲</td><td>乙</td></tr></thead>"
                + "<tbody><tr><td>任务1</td><td>市教育局</td></tr></tbody></table>")
        #expect(withHead.headerRows.count == 2)
        #expect(withHead.rows.map { $0.cells.map(\.text) } == [["任务1", "市教育局"]])

        let withTH = try onlyTable(
            "<table><tr><th>任务</th><th>单位</th></tr><tr><th>任务1</th><td>市教育局</td></tr>"
                + "<tr><th>任务2</th><td>市民政局</td></tr></table>")
        #expect(withTH.headerRows.count == 1, "a row with a <td> is a body row, even with a <th> row label")
        #expect(withTH.rows.count == 2)
    }

    @Test func aRowspanInTheFirstBodyRowDoesNotMakeItAHeader() throws {
        let table = try onlyTable(
            """
            <table>
            <tr><td>总体要求</td><td>年度目标</td><td>责任领导</td></tr>
            <tr><td rowspan="2">一、强化医疗服务保障</td><td>1.建设指挥中心</td><td rowspan="2">黎  军</td></tr>
            <tr><td>2.增强救治能力</td></tr>
            </table>
            """)
        #expect(table.headerRows.count == 1)
        #expect(table.rows.count == 2)
        #expect(texts(table.rows[1]) == ["一、强化医疗服务保障", "2.增强救治能力", "黎 军"])
    }

    @Test func rowspanStopsAtTheEndOfItsRowGroup() throws {
        let table = try onlyTable(
            "<table><thead><tr><th rowspan=\"9\">序号</th><th>任务</th></tr></thead>"
                + "<tbody><tr><td>1</td><td>甲</td></tr><tr><td rowspan=\"0\">合计</td><td>乙</td></tr>"
                + "<tr><td>丙</td></tr></tbody></table>")
        #expect(table.headerRows.count == 1)
        #expect(table.headerRows[0].cells[0].rowSpan == 1)
        #expect(texts(table.rows[0]) == ["1", "甲"])
        #expect(texts(table.rows[1]) == ["合计", "乙"])
        #expect(table.rows[1].cells[0].rowSpan == 2, "rowspan=0 reaches the end of its group")
        #expect(texts(table.rows[2]) == ["合计", "丙"])
    }

    @Test func shortRowsArePaddedAndSaySo() throws {
        let table = try onlyTable("<table><tr><td>任务</td><td>单位</td><td>备注</td></tr><tr><td>任务1</td></tr></table>")
        #expect(texts(table.rows[0]) == ["任务1", "", ""])
        #expect(table.rows[0].diagnostics.map(\.code) == [.raggedRow])
    }

    @Test func cellTextKeepsLinesEmptinessAndNoBreakSpaces() throws {
        let table = try onlyTable(
            """
            <table>
            <tr><td>进度</td><td>领导</td><td>配合单位</td></tr>
            <tr><td><p>一季度，完成
              调研。</p><p>二季度，&nbsp;完成建设。<br><br>三季度，验收。</p></td><td>黎&nbsp;&nbsp;军</td><td></td></tr>
            </table>
            """)
        let cells = table.rows[0].cells
        #expect(cells[0].text == "一季度，完成调研。\n二季度，\u{00A0}完成建设。\n三季度，验收。")
        #expect(cells[0].span == SourceSpan(lineStart: 3, lineEnd: 4))
        #expect(cells[1].text == "黎\u{00A0}\u{00A0}军")
        #expect(cells[1].isBlank == false)
        #expect(cells[2].text == "")
        #expect(cells[2].isEmpty)
    }

    @Test func captionsBecomeParagraphsBeforeTheTable() throws {
        let document = HTMLReader().read(
            """
            <table>
            <caption>附件2</caption>
            <tr><td colspan="3">2023年市十件民生实事任务分解表</td></tr>
            <tr><td>任务</td><td>牵头单位</td><td>协助单位</td></tr>
            <tr><td>任务1</td><td>市卫生健康局</td><td>/</td></tr>
            </table>
            """)
        #expect(document.paragraphs.map(\.text) == ["附件2", "2023年市十件民生实事任务分解表"])
        #expect(document.paragraphs.map(\.role) == [.heading, .body])
        let table = try #require(document.tables.first)
        #expect(texts(table.headerRows[0]) == ["任务", "牵头单位", "协助单位"])
        #expect(table.rows.count == 1)
        guard case .paragraph = document.blocks.first, case .table = document.blocks.last else {
            Issue.record("captions must come before the table")
            return
        }
    }

    @Test func cellsWithoutRowsFormARow() throws {
        let table = try onlyTable(
            "<table><td>任务</td><td>单位</td><tr><td>任务1</td><td>市教育局</td></tr></table>")
        #expect(texts(table.headerRows[0]) == ["任务", "单位"])
        #expect(table.rows.map(texts) == [["任务1", "市教育局"]])
    }
}

extension HTMLTableGridTests {
    @Test func anOverwideTitleRowDoesNotWidenTheTable() throws {
        let document = HTMLReader().read(
            "<table><tr><td colspan=\"10\">任务分解表</td></tr><tr><td>任务</td><td>单位</td></tr>"
                + "<tr><td>任务1</td><td>市教育局</td></tr></table>")
        let table = try #require(document.tables.first)
        #expect(table.width == 2)
        #expect(table.rows.allSatisfy { $0.diagnostics.isEmpty })
        #expect(document.paragraphs.map(\.text) == ["任务分解表"])
    }

    /// 16 KB of `rowspan="0" colspan="1000"` would expand to tens of millions of positions: the grid
    /// stops repeating spans at its bound, keeps every cell's text once and says so.
    @Test func aSpanBombStaysWithinTheGridBound() throws {
        var html = "<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>\n"
        var row = 0
        while html.utf8.count < 16_000 {
            row += 1
            html += "<tr><td rowspan=\"0\" colspan=\"1000\">任务\(row)</td></tr>\n"
        }
        html += "</table>"
        let tables = HTMLReader().read(html).tables
        #expect(tables.count == 1)
        let table = try #require(tables.first)
        let rows = table.headerRows + table.rows
        let positions = rows.count * (rows.map(\.cells.count).max() ?? 0)
        #expect(positions <= 200_000, "grid of \(positions) positions")
        #expect(rows.contains { $0.diagnostics.contains { $0.code == .spanBoundReached } })
        let texts = Set(rows.flatMap(\.cells).map(\.text))
        #expect((1...row).allSatisfy { texts.contains("任务\($0)") }, "every cell's text is kept")
    }

    /// The bound holds for a document too: many tables of large spans share one budget.
    @Test func manySpannedTablesShareTheDocumentBound() throws {
        var table = "<table><tr><td>序号</td><td>工作任务</td></tr>"
        for row in 1...200 { table += "<tr><td rowspan=\"0\" colspan=\"1000\">任务\(row)</td></tr>" }
        table += "</table>\n"
        let tables = HTMLReader().read(String(repeating: table, count: 40)).tables
        let positions = tables.map { table in
            let rows = table.headerRows + table.rows
            return rows.count * (rows.map(\.cells.count).max() ?? 0)
        }
        #expect(positions.allSatisfy { $0 <= 200_000 })
        #expect(positions.reduce(0, +) <= 1_000_000 + tables.count * 201 * 2, "past the document bound a cell fills one position")
    }
}
