import Normalize
import Pipeline
import PlanModel
import Testing

/// The five seed documents give exactly their tasks: counted by hand from the sources
/// (see the fixtures README), none lost, none doubled, no page number or preamble taken
/// for a task.
@Suite struct SeedTaskTests {
    static func convert(_ input: String) throws -> NormalizedDocument {
        try FileConverter.convert(bytes: Repository.bytes(input), path: input).get()
    }

    @Test(arguments: [
        ("fixtures/table-dump/seed-000/input.txt", 61),
        ("fixtures/table-dump/seed-001/input.txt", 188),
        ("fixtures/table-dump/seed-002/input.txt", 111),
        ("fixtures/text/seed-003/input.txt", 10),
        ("fixtures/text/seed-004/input.txt", 30),
    ])
    func everyTaskOnce(input: String, count: Int) throws {
        let result = try Self.convert(input)
        #expect(result.tasks.count == count)
        #expect(Set(result.tasks.map(\.id)).count == count, "ids are unique")
        #expect(result.tasks.map(\.seq) == Array(1...count))
        #expect(result.tasks.allSatisfy { !$0.title.isEmpty })
    }

    @Test func seed000DeclaredSectionCountsAllMatch() throws {
        let sections = try Self.convert("fixtures/table-dump/seed-000/input.txt").document.sections
        #expect(sections.count == 10)
        #expect(sections.map(\.declared) == [12, 3, 6, 5, 4, 4, 10, 6, 5, 6])
        #expect(sections.allSatisfy { $0.declared == $0.found })
    }

    @Test func seed000TasksAreNumberedOneToSixtyOne() throws {
        let tasks = try Self.convert("fixtures/table-dump/seed-000/input.txt").tasks
        #expect(tasks.map(\.number) == (1...61).map(String.init))
    }

    @Test func seed001SkipsTheNumbersWordGaveToMergedCells() throws {
        let result = try Self.convert("fixtures/table-dump/seed-001/input.txt")
        let numbers = result.tasks.compactMap { $0.number.flatMap(Int.init) }
        #expect(numbers.count == 188 && numbers == numbers.sorted() && Set(numbers).count == 188)
        // 23, 25 … stood alone in the section column: auto-number junk, not tasks.
        for junk in [23, 25, 27, 58, 60, 124, 142] { #expect(!numbers.contains(junk)) }
        #expect(result.document.warnings.contains { $0.code == .pageNumberDropped })
    }

    @Test func seed002SubRowsOfOneItemAreTasksOfTheirOwn() throws {
        let tasks = try Self.convert("fixtures/table-dump/seed-002/input.txt").tasks
        let item7 = tasks.filter { $0.number == "7" }
        #expect(item7.count == 5)
        #expect(item7.map(\.target) == [
            "赣深铁路完成征地拆迁、“三电”迁改，推动路基、桥梁、隧道施工，开展铺轨及配套工程施工。",
            "深茂铁路开工建设，并推动征地拆迁、管线迁改等工程施工。", "建成佛莞城际，达到开通运营条件。",
            "轨道交通1号线一期全面开工建设，包括车站主体及车辆基地等。", "虎门高铁站站房改扩建工程开工建设。",
        ])
        // Item 65 was cut by a page break; its units came from the next page.
        let item65 = try #require(tasks.first { $0.number == "65" })
        #expect(item65.leadUnits == ["文化广电旅游体育局"])
        #expect(item65.warnings.contains { $0.code == .rowRejoined })
        // The last row lacked its trailing empty cell.
        #expect(tasks.last?.number == "101")
        #expect(tasks.last?.warnings.contains { $0.code == .raggedRow } == true)
    }

    @Test func seed003IgnoresTheNoticeOwnSections() throws {
        let tasks = try Self.convert("fixtures/text/seed-003/input.txt").tasks
        #expect(tasks.map(\.number) == ["1", "2", "3", "四", "五", "六", "7", "八", "九", "10"])
        #expect(tasks.allSatisfy { !$0.leaders.isEmpty && !$0.leadUnits.isEmpty && $0.target != nil && !$0.milestones.isEmpty })
    }
}
