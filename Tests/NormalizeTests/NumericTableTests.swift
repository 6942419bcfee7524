import Normalize
import PlanModel
import Testing

/// Allocation and indicator tables: rows are places, columns years or indicators.
@Suite struct NumericTableTests {
    static func table(_ rows: [[String]], unitLine: String = "单位：人") -> String {
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<html><body><p>2024年专项招生计划分配表</p>\n<p>\(unitLine)</p>\n<table>\n\(body)\n</table></body></html>"
    }

    static let allocation = table([
        ["序号", "地区", "2023年", "2024年"],
        ["1", "北京市", "120（扩招）", "130"],
        ["2", "上海市", "70（实招45）", "80"],
        ["3", "天津市", "10", "—"],
        ["", "合计", "200", "210"],
    ])

    @Test func rowLabelsAreTitlesAndNumbersAreQuantitiesWithTheTableUnit() throws {
        let result = Records.fromHTML(Self.allocation)
        #expect(result.tasks.map(\.title) == ["北京市", "上海市", "天津市"])
        let beijing = try #require(result.tasks.first)
        #expect(beijing.number == "1")
        #expect(beijing.quantities.map(\.text) == ["120", "130"])
        #expect(beijing.quantities.map(\.value) == [ExactDecimal(120), ExactDecimal(130)])
        #expect(beijing.quantities.allSatisfy { $0.unit == "人" })
        #expect(beijing.quantities.map(\.field) == ["fields.2023年", "fields.2024年"])
        #expect(beijing.quantities.map(\.note) == ["扩招", nil])
        #expect(result.tasks[1].quantities.first?.note == "实招45")
        #expect(result.tasks[2].quantities.count == 1)
        #expect(result.document.columns.first { $0.field == .title }?.header == "地区")
    }

    @Test func totalRowsAreCheckedNotTasks() throws {
        let result = Records.fromHTML(Self.allocation)
        let mismatches = result.document.warnings.filter { $0.code == .totalMismatch }
        // 120 + 70 + 10 = 200 matches; 130 + 80 = 210 matches.
        #expect(mismatches.isEmpty)
        let wrong = Records.fromHTML(Self.table([
            ["地区", "2024年"], ["北京市", "130"], ["上海市", "80"], ["合计", "200"],
        ]))
        #expect(wrong.tasks.count == 2)
        let warning = try #require(wrong.document.warnings.first { $0.code == .totalMismatch })
        #expect(warning.message.contains("200"))
        #expect(warning.message.contains("210"))
    }

    @Test func tenThousandYuanBecomesYuan() throws {
        let result = Records.fromHTML(Self.table([
            ["单位", "中央资金", "地方资金"], ["甲县", "1.5", "300"], ["乙县", "2", "40"],
        ], unitLine: "（单位：万元）"))
        let first = try #require(result.tasks.first)
        #expect(first.title == "甲县")
        #expect(first.quantities.map(\.value) == [ExactDecimal(15000), ExactDecimal(3_000_000)])
        #expect(first.quantities.allSatisfy { $0.unit == "元" && $0.currency == "CNY" })
    }

    @Test func aUnitInTheHeaderWinsOverTheUnitLine() throws {
        let result = Records.fromHTML(Self.table([
            ["地区", "人数（人）", "资金（万元）"], ["甲县", "12", "3"], ["乙县", "8", "4"],
        ], unitLine: "单位：个"))
        let first = try #require(result.tasks.first)
        #expect(first.quantities.map(\.unit) == ["人", "元"])
        #expect(first.quantities.map(\.value) == [ExactDecimal(12), ExactDecimal(30000)])
    }

    @Test func codesAreNotLabelsSoCoordinateTablesGiveNoTasks() {
        let result = Records.fromHTML(Self.table([
            ["坐标编号", "X", "Y"], ["A1", "2486.125", "3821.33"], ["A2", "2487.5", "3822.1"], ["A3", "2488.0", "3823.9"],
        ], unitLine: "单位：米"))
        #expect(result.tasks.isEmpty)
    }

    @Test func aTaskTableWithOneNumberColumnStaysATaskTable() throws {
        let result = Records.fromHTML(Self.table([
            ["序号", "工作任务", "牵头单位", "投资（万元）"],
            ["1", "建设城市社区综合服务中心，新增养老床位", "市民政局", "300"],
            ["2", "改造老旧小区供水管网，完成更新改造任务", "市住建局", "200"],
        ]))
        #expect(result.tasks.map(\.leadUnits) == [["市民政局"], ["市住建局"]])
    }

    @Test func aTotalPrintedInTheNumberColumnIsATotal() throws {
        let dump = Records.fromTableDump("\t序号\n\t地区\n\t2024年\n\n\t1\n\t甲县\n\t12\n\n\t2\n\t乙县\n\t8\n\n\t合计\n\t\n\t21\n")
        #expect(dump.tasks.map(\.title) == ["甲县", "乙县"])
        let warning = try #require(dump.document.warnings.first { $0.code == .totalMismatch })
        #expect(warning.message.contains("21"))
        #expect(warning.message.contains("20"))
    }
}

extension NumericTableTests {
    /// A table the numeric reading does not take (long row labels) still never titles a task "120".
    @Test func aColumnOfNumbersIsNeverTheTitle() throws {
        let result = Records.fromTableDump(
            "\t建设概况\n\t任务数\n\t备注\n\n"
                + "\t推进城乡社区综合服务设施建设，完善社区养老托育功能\n\t120\n\t新建\n\n"
                + "\t实施农村供水保障工程，提升农村自来水普及率到九成\n\t80\n\t续建\n")
        #expect(result.tasks.map(\.title) == ["推进城乡社区综合服务设施建设，完善社区养老托育功能", "实施农村供水保障工程，提升农村自来水普及率到九成"])
    }
}
