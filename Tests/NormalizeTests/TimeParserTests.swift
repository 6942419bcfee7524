import Normalize
import PlanModel
import Testing

@Suite("Times (SPEC §3.4)")
struct TimeParserTests {
    static let cases = TableCase.load("times.tsv", columns: 3)

    @Test("phrases resolve to the expected times", arguments: cases)
    func times(_ row: TableCase) {
        #expect(Notation.format(TimeParser.parse(row[1], year: Int(row[0]))) == row[2])
    }

    static let formCases = TableCase.loadForms("times", columns: 3)

    @Test("each form of time in Data/forms resolves to its table's answer", arguments: formCases)
    func forms(_ row: TableCase) {
        #expect(Notation.format(TimeParser.parse(row[1], year: Int(row[0]))) == row[2])
    }

    @Test("a set's parts are exactly its listed periods, and none is an interval over them")
    func setParts() throws {
        let time = try #require(TimeParser.parse("2023年4月、6月、10月", year: nil).first?.time)
        #expect(time.kind == .set)
        #expect(time.start == nil && time.end == nil)
        #expect(time.parts.map(\.ref) == ["2023-04", "2023-06", "2023-10"])
        #expect(time.parts.map { "\($0.start!)..\($0.end!)" } == ["2023-04-01..2023-04-30", "2023-06-01..2023-06-30", "2023-10-01..2023-10-31"])
    }

    @Test("the table holds what the issue asks for")
    func coverage() {
        #expect(Self.cases.count >= 60)
    }

    @Test("a match's range points at its text")
    func ranges() throws {
        let line = "二季度，召开全市基本公卫培训班，6月底前全市建档率达到80%。"
        let matches = TimeParser.parse(line, year: 2023)
        #expect(matches.count == 2)
        for match in matches { #expect(String(line[match.range]) == match.text) }
    }

    @Test(
        "a schedule line's leading period is found after spaces and labels",
        arguments: [
            ("一季度，完成调研。", "一季度"),
            ("  二、三季度，对重点产业项目实行台账化分类管理", "二、三季度"),
            ("1、2023年3月下发工作通知", "2023年3月"),
            ("3、到2023年8月底，增城区冼村镇", "到2023年8月底"),
            ("1.2023年1月至3月，开展前期立项", "2023年1月至3月"),
            ("1。从1月至2023年3月，将完成", "从1月至2023年3月"),
            ("（2）上半年，开展调研", "上半年"),
            ("①全年，跟进", "全年"),
        ])
    func leadingPeriod(_ line: String, _ expected: String) {
        #expect(TimeParser.leadingMatch(in: line, year: 2023)?.text == expected)
    }

    @Test(
        "a line that opens with something else has no leading period",
        arguments: ["公办中小学学位方面：", "莞番高速三期工程：一季度，完成投资3亿元", "推动虎门等镇新规划的生猪屠宰场年内动工建设", ""])
    func noLeadingPeriod(_ line: String) {
        #expect(TimeParser.leadingMatch(in: line, year: 2023) == nil)
    }
}
