import Normalize
import PlanModel
import Testing

@Suite("Schedule lines of the seeds")
struct ScheduleSplitterTests {
    static let lines = TableCase.load("schedule-lines.tsv", columns: 4)

    @Test("each line splits into its dated items", arguments: lines)
    func items(_ row: TableCase) {
        let items = ScheduleSplitter.split(row[2], year: Int(row[1]))
        let found = items.isEmpty ? "-" : items.map { "[\($0.when.text)] \($0.when.time.ref)" }.joined(separator: " | ")
        #expect(found == row[3])
        // A line that opens with its period gives the same leading period either way.
        if let first = items.first, first.heading == nil {
            #expect(TimeParser.leadingMatch(in: row[2], year: Int(row[1])) == first.when)
        }
    }

    @Test("every dated schedule line is resolved; only headings and prose are left")
    func share() {
        let undated = Self.lines.filter { $0[3] == "-" }
        // 30 of 1090: headings, sub-item titles, section titles and undated prose (see the table).
        #expect(Self.lines.count == 1090)
        #expect(undated.count == 30)
        let unresolved = Self.lines.filter { row in
            ScheduleSplitter.split(row[2], year: Int(row[1])).contains { item in
                let periods = item.when.time.kind == .set ? item.when.time.parts : [item.when.time]
                return periods.isEmpty || periods.contains { $0.start == nil && $0.end == nil }
            }
        }
        #expect(unresolved.isEmpty)
    }

    @Test("items keep their heading and their own text")
    func headingAndText() throws {
        let items = ScheduleSplitter.split("莞番高速三期工程：一季度，完成投资3亿元；二季度，累计完成投资9亿元；", year: 2023)
        #expect(items.map(\.text) == ["一季度，完成投资3亿元", "二季度，累计完成投资9亿元"])
        #expect(items.allSatisfy { $0.heading == "莞番高速三期工程" })
        let inline = ScheduleSplitter.split("二季度，召开培训班，6月底前全市建档率达到80%。三季度，9月底前达到85%。", year: 2023)
        #expect(inline.map(\.when.time.ref) == ["2023-Q2", "2023-Q3"])
        let quarterAfterComma = ScheduleSplitter.split("三季度，前三季度全市共新增医疗床位700张。", year: 2023)
        #expect(quarterAfterComma.map(\.when.time.ref) == ["2023-Q3"])
    }
}
