import Ingest
import PlanModel
import Testing

/// Each pattern of the field guide's "Table dumps" section, on small hand-made inputs.
@Suite struct TableDumpReaderTests {
    let reader = TableDumpReader()

    func table(_ text: String) throws -> Table {
        let document = reader.read(text)
        return try #require(document.tables.first)
    }

    @Test func cellsOpenWithTabAndContinueWithoutIt() throws {
        let table = try table("\tA\n\tB\n\n\t1.任务\n\t一季度，甲。\n二季度，乙。\n")
        #expect(table.headerRows.first?.cells.map(\.text) == ["A", "B"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells.map(\.text) == ["1.任务", "一季度，甲。\n二季度，乙。"])
        #expect(table.rows[0].cells[1].span == SourceSpan(lineStart: 5, lineEnd: 6))
    }

    @Test func preambleBeforeHeaderWithoutBlankLine() throws {
        let text = "附件 2\n2023年任务分解表\n制表单位：市政府办公室    制表时间：2023年3月16日\n\t总体要求\n\t年度目标\n\n\t一、甲\n\t1.乙\n"
        let document = reader.read(text)
        let preamble = document.paragraphs.filter { $0.role == .preamble }.map(\.text)
        #expect(preamble == ["附件 2", "2023年任务分解表", "制表单位：市政府办公室    制表时间：2023年3月16日"])
        #expect(document.tables.first?.headerRows.first?.cells.map(\.text) == ["总体要求", "年度目标"])
        #expect(document.tables.first?.rows.count == 1)
    }

    @Test func headerSpanningLinesAndStartingAfterSpaces() throws {
        // Seed 002 opens its header with ` \t`, and its first header cell wraps.
        let table = try table(" \t原文表述\n实施路径\n\t具体措施\n\t牵头单位\n\n\t（1） 甲\n\t1. 乙\n\t丙局\n")
        #expect(table.headerRows.first?.cells.map(\.text) == ["原文表述\n实施路径", "具体措施", "牵头单位"])
        #expect(table.rows.first?.cells.map(\.text) == ["（1） 甲", "1. 乙", "丙局"])
    }

    @Test func aCellAndItsContinuationLinesAreOneStretchOfTheText() throws {
        // A CR before each LF stays in its line, and so in the cell; an empty last cell
        // continued on the next line opens with the line break.
        let crlf = try table("\tA\n\tB\n\n\t甲\t乙\r\n丙\r\n\r\n")
        #expect(crlf.rows.first?.cells.map(\.text) == ["甲", "乙\r\n丙\r"])
        #expect(crlf.rows.first?.cells[1].span == SourceSpan(lineStart: 4, lineEnd: 5))
        let empty = try table("\tA\n\tB\n\n\t甲\t\n续\n又续\n")
        #expect(empty.rows.first?.cells.map(\.text) == ["甲", "\n续\n又续"])
        #expect(empty.rows.first?.span == SourceSpan(lineStart: 4, lineEnd: 6))
    }

    @Test func rowOpeningWithBareTabHasEmptyFirstCell() throws {
        let table = try table("\tA\n\tB\n\tC\n\n\t\n\t2.任务\n\t市局\n")
        #expect(table.rows.first?.cells.map(\.text) == ["", "2.任务", "市局"])
        #expect(table.rows.first?.cells.first?.isEmpty == true)
    }

    @Test func rowCutByPageBreakIsRejoined() throws {
        let text = "\tA\n\tB\n\tC\n\tD\n\tE\n\tF\n\n\t（70） 甲\n\t65. 乙\n\t丙\n\t丁\n\n\t文化局\n\t财政局\n"
        let table = try table(text)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells.map(\.text) == ["（70） 甲", "65. 乙", "丙", "丁", "文化局", "财政局"])
        #expect(table.rows[0].diagnostics.map(\.code) == [.rowRejoined])
    }

    @Test func pageBreakInsideACellJoinsItsHalves() throws {
        let text = "\tA\n\tB\n\tC\n\tD\n\n\t甲\n\t一季度，乙。\n\n\t二季度，丙。\n\t市局\n\t区局\n"
        let table = try table(text)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells.map(\.text) == ["甲", "一季度，乙。\n二季度，丙。", "市局", "区局"])
        #expect(table.rows[0].diagnostics.first?.code == .rowRejoined)
    }

    @Test func pageNumbersBetweenRowsAreDropped() throws {
        let text = "\tA\n\tB\n\n\t1.甲\n\t市局\n\n\t12\n\n- 13 -\n\n\t2.乙\n\t区局\n\n\n1\n"
        let document = reader.read(text)
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.cells[0].text } == ["1.甲", "2.乙"])
        #expect(document.diagnostics.filter { $0.code == .pageNumberDropped }.count == 3)
        #expect(document.paragraphs.isEmpty)
    }

    @Test func raggedLastRowIsPadded() throws {
        let table = try table("\tA\n\tB\n\tC\n\n\t1.甲\n\t市局\n")
        #expect(table.rows[0].cells.map(\.text) == ["1.甲", "市局", ""])
        #expect(table.rows[0].diagnostics.map(\.code) == [.raggedRow])
    }

    @Test func extraCellsAreKeptAndReported() throws {
        let table = try table("\tA\n\tB\n\n\t1.甲\n\t市局\n\t多余\n")
        #expect(table.rows[0].cells.count == 3)
        #expect(table.rows[0].diagnostics.map(\.code) == [.extraCells])
    }

    @Test func oneCellHeadingRowIsNotPaddedOrJoined() throws {
        let table = try table("\tA\n\tB\n\tC\n\n\t一、强化保障（共2项）\n\n\t\n\t1.甲\n\t市局\n")
        #expect(table.rows.map(\.cells.count) == [1, 3])
    }

    @Test func wordBookmarksAreRemoved() throws {
        let table = try table("\tA\n\tB\n\n\t1.甲\n\t[bookmark: _GoBack]市住房城乡建设局\n")
        #expect(table.rows[0].cells[1].text == "市住房城乡建设局")
    }

    @Test func textAfterTheTableIsATrailer() throws {
        let document = reader.read("\tA\n\tB\n\n\t1.甲\n\t市局\n\n注：以上为计划。\n")
        #expect(document.paragraphs.map(\.role) == [.trailer])
        #expect(document.tables.first?.rows.count == 1)
    }

    @Test func tableWithoutHeaderKeepsItsFirstRowAsData() throws {
        let table = try table("\t1.建设项目，完成100个\n\t市局\n\n\t2.推进工作\n\t区局\n")
        #expect(table.headerRows.isEmpty)
        #expect(table.rows.count == 2)
    }

    @Test func lineNumbersAreThoseOfTheFile() throws {
        let table = try table("标题\n\n\tA\n\tB\n\n\t1.甲\n\t市局\n")
        #expect(table.rows[0].span == SourceSpan(lineStart: 6, lineEnd: 7))
        #expect(table.rows[0].cells[1].span.lineStart == 7)
    }
}
