import Foundation
import Emit
import PlanModel
import Testing

@Suite struct WriterTests {
    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "plan2json-emit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    var records: EncodedRecords { EncodedRecords(NormalizedDocument(document: RecordSchemaTests.document, tasks: [RecordSchemaTests.task])) }
    var failure: FileFailure {
        FileFailure(path: "b.pdf", sha256: nil, stage: "detect", code: .binaryFile, message: "PDF document")
    }

    @Test func jsonLinesAppearOnlyWhenFinished() throws {
        let folder = try temporaryFolder()
        var writer = JSONLinesWriter(recordsPath: folder + "/records.jsonl", errorsPath: folder + "/errors.jsonl")
        try writer.begin()
        try writer.write(.records(records))
        try writer.write(.failure(failure))
        #expect(!FileManager.default.fileExists(atPath: folder + "/records.jsonl"))
        try writer.finish()
        let lines = try String(contentsOfFile: folder + "/records.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix(#"{"type":"task","schema":"plan2json/1","id":"0f0f0f0f0f0f0f0f/一/1""#))
        let errors = try String(contentsOfFile: folder + "/errors.jsonl", encoding: .utf8)
        #expect(errors == #"{"path":"b.pdf","sha256":null,"stage":"detect","code":"ingest.format.binary","message":"PDF document"}"# + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["errors.jsonl", "records.jsonl"])
    }

    @Test func csvQuotesWhatNeedsQuoting() throws {
        let folder = try temporaryFolder()
        var writer = CSVWriter(path: folder + "/tasks.csv")
        try writer.begin()
        try writer.write(.records(records))
        try writer.write(.failure(failure))
        try writer.finish()
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/tasks.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte order mark first, for Excel")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == CSVWriter.columns.joined(separator: ","))
        #expect(lines[1].hasPrefix("0f0f0f0f0f0f0f0f/一/1,0f0f0f0f0f0f0f0f,1,1,一 甲,建设,,,\"一季度，建设。\n持续推进。\",\"2023-Q1\n\",黎军,市局,,"))
        #expect(csv.contains(#""[{""text"":""7.44万个"",""value"":74400,"#))
        #expect(lines.count == 3 && lines[2].isEmpty)
    }

    @Test func sqliteHoldsTablesThatJoin() throws {
        let folder = try temporaryFolder()
        let path = folder + "/plan.sqlite"
        var writer = SQLiteWriter(path: path)
        try writer.begin()
        try writer.write(.records(records))
        try writer.write(.failure(failure))
        try writer.finish()
        let rows = try SQLiteWriter.query(path: path, """
            SELECT t.title, d.title, m.ref, q.value_text, u.name, (SELECT count(*) FROM errors)
            FROM tasks t JOIN documents d USING (doc_id) JOIN milestones m ON m.task_id = t.id AND m.position = 1
            JOIN quantities q ON q.task_id = t.id JOIN units u ON u.task_id = t.id AND u.role = 'lead_units'
            """)
        #expect(rows == [["建设", "计划", "2023-Q1", "74400", "市局", "1"]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["plan.sqlite"])
        // Values are numbers for SQL (max, sums), the exact text beside them.
        #expect(try SQLiteWriter.query(path: path, "SELECT typeof(value), value * 2, max(value) FROM quantities") == [["real", "148800.0", "74400.0"]])
    }

    @Test func csvCanKeepEveryRowOnOnePhysicalLineAndLeaveOutTheMark() throws {
        let folder = try temporaryFolder()
        var writer = CSVWriter(path: folder + "/tasks.csv", options: CSVWriter.Options(byteOrderMark: false, escapeNewlines: true))
        try writer.begin()
        try writer.write(.records(records))
        try writer.finish()
        let csv = try #require(FileManager.default.contents(atPath: folder + "/tasks.csv"))
        #expect(csv.first == UInt8(ascii: "i"))
        let lines = String(decoding: csv, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(!lines[1].contains("\n"))
        #expect(lines[1].contains(#",一季度，建设。\n持续推进。,"#), "the line break written as \\n")
    }

    @Test func tasksJSONLinesHoldsTaskRecordsOnly() throws {
        let folder = try temporaryFolder()
        var writer = JSONLinesWriter(tasksPath: folder + "/tasks.jsonl")
        try writer.begin()
        try writer.write(.records(records))
        try writer.write(.failure(failure))
        try writer.finish()
        let lines = try String(contentsOfFile: folder + "/tasks.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix(#"{"type":"task","#))
    }

    /// A task whose one milestone is the set 一、三季度 (SPEC §5).
    var setTask: TaskRecord {
        var task = RecordSchemaTests.task
        let first = TimeExpression(kind: .interval, grain: .quarter, ref: "2023-Q1", start: CalendarDate(year: 2023, month: 1, day: 1),
            end: CalendarDate(year: 2023, month: 3, day: 31))
        let third = TimeExpression(kind: .interval, grain: .quarter, ref: "2023-Q3", start: CalendarDate(year: 2023, month: 7, day: 1),
            end: CalendarDate(year: 2023, month: 9, day: 30))
        task.milestones = [Milestone(when: TimeExpression(set: [first, third]), text: "一、三季度，建设。")]
        return task
    }

    var setRecords: EncodedRecords { EncodedRecords(NormalizedDocument(document: RecordSchemaTests.document, tasks: [setTask])) }

    @Test func aSetIsWrittenWithItsPartsAndNoSpanOfItsOwn() throws {
        let milestone = try #require(RecordEncoder.encode(setTask)["milestones"]?.arrayValue?.first)
        #expect(JSONSerializer.serialize(milestone["when"]!) == #"{"type":"set","grain":"quarter","ref":"2023-Q1,2023-Q3","parts":["#
            + #"{"type":"interval","grain":"quarter","ref":"2023-Q1","start":"2023-01-01","end":"2023-03-31"},"#
            + #"{"type":"interval","grain":"quarter","ref":"2023-Q3","start":"2023-07-01","end":"2023-09-30"}]}"#)

        let folder = try temporaryFolder()
        var sqlite = SQLiteWriter(path: folder + "/plan.sqlite")
        try sqlite.begin()
        try sqlite.write(.records(setRecords))
        try sqlite.finish()
        let milestones = try SQLiteWriter.query(path: folder + "/plan.sqlite", #"SELECT type, ref, start, "end" FROM milestones"#)
        #expect(milestones == [["set", "2023-Q1,2023-Q3", nil, nil]])
        // "Due in Q2" finds nothing: no row covers April–June.
        let periods = try SQLiteWriter.query(path: folder + "/plan.sqlite", """
            SELECT position, part, ref, start, "end" FROM milestone_periods ORDER BY part
            """)
        #expect(periods == [["1", "1", "2023-Q1", "2023-01-01", "2023-03-31"], ["1", "2", "2023-Q3", "2023-07-01", "2023-09-30"]])
        let q2 = try SQLiteWriter.query(path: folder + "/plan.sqlite", """
            SELECT count(*) FROM milestone_periods WHERE start <= '2023-06-30' AND "end" >= '2023-04-01'
            """)
        #expect(q2 == [["0"]])

        var csv = CSVWriter(path: folder + "/tasks.csv")
        try csv.begin()
        try csv.write(.records(setRecords))
        try csv.finish()
        #expect(try String(contentsOfFile: folder + "/tasks.csv", encoding: .utf8).contains(#","2023-Q1,2023-Q3","#))
    }

    @Test func everyMilestoneHasItsPeriodRow() throws {
        let folder = try temporaryFolder()
        var writer = SQLiteWriter(path: folder + "/plan.sqlite")
        try writer.begin()
        try writer.write(.records(records))
        try writer.finish()
        // The task's first milestone is one quarter; its second has no time and no period row.
        let rows = try SQLiteWriter.query(path: folder + "/plan.sqlite", "SELECT position, part, type, ref FROM milestone_periods")
        #expect(rows == [["1", "1", "interval", "2023-Q1"]])
    }

    /// Two documents, the second's task text full of what CSV quotes (commas, quotes, line breaks).
    func twoDocuments() -> [EncodedRecords] {
        var second = RecordSchemaTests.document
        second.source.sha256 = String(repeating: "1e", count: 32)
        second.source.path = "b.txt"
        var task = RecordSchemaTests.task
        task.id = "1e1e1e1e1e1e1e1e/一/1"
        task.docID = "1e1e1e1e1e1e1e1e"
        task.title = "建设，\"一\",二\n三"
        return [
            EncodedRecords(NormalizedDocument(document: RecordSchemaTests.document, tasks: [RecordSchemaTests.task, RecordSchemaTests.task])),
            EncodedRecords(NormalizedDocument(document: second, tasks: [task])),
        ]
    }

    func writeCSV(_ records: [EncodedRecords], to path: String, options: CSVWriter.Options = CSVWriter.Options(), earlier: CSVWriter.Earlier? = nil) throws -> [UInt8] {
        var writer = CSVWriter(path: path, options: options, earlier: earlier)
        try writer.begin()
        for record in records { try writer.write(.records(record)) }
        try writer.finish()
        return try #require(FileManager.default.contents(atPath: path)).map { $0 }
    }

    /// A document kept by an incremental run comes without typed records: its rows are copied
    /// from the last run's tasks.csv, line breaks and quotes inside them included.
    @Test func keptDocumentsTakeTheirRowsFromTheEarlierCSV() throws {
        let folder = try temporaryFolder()
        let documents = twoDocuments()
        let first = try writeCSV(documents, to: folder + "/first.csv")
        let earlier = try #require(CSVWriter.Earlier(path: folder + "/first.csv", options: CSVWriter.Options()))
        #expect(earlier.has("0f0f0f0f0f0f0f0f") && earlier.has("1e1e1e1e1e1e1e1e"))
        let kept = documents.map { records in
            var records = records
            records.document = nil
            return records
        }
        #expect(try writeCSV(kept, to: folder + "/second.csv", earlier: earlier) == first)
        // Without an earlier file to copy from, a kept document with tasks is an error, not lost rows.
        #expect(throws: EmitError.self) { try writeCSV(kept, to: folder + "/third.csv") }
    }

    /// The earlier file is taken only with the header and mark this run writes, and a document
    /// whose rows are not together (the file was edited) is not copied from it.
    @Test func anEarlierCSVIsTakenOnlyAsThisRunWouldWriteIt() throws {
        let folder = try temporaryFolder()
        _ = try writeCSV(twoDocuments(), to: folder + "/first.csv")
        #expect(CSVWriter.Earlier(path: folder + "/first.csv", options: CSVWriter.Options(byteOrderMark: false)) == nil)
        #expect(CSVWriter.Earlier(path: folder + "/missing.csv", options: CSVWriter.Options()) == nil)
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/first.csv"))
        let text = String(decoding: bytes, as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n0f0f")
        // The first document's second row moved after the second document's.
        #expect(rows.count == 3)
        let moved = rows[0] + "\r\n0f0f" + rows[2].dropLast(2) + "\r\n0f0f" + rows[1] + "\r\n"
        try moved.write(toFile: folder + "/moved.csv", atomically: true, encoding: .utf8)
        let earlier = try #require(CSVWriter.Earlier(path: folder + "/moved.csv", options: CSVWriter.Options()))
        #expect(!earlier.has("0f0f0f0f0f0f0f0f"))
        #expect(earlier.has("1e1e1e1e1e1e1e1e"))
    }
}
