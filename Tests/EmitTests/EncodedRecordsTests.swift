import Foundation
import Emit
import PlanModel
import Testing

/// One document's lines as the writers get them: in pieces, spilled to a temporary file past a
/// memory budget, or kept as a range of the last run's records.jsonl — written the same bytes
/// whichever way they travel.
@Suite struct EncodedRecordsTests {
    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "plan2json-encoded-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A document with `count` tasks, each with its own title.
    func document(tasks count: Int) -> NormalizedDocument {
        let tasks = (1...count).map { seq in
            var task = RecordSchemaTests.task
            task.seq = seq
            task.id = "0f0f0f0f0f0f0f0f/一/\(seq)"
            task.title = "第\(seq)项：" + String(repeating: "建设", count: seq % 50)
            return task
        }
        return NormalizedDocument(document: RecordSchemaTests.document, tasks: tasks)
    }

    func written(_ records: EncodedRecords, in folder: String, name: String) throws -> Data {
        var writer = JSONLinesWriter(recordsPath: folder + "/" + name, errorsPath: folder + "/" + name + ".errors")
        try writer.begin()
        try writer.write(.records(records))
        try writer.finish()
        return try #require(FileManager.default.contents(atPath: folder + "/" + name))
    }

    @Test func aDocumentPastItsMemoryBudgetSpillsAndIsWrittenTheSame() throws {
        let folder = try temporaryFolder()
        // About 1.5 MB of task lines: more than one piece.
        let inMemory = EncodedRecords(document(tasks: 2500), keepingTyped: false)
        let spilled = EncodedRecords(document(tasks: 2500), keepingTyped: false, spillFolder: folder, memoryBudget: 1 << 20)
        #expect(inMemory.taskPieces.count >= 2)
        #expect(inMemory.taskPieces.allSatisfy { if case .bytes = $0 { true } else { false } })
        #expect(spilled.taskPieces.contains { if case .file = $0 { true } else { false } })
        #expect(spilled.taskPieces.count == inMemory.taskPieces.count)
        // The temporary file has no name: nothing is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let expected = try written(inMemory, in: folder, name: "a.jsonl")
        #expect(try written(spilled, in: folder, name: "b.jsonl") == expected)
        #expect(String(decoding: expected, as: UTF8.self).split(separator: "\n").count == 2501)
    }

    @Test func typedRecordsKeptForCSVAreNeverSpilled() {
        let records = EncodedRecords(document(tasks: 2500), keepingTyped: true, spillFolder: NSTemporaryDirectory(), memoryBudget: 0)
        #expect(records.document?.tasks.count == 2500)
        #expect(records.taskPieces.allSatisfy { if case .bytes = $0 { true } else { false } })
    }

    @Test func theLastRunsFileKeptWholeIsLinkedNotWritten() throws {
        let folder = try temporaryFolder()
        let first = EncodedRecords(document(tasks: 3), keepingTyped: false)
        let second = EncodedRecords(document(tasks: 5), keepingTyped: false)
        var writer = JSONLinesWriter(recordsPath: folder + "/old.jsonl", errorsPath: folder + "/old.errors")
        try writer.begin()
        try writer.write(.records(first))
        try writer.write(.records(second))
        try writer.finish()
        let old = try #require(BackingFile(reading: folder + "/old.jsonl"))
        let split = first.count

        // Both documents kept, in order: the new file is the old one.
        var keepsAll = JSONLinesWriter(
            recordsPath: folder + "/new.jsonl", errorsPath: folder + "/new.errors", earlier: .init(path: folder + "/old.jsonl", file: old))
        try keepsAll.begin()
        try keepsAll.write(.records(kept(old, 0..<split, documentLine: first.documentLine)))
        try keepsAll.write(.records(kept(old, split..<old.count, documentLine: second.documentLine)))
        try keepsAll.finish()
        let oldInfo = try FileManager.default.attributesOfItem(atPath: folder + "/old.jsonl")
        let newInfo = try FileManager.default.attributesOfItem(atPath: folder + "/new.jsonl")
        #expect(newInfo[.systemFileNumber] as? Int == oldInfo[.systemFileNumber] as? Int)

        // The first kept, the second converted again: written out, the same bytes.
        var keepsOne = JSONLinesWriter(
            recordsPath: folder + "/mixed.jsonl", errorsPath: folder + "/mixed.errors", earlier: .init(path: folder + "/old.jsonl", file: old))
        try keepsOne.begin()
        try keepsOne.write(.records(kept(old, 0..<split, documentLine: first.documentLine)))
        try keepsOne.write(.records(second))
        try keepsOne.finish()
        let mixedInfo = try FileManager.default.attributesOfItem(atPath: folder + "/mixed.jsonl")
        #expect(mixedInfo[.systemFileNumber] as? Int != oldInfo[.systemFileNumber] as? Int)
        #expect(FileManager.default.contents(atPath: folder + "/mixed.jsonl") == FileManager.default.contents(atPath: folder + "/old.jsonl"))
    }

    /// Lines kept from `file`: the document line in memory, the task lines a range of the file.
    func kept(_ file: BackingFile, _ range: Range<Int>, documentLine: ArraySlice<UInt8>) -> EncodedRecords {
        EncodedRecords(
            documentLine: documentLine, taskPieces: [.file(file, range.lowerBound + documentLine.count..<range.upperBound)],
            document: nil, earlierRange: range)
    }
}
