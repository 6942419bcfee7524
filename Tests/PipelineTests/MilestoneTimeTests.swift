import Emit
import Foundation
import Normalize
import Pipeline
import Testing

/// Every milestone of every golden output and of the corpus (when ../shared/corpus is there)
/// has a `when` that covers only periods its text names (SPEC §5): a list is a set whose parts
/// are the listed periods, each part's dates are exactly those of its ref, and an interval
/// across several periods is a range the text writes or a list naming each of them.
@Suite struct MilestoneTimeTests {
    static let corpus = Repository.root + "/../shared/corpus"

    static var corpusInputs: [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        return folders.sorted().flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus + "/" + folder)) ?? []
            return files.filter { $0.hasPrefix("input.") }.map { corpus + "/" + folder + "/" + $0 }
        }
    }

    @Test("golden milestones name every period they cover", arguments: Repository.fixtureInputs)
    func goldens(_ input: String) throws {
        let path = Repository.path((input as NSString).deletingLastPathComponent + "/expected.jsonl")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for line in lines { Self.check(try JSONParser.parse(String(line)), in: input) }
    }

    /// The corpus's documents have few schedule columns, so besides their milestones every time
    /// in every task's text (title, target, measures, fields) is checked the same way.
    @Test("corpus milestones and times in task text name every period they cover", .enabled(if: FileManager.default.fileExists(atPath: corpus)))
    func corpusOutput() throws {
        #expect(!Self.corpusInputs.isEmpty)
        var checked = 0
        for input in Self.corpusInputs {
            guard let data = FileManager.default.contents(atPath: input),
                case .success(let document) = FileConverter.convert(bytes: [UInt8](data), path: input)
            else { continue }
            let records = RecordEncoder.encode(document)
            let year = records.first?["year"]?.scalarText.flatMap { Int($0) }
            for record in records {
                Self.check(record, in: input)
                checked += Self.checkTimesInText(of: record, year: year, in: input)
            }
        }
        #expect(checked >= 20, "only \(checked) times found in the corpus's task text")
    }

    @Test("times in golden task text name every period they cover", arguments: Repository.fixtureInputs)
    func goldenText(_ input: String) throws {
        let path = Repository.path((input as NSString).deletingLastPathComponent + "/expected.jsonl")
        let records = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let year = records.first?["year"]?.scalarText.flatMap { Int($0) }
        for record in records { _ = Self.checkTimesInText(of: record, year: year, in: input) }
    }

    /// Checks every time `TimeParser` finds in a task's text fields; returns how many it found.
    static func checkTimesInText(of record: JSONValue, year: Int?, in input: String) -> Int {
        guard record["type"]?.stringValue == "task" else { return 0 }
        let texts = ["title", "target", "measures"].compactMap { record[$0]?.stringValue }
            + (record["fields"]?.objectValue ?? []).compactMap(\.1.stringValue)
        var found = 0
        for text in texts {
            for match in TimeParser.parse(text, year: year) {
                found += 1
                let problems = problems(RecordEncoder.encode(match.time), text: match.text)
                #expect(problems.isEmpty, "\(input) \(record["id"]?.stringValue ?? ""): [\(match.text)] \(problems.joined(separator: "; "))")
            }
        }
        return found
    }

    @Test("the check itself fails on an interval over a list with a gap and on a part wider than its ref")
    func checkCatchesHiddenGaps() throws {
        let gap = try JSONParser.parse(#"{"type":"interval","grain":"quarter","ref":"2023-Q1/2023-Q3","start":"2023-01-01","end":"2023-09-30"}"#)
        #expect(!Self.problems(gap, text: "一、三季度，开展督查").isEmpty)
        #expect(Self.problems(gap, text: "一至三季度，开展督查").isEmpty)
        let wide = try JSONParser.parse(#"{"type":"set","grain":"month","ref":"2023-04,2023-06","parts":[{"type":"interval","grain":"month","ref":"2023-04","start":"2023-04-01","end":"2023-05-31"},{"type":"interval","grain":"month","ref":"2023-06","start":"2023-06-01","end":"2023-06-30"}]}"#)
        #expect(!Self.problems(wide, text: "4月、6月").isEmpty)
        let listed = try JSONParser.parse(#"{"type":"interval","grain":"month","ref":"2023-04,2023-06","start":"2023-04-01","end":"2023-06-30"}"#)
        #expect(!Self.problems(listed, text: "4月、6月").isEmpty)
    }

    static func check(_ record: JSONValue, in input: String) {
        for milestone in record["milestones"]?.arrayValue ?? [] {
            guard let when = milestone["when"], when != .null else { continue }
            let text = milestone["text"]?.stringValue ?? ""
            let problems = problems(when, text: text)
            #expect(problems.isEmpty, "\(input) \(record["id"]?.stringValue ?? ""): \(problems.joined(separator: "; ")) — \(text.prefix(80))")
        }
    }

    /// What is wrong with `when` for a milestone whose text is `text`; empty when nothing is.
    static func problems(_ when: JSONValue, text: String) -> [String] {
        let ref = when["ref"]?.stringValue ?? ""
        guard when["type"]?.stringValue == "set" else {
            if ref.contains(",") { return ["a list \(ref) written as one \(when["type"]?.stringValue ?? "")"] }
            return periodProblems(when, text: text)
        }
        let parts = when["parts"]?.arrayValue ?? []
        var problems: [String] = []
        if parts.count < 2 { problems.append("a set of \(parts.count) part(s)") }
        if when["start"] != nil || when["end"] != nil { problems.append("a set with its own start or end") }
        if parts.compactMap({ $0["ref"]?.stringValue }).joined(separator: ",") != ref { problems.append("parts do not make up \(ref)") }
        for part in parts {
            if part["type"]?.stringValue == "set" { problems.append("a set inside a set") }
            problems += periodProblems(part, text: text)
            if let number = part["ref"]?.stringValue.flatMap(periodNumber), !names(number, in: text) {
                problems.append("part \(part["ref"]?.stringValue ?? "") is not named in the text")
            }
        }
        return problems
    }

    /// A period's dates against its ref: an interval spans exactly its ref; a deadline ends with
    /// it or the day before it begins (X月前); from starts with it; a date is its day.
    static func periodProblems(_ time: JSONValue, text: String) -> [String] {
        guard let ref = time["ref"]?.stringValue, let span = span(of: ref) else { return [] }
        let start = time["start"]?.stringValue
        let end = time["end"]?.stringValue
        var problems: [String] = []
        switch time["type"]?.stringValue {
        case "interval", "date":
            if start != span.start || end != span.end { problems.append("\(ref) given as \(start ?? "?")..\(end ?? "?")") }
            // An interval across several quarters or months is a written range, or names each one.
            let ends = ref.split(separator: "/").map(String.init)
            if ends.count == 2, let first = periodNumber(ends[0]), let last = periodNumber(ends[1]), last > first + 1,
                !["至", "到", "-", "~", "—", "－", "～", "前"].contains(where: text.contains),
                let missing = (first + 1..<last).first(where: { !names($0, in: text) })
            {
                problems.append("\(ref) covers period \(missing), which the text does not name")
            }
        case "deadline", "as_of":
            if end != span.end && end != dayBefore(span.start) { problems.append("deadline \(ref) ends \(end ?? "?")") }
        case "from":
            if start != span.start { problems.append("from \(ref) starts \(start ?? "?")") }
        default:
            break
        }
        return problems
    }

    /// The first and last day a ref names: 2023, 2023-H1, 2023-Q2, 2023-07, 2023-07-31, A/B.
    static func span(of ref: String) -> (start: String, end: String)? {
        let ends = ref.split(separator: "/").map(String.init)
        if ends.count == 2 {
            guard let first = span(of: ends[0]), let last = span(of: ends[1]) else { return nil }
            return (first.start, last.end)
        }
        let parts = ref.split(separator: "-").map(String.init)
        guard let year = Int(parts[0]) else { return nil }
        func last(_ month: Int) -> String {
            let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return String(format: "%04d-%02d-%02d", year, month, days[month - 1])
        }
        func first(_ month: Int) -> String { String(format: "%04d-%02d-01", year, month) }
        switch parts.count {
        case 1: return (first(1), last(12))
        case 2:
            let part = parts[1]
            if part.hasPrefix("Q"), let quarter = Int(part.dropFirst()) { return (first(quarter * 3 - 2), last(quarter * 3)) }
            if part.hasPrefix("H"), let half = Int(part.dropFirst()) { return (first(half * 6 - 5), last(half * 6)) }
            if let month = Int(part) { return (first(month), last(month)) }
            return nil
        case 3:
            guard Int(parts[1]) != nil, Int(parts[2]) != nil else { return nil }
            return (ref, ref)
        default: return nil
        }
    }

    /// The quarter or month number of a ref (2023-Q3 → 3, 2023-07 → 7); nil for others.
    static func periodNumber(_ ref: String) -> Int? {
        let parts = ref.split(separator: "-")
        guard parts.count == 2 else { return nil }
        return parts[1].hasPrefix("Q") ? Int(parts[1].dropFirst()) : (parts[1].hasPrefix("H") ? nil : Int(parts[1]))
    }

    static let chineseNumbers = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]

    /// Whether `text` writes `number` (1–12) in Arabic or Chinese digits.
    static func names(_ number: Int, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let digits = Array(String(number).unicodeScalars)
        for index in scalars.indices where scalars[index...].starts(with: digits) {
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + digits.count < scalars.count ? scalars[index + digits.count] : " "
            if !("0"..."9").contains(before) && !("0"..."9").contains(after) { return true }
        }
        guard number < chineseNumbers.count else { return false }
        return text.contains(chineseNumbers[number]) || (number == 2 && text.contains("两"))
    }

    static func dayBefore(_ date: String) -> String? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var (year, month, day) = (parts[0], parts[1], parts[2] - 1)
        if day == 0 {
            month -= 1
            if month == 0 { year -= 1; month = 12 }
            day = Int(span(of: String(format: "%04d-%02d", year, month))!.end.suffix(2))!
        }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
