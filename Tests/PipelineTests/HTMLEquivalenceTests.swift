import Foundation
import Normalize
import Pipeline
import PlanModel
import Testing

/// An HTML page holding part of a seed table (rowspan on merged columns, colspan headers,
/// navigation, footer, in UTF-8 and in GBK declared as gb2312) gives the same tasks as the
/// same part pasted as a table dump.
@Suite struct HTMLEquivalenceTests {
    struct Essentials: Equatable {
        var number: String?
        var section: [SectionRef]
        var title: String
        var target: String?
        var leaders: [String]
        var leadUnits: [String]
        var supportUnits: [String]
        var milestones: [String]
    }

    static func essentials(_ relative: String) throws -> [Essentials] {
        let result = try FileConverter.convert(bytes: Repository.bytes(relative), path: relative).get()
        return result.tasks.map {
            Essentials(
                number: $0.number, section: $0.section, title: $0.title, target: $0.target, leaders: $0.leaders,
                leadUnits: $0.leadUnits, supportUnits: $0.supportUnits, milestones: $0.milestones.map(\.text))
        }
    }

    @Test(arguments: ["seed000-tasks-utf8", "seed000-tasks-gbk", "seed002-items-utf8", "seed002-items-gbk"])
    func htmlGivesTheTasksOfItsTableDump(fixture: String) throws {
        let html = try Self.essentials("fixtures/html/\(fixture)/input.html")
        let dump = try Self.essentials("fixtures/html/\(fixture)/equivalent.txt")
        #expect(!html.isEmpty)
        #expect(html.count == dump.count)
        for (fromHTML, fromDump) in zip(html, dump) {
            #expect(fromHTML == fromDump)
        }
    }

    @Test func gbkPageIsDecodedFromItsDeclaredCharset() throws {
        let relative = "fixtures/html/seed000-tasks-gbk/input.html"
        let result = try FileConverter.convert(bytes: Repository.bytes(relative), path: relative).get()
        #expect(result.document.source.encoding == "gb18030")
        #expect(result.document.source.format == .html)
    }

    @Test(arguments: ["not-found", "news-list"])
    func pagesWithoutPlanContentGiveAnEmptyWarnedResult(fixture: String) throws {
        let relative = "fixtures/html/\(fixture)/input.html"
        let result = try FileConverter.convert(bytes: Repository.bytes(relative), path: relative).get()
        #expect(result.tasks.isEmpty)
        #expect(result.document.warnings.contains { $0.code == .noPlanContent })
    }
}
