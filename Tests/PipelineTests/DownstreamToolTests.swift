import Emit
import Foundation
import Testing

/// The outputs as the tools downstream read them: Python's csv module, DuckDB (installed by
/// scripts/install-dependencies), SQL over plan.sqlite.
@Suite struct DownstreamToolTests {
    typealias CLI = CommandLineTests

    static func python(_ script: String, in folder: String) throws -> Shell.Run {
        try script.write(toFile: folder + "/check.py", atomically: true, encoding: .utf8)
        return try Shell.run("python3 check.py", in: folder)
    }

    @Test func pythonsCSVModuleReadsTheCSVWithAndWithoutTheMark() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/table-dump/seed-000/input.txt"])
        try CLI.run(["convert", "in", "--format", "csv", "--quiet"], in: folder)
        try CLI.run(["convert", "in", "--format", "csv", "--no-csv-bom", "--csv-newlines", "escape", "-o", "plain", "--quiet"], in: folder)
        let run = try Self.python(
            """
            import csv
            with open("out/tasks.csv", encoding="utf-8-sig", newline="") as f:
                marked = list(csv.DictReader(f))
            with open("plain/tasks.csv", encoding="utf-8", newline="") as f:
                plain = list(csv.DictReader(f))
            with open("out/tasks.csv", "rb") as f:
                print(f.read(3) == b"\\xef\\xbb\\xbf")
            with open("plain/tasks.csv", "rb") as f:
                print(len(f.read().split(b"\\r\\n")) - 2)
            print(len(marked), len(plain), marked[0]["id"] == plain[0]["id"], marked[0]["doc_number"] == plain[0]["doc_number"])
            print("\\n" in marked[0]["milestones"], "\\\\n" in plain[0]["milestones"], "\\n" in plain[0]["milestones"])
            """, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "True\n61\n61 61 True True\nTrue True False\n")
    }

    /// `fields` is a map (printed header → text): read as one, DuckDB gives it one type whatever
    /// the headers of the batch, and a header's text is one lookup away.
    @Test func duckDBReadsFieldsAsOneMapTypeAcrossBatches() throws {
        let folder = try CLI.workspace(["a/plan.txt": "fixtures/table-dump/seed-000/input.txt", "b/plan.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in/a", "-o", "one", "--format", "tasks", "--quiet"], in: folder)
        try CLI.run(["convert", "in/b", "-o", "two", "--format", "tasks", "--quiet"], in: folder)
        let run = try Self.python(
            """
            import duckdb
            for batch in ["one", "two"]:
                for name in ["records.jsonl", "tasks.jsonl"]:
                    columns = duckdb.sql(f"DESCRIBE SELECT * FROM read_json('{batch}/{name}', map_inference_threshold=0)").fetchall()
                    print(name, dict((row[0], row[1]) for row in columns)["fields"])
            print(duckdb.sql("SELECT count(DISTINCT t.type) FROM read_json_auto('one/tasks.jsonl') AS t").fetchall()[0][0])
            print(duckdb.sql("SELECT fields['责任领导'] FROM read_json('one/tasks.jsonl', map_inference_threshold=0) LIMIT 1").fetchall()[0][0])
            """, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(Set(lines.prefix(4)) == ["records.jsonl MAP(VARCHAR, VARCHAR)", "tasks.jsonl MAP(VARCHAR, VARCHAR)"])
        #expect(lines[4] == "1", "tasks.jsonl holds one record type")
        #expect(lines[5] == "黎 军")
    }

    @Test func sqliteQuantityValuesAreNumbers() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/table-dump/seed-000/input.txt", "b.txt": "fixtures/text/seed-004/input.txt"])
        try CLI.run(["convert", "in", "--format", "sqlite", "--quiet"], in: folder)
        let values = try CLI.lines(folder + "/out/records.jsonl").map { try JSONParser.parse($0) }
            .flatMap { $0["quantities"]?.arrayValue ?? [] }.compactMap { $0["value"]?.scalarText }.compactMap { Decimal(string: $0) }
        let largest = try #require(values.max())
        let rows = try SQLiteWriter.query(path: folder + "/out/plan.sqlite", "SELECT max(value), typeof(max(value)) FROM quantities")
        #expect(rows.first?.last == "real")
        #expect(Decimal(string: rows.first?.first.flatMap { $0 } ?? "") == largest)
        let exact = try SQLiteWriter.query(
            path: folder + "/out/plan.sqlite", "SELECT value_text FROM quantities WHERE value = (SELECT max(value) FROM quantities) LIMIT 1")
        #expect(exact.first?.first.flatMap { $0 }.flatMap { Decimal(string: $0) } == largest)
    }
}
