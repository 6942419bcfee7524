import Emit
import Foundation
import Testing

/// The `plan2json` binary as a user runs it: exit statuses, output files, determinism,
/// incremental runs, stdin and stdout.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, in folder: String? = nil) throws -> Run {
        try run(arguments, stdinBytes: stdin.map { Array($0.utf8) }, in: folder)
    }

    static func run(_ arguments: [String], stdinBytes stdin: [UInt8]?, in folder: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh folder holding copies of some fixtures.
    static func workspace(_ files: [String: String]) throws -> String {
        let folder = NSTemporaryDirectory() + "plan2json-cli-\(UUID().uuidString)"
        for (name, fixture) in files {
            let target = folder + "/in/" + name
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Repository.path(fixture), toPath: target)
        }
        return folder
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func badFilesGetAnErrorLineAndTheOthersStillConvert() throws {
        let folder = try Self.workspace([
            "a/plan.txt": "fixtures/table-dump/seed-000/input.txt", "b/report.pdf": "fixtures/errors/report.pdf",
            "b/empty.txt": "fixtures/errors/empty.txt", "b/random.bin": "fixtures/errors/random.bin",
            ".hidden/skip.txt": "fixtures/table-dump/seed-001/input.txt",
        ])
        let run = try Self.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        let errors = try Self.lines(folder + "/out/errors.jsonl").map { try JSONParser.parse($0) }
        #expect(errors.compactMap { $0["path"]?.stringValue } == ["in/b/empty.txt", "in/b/random.bin", "in/b/report.pdf"])
        #expect(errors.compactMap { $0["code"]?.stringValue } == ["ingest.decode.empty", "ingest.format.binary", "ingest.format.binary"])
        #expect(errors[2]["message"]?.stringValue?.contains("PDF") == true)
        let records = try Self.lines(folder + "/out/records.jsonl")
        #expect(records.count == 62)
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").filter { !$0.hasPrefix(".") }.sorted()
        #expect(visible == ["current", "errors.jsonl", "manifest.json", "records.jsonl"])
    }

    @Test func exitStatusFollowsFailOn() throws {
        let folder = try Self.workspace(["x.pdf": "fixtures/errors/report.pdf", "y.bin": "fixtures/errors/random.bin"])
        #expect(try Self.run(["convert", "in", "-o", "out", "--quiet"], in: folder).status == 3)
        #expect(try Self.run(["convert", "in", "-o", "out", "--quiet", "--fail-on", "never"], in: folder).status == 0)
        let mixed = try Self.workspace(["x.pdf": "fixtures/errors/report.pdf", "ok.txt": "fixtures/text/seed-003/input.txt"])
        #expect(try Self.run(["convert", "in", "-o", "out", "--quiet", "--fail-on", "all"], in: mixed).status == 0)
        #expect(try Self.run(["convert", "missing-folder", "-o", "out", "--quiet"], in: mixed).status == 2)
        #expect(try Self.run(["convert", "in", "--format", "xml"], in: mixed).status != 0)
    }

    @Test func outputIsByteIdenticalWhateverTheParallelism() throws {
        let folder = try Self.workspace([
            "1.txt": "fixtures/table-dump/seed-000/input.txt", "2.txt": "fixtures/table-dump/seed-002/input.txt",
            "3.txt": "fixtures/text/seed-003/input.txt", "4.txt": "fixtures/text/seed-004/input.txt",
        ])
        try Self.run(["convert", "in", "-o", "one", "-j", "1", "--quiet", "--format", "jsonl,csv"], in: folder)
        try Self.run(["convert", "in", "-o", "two", "-j", "3", "--quiet", "--format", "jsonl,csv"], in: folder)
        for file in ["records.jsonl", "tasks.csv", "manifest.json"] {
            let one = FileManager.default.contents(atPath: folder + "/one/" + file)
            #expect(one != nil && one == FileManager.default.contents(atPath: folder + "/two/" + file), "\(file) differs")
        }
    }

    @Test func unchangedFilesAreSkippedAndTheirRecordsKept() throws {
        let folder = try Self.workspace(["1.txt": "fixtures/table-dump/seed-000/input.txt", "2.txt": "fixtures/text/seed-003/input.txt", "3.pdf": "fixtures/errors/report.pdf"])
        let first = try Self.run(["convert", "in", "-o", "out", "--format", "jsonl,sqlite"], in: folder)
        let records = FileManager.default.contents(atPath: folder + "/out/records.jsonl")
        let second = try Self.run(["convert", "in", "-o", "out", "--format", "jsonl,sqlite"], in: folder)
        #expect(first.stderr.contains("3 file(s): 2 converted, 1 failed"))
        #expect(second.stderr.contains("3 file(s): 0 converted, 2 unchanged, 1 failed"))
        #expect(FileManager.default.contents(atPath: folder + "/out/records.jsonl") == records)
        #expect(try SQLiteWriter.query(path: folder + "/out/plan.sqlite", "SELECT count(*) FROM tasks") == [["71"]])

        // A changed file is converted again; the unchanged one is still kept.
        try "一、总则\n1.建设项目（市教育局负责）\n".write(toFile: folder + "/in/2.txt", atomically: true, encoding: .utf8)
        let third = try Self.run(["convert", "in", "-o", "out"], in: folder)
        #expect(third.stderr.contains("3 file(s): 1 converted, 1 unchanged, 1 failed"))
        #expect(try Self.lines(folder + "/out/records.jsonl").count == 64)
        let forced = try Self.run(["convert", "in", "-o", "out", "--force"], in: folder)
        #expect(!forced.stderr.contains("unchanged"))
        #expect(try Self.lines(folder + "/out/records.jsonl").count == 64)
    }

    @Test func stdinToStdout() throws {
        let input = try String(contentsOfFile: Repository.path("fixtures/text/seed-003/input.txt"), encoding: .utf8)
        let run = try Self.run(["convert", "-"], stdin: input)
        #expect(run.status == 0)
        let records = run.stdout.split(separator: "\n").map { try? JSONParser.parse(String($0)) }
        #expect(records.count == 11)
        #expect(records.first??["source"]?["path"] == .string("-"))
        let failed = try Self.run(["convert", "-"], stdin: "")
        #expect(failed.status == 3)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.contains("ingest.decode.empty"))
    }

    @Test func schemaCommandPrintsTheSchema() throws {
        let run = try Self.run(["schema"])
        #expect(try JSONParser.parse(run.stdout) == RecordSchema.json)
        #expect(run.stdout.contains("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test func extractWritesOneObjectPerLine() throws {
        let run = try Self.run(["extract", "--year", "2023"], stdin: "新增学位1.2万个\n\n二、三季度，推进\n")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3)
        let first = try JSONParser.parse(String(lines[0]))
        #expect(first.objectValue?.map(\.0) == ["text", "quantities", "times"])
        #expect(first["text"] == .string("新增学位1.2万个"))
    }

    @Test func inspectShowsWhatTheToolSees() throws {
        let run = try Self.run(["inspect", Repository.path("fixtures/table-dump/seed-000/input.txt")])
        #expect(run.status == 0)
        for line in ["encoding  utf-8", "format    table-dump", "一 强化医疗服务保障   12 / 12  ok", "tasks     61"] {
            #expect(run.stdout.contains(line), "missing: \(line)")
        }
        let pdf = try Self.run(["inspect", Repository.path("fixtures/errors/report.pdf")])
        #expect(pdf.stdout.contains("ingest.format.binary"))
    }

    @Test func blocksShowTheDocumentModelAsRead() throws {
        let folder = try Self.workspace(["a.txt": "fixtures/table-dump/seed-002/input.txt"])
        try Self.run(["convert", "in", "-o", "out", "--blocks", "--quiet"], in: folder)
        let blocks = try Self.lines(folder + "/out/blocks.jsonl").map { try JSONParser.parse($0) }
        #expect(blocks.first?["type"] == .string("source"))
        let table = try #require(blocks.first { $0["type"] == .string("table") })
        #expect(table["rows"]?.arrayValue?.count == 111)
    }

    @Test func keepScriptLeavesTraditionalTextAsPrinted() throws {
        let folder = try Self.workspace(["004.txt": "fixtures/text/seed-004/input.txt"])
        try Self.run(["convert", "in", "-o", "kept", "--keep-script", "--quiet"], in: folder)
        try Self.run(["convert", "in", "-o", "converted", "--quiet"], in: folder)
        let kept = try Self.lines(folder + "/kept/records.jsonl").map { try JSONParser.parse($0) }
        let converted = try Self.lines(folder + "/converted/records.jsonl").map { try JSONParser.parse($0) }
        #expect(kept[0]["script"]?["converted"] == .number("0"))
        #expect(kept[1]["title"] == .string("著力健全公共安全保障體系"))
        #expect(kept[1]["original"] == nil)
        #expect(converted[1]["title"] == .string("着力健全公共安全保障体系"))
        #expect(converted[1]["original"]?["title"] == .string("著力健全公共安全保障體系"))
        #expect(kept.count == converted.count)
    }

    /// The dictionaries are compiled in: a copy of the binary alone in an empty folder converts
    /// traditional text exactly as the built one does.
    @Test func theBinaryWorksWhenCopiedAlone() throws {
        let folder = try Self.workspace(["004.txt": "fixtures/text/seed-004/input.txt"])
        let lonely = folder + "/bin/plan2json"
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.binary, toPath: lonely)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lonely)
        process.arguments = ["convert", "in", "-o", "out", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let records = try Self.lines(folder + "/out/records.jsonl")
        #expect(records.count == 31)
        #expect(records[1].contains("着力健全公共安全保障体系"))
    }
}
