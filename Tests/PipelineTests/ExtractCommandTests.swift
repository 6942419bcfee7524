import Emit
import Foundation
import Testing

/// `plan2json extract` as a user runs it: the case tables' answers through the binary, line
/// splitting, the range of `--year`, and input that is not UTF-8.
@Suite struct ExtractCommandTests {
    /// Rows of a case table under Tests/NormalizeTests/Data (comments and blank lines skipped).
    static func rows(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Repository.path("Tests/NormalizeTests/Data/" + relative), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static func tables(_ prefix: String) throws -> [String] {
        let folder = Repository.path("Tests/NormalizeTests/Data/forms")
        return try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".tsv") }.sorted().map { "forms/" + $0 }
    }

    /// The binary's answer for each input line, in the case tables' notation.
    static func extract(_ inputs: [String], year: String?) throws -> [(quantities: String, times: String)] {
        let run = try CommandLineTests.run(["extract"] + (year.map { ["--year", $0] } ?? []), stdin: inputs.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        return try run.stdout.split(separator: "\n").map { line in
            let value = try JSONParser.parse(String(line))
            let quantities = (value["quantities"]?.arrayValue ?? []).map(Self.quantity)
            let times = (value["times"]?.arrayValue ?? []).map { "[\($0["text"]?.stringValue ?? "")] " + Self.time($0) }
            return (quantities.isEmpty ? "-" : quantities.joined(separator: " | "), times.isEmpty ? "-" : times.joined(separator: " | "))
        }
    }

    static func quantity(_ value: JSONValue) -> String {
        var parts = ["[\(value["text"]?.stringValue ?? "")]"]
        for key in ["value", "min", "max"] { if let number = value[key]?.scalarText { parts.append("\(key)=\(number)") } }
        parts.append("unit=\(value["unit"]?.stringValue ?? "nil")")
        parts.append("cmp=\(value["cmp"]?.stringValue ?? "")")
        if let per = value["per"]?.arrayValue { parts.append("per=" + per.compactMap(\.stringValue).joined(separator: ",")) }
        if let currency = value["currency"]?.stringValue { parts.append("cur=\(currency)") }
        if value["target"] == .bool(true) { parts.append("target") }
        return parts.joined(separator: " ")
    }

    static func time(_ value: JSONValue) -> String {
        let head = ["type", "grain", "ref"].map { value[$0]?.stringValue ?? "" }.joined(separator: " ")
        let body: String
        if let parts = value["parts"]?.arrayValue {
            body = "{" + parts.map(time).joined(separator: "; ") + "}"
        } else {
            body = "\(value["start"]?.stringValue ?? "")..\(value["end"]?.stringValue ?? "")"
        }
        return "\(head) \(body)" + (value["ambiguous"] == .bool(true) ? " ambiguous" : "")
    }

    /// extract writes the cleaned line, where full-width digits are ASCII: the text
    /// of a quantity is cleaned the same way.
    static func cleaned(_ expected: String) -> String {
        String(String.UnicodeScalarView(expected.unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
    }

    @Test("extract gives the quantity tables' answers")
    func quantityTables() throws {
        for table in try Self.tables("quantities") + ["quantities.tsv", "non-quantities.tsv"] {
            let rows = try Self.rows(table)
            let answers = try Self.extract(rows.map { $0[0] }, year: nil)
            try #require(answers.count == rows.count, "\(table)")
            for (row, answer) in zip(rows, answers) { #expect(answer.quantities == Self.cleaned(row[1]), "\(table): \(row[0])") }
        }
    }

    @Test("extract gives the time tables' answers, per document year")
    func timeTables() throws {
        for table in try Self.tables("times") + ["times.tsv"] {
            let rows = try Self.rows(table)
            for year in Set(rows.map { $0[0] }).sorted() {
                let group = rows.filter { $0[0] == year }
                let answers = try Self.extract(group.map { $0[1] }, year: year == "-" ? nil : year)
                try #require(answers.count == group.count, "\(table)")
                for (row, answer) in zip(group, answers) { #expect(answer.times == row[2], "\(table): \(row[1])") }
            }
        }
    }

    @Test("CRLF, LF and CR all end a line; a last line break adds no empty line")
    func lineBreaks() throws {
        let run = try CommandLineTests.run(["extract", "--year", "2023"], stdin: "一季度\r\n二季度\r\n\r\n三季度\r四季度\n")
        let texts = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0))["text"]?.stringValue }
        #expect(texts == ["一季度", "二季度", "", "三季度", "四季度"])
    }

    @Test("--year outside 1900–2100 is a usage error: exit 2, nothing on stdout", arguments: ["1899", "2101", "0", "-5"])
    func yearOutOfRange(_ year: String) throws {
        let run = try CommandLineTests.run(["extract", "--year=\(year)"], stdin: "一季度\n")
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--year"))
    }

    @Test("stdin that is not UTF-8 is refused with the problem named")
    func notUTF8() throws {
        let gb18030: [UInt8] = [0xBC, 0xBE, 0xB6, 0xC8, 0x0A]  // 季度 in GB18030
        let run = try CommandLineTests.run(["extract"], stdinBytes: [0x61, 0x0A] + gb18030)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("not valid UTF-8: byte 0xBC at offset 2 (line 2)"))
        let utf16 = try CommandLineTests.run(["extract"], stdinBytes: [0xFF, 0xFE, 0x00, 0x4E, 0x0A, 0x00])
        #expect(utf16.status == 2)
        #expect(utf16.stderr.contains("UTF-16"))
    }
}
