import Emit
import Foundation
@testable import Pipeline
import Testing
import TestSupport

/// `plan2json convert --input-jsonl`: many documents through one process, as Spark and Hadoop
/// streaming use it, compared with converting the same files the ordinary way.
@Suite struct JSONLinesInputTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built binary with stdin, stdout and stderr as files (outputs of a megabyte would
    /// fill a pipe while its input is still being written).
    static func run(_ arguments: [String], stdinFile: String? = nil, stdoutFile: String? = nil, in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let outPath = folder + "/.stdout-\(UUID().uuidString)"
        let errPath = folder + "/.stderr-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = FileHandle(forWritingAtPath: stdoutFile ?? outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = stdinFile.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOfFile: outPath, encoding: .utf8),
            stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    static func documentLine(path: String, bytes: [UInt8]) -> String {
        JSONSerializer.serialize(.object([
            ("path", .string(path)), ("content_base64", .string(Data(bytes).base64EncodedString())),
        ]))
    }

    /// A small task table with numbers, schedules and units drawn from `random`, in simplified
    /// or traditional script.
    static func syntheticTable(_ random: inout SplitMix64, traditional: Bool) -> String {
        let parks = Int.random(in: 1...400, using: &random)
        let money = Int.random(in: 1...999, using: &random)
        let seats = Int.random(in: 100...9000, using: &random)
        let quarter = ["一", "二", "三", "四"][Int.random(in: 0...3, using: &random)]
        if traditional {
            return """
                2023年民生實事任務分解表
                \t序號
                \t工作內容
                \t季度進度安排
                \t牽頭單位
                \t協助單位

                \t1
                \t新建社區公園\(parks)個，完成投資\(money)萬元
                \t\(quarter)季度，完成選址。
                \t市城管局
                \t各鎮街、市財政局

                """
        }
        return """
            2023年民生实事任务分解表
            \t序号
            \t工作内容
            \t季度进度安排
            \t牵头单位
            \t协助单位

            \t1
            \t新建社区公园\(parks)个，完成投资\(money)万元
            \t\(quarter)季度，完成选址。
            \t市城管局
            \t各镇街、市财政局

            \t2
            \t新增学位不少于\(seats)个
            \t年底前完成。
            \t市教育局
            \t无

            """
    }

    /// 1,000 documents: synthetic tables in UTF-8, UTF-16 and traditional script, with real
    /// fixtures (GBK HTML, a page without tasks) and unreadable files among them.
    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        let real = [
            "fixtures/html/seed002-items-gbk/input.html", "fixtures/html/not-found/input.html",
            "fixtures/errors/random.bin", "fixtures/errors/report.pdf", "fixtures/errors/empty.txt",
        ]
        var random = SplitMix64(seed: 12)
        var documents: [(name: String, bytes: [UInt8])] = []
        for index in 0..<1000 {
            let stem = String(format: "doc-%04d", index)
            if index % 50 == 25 {
                let fixture = real[(index / 50) % real.count]
                documents.append((stem + "." + (fixture as NSString).pathExtension, try Repository.bytes(fixture)))
                continue
            }
            switch index % 10 {
            case 3:
                let text = syntheticTable(&random, traditional: false)
                documents.append((stem + ".txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            case 7:
                documents.append((stem + ".txt", Array(syntheticTable(&random, traditional: true).utf8)))
            default:
                documents.append((stem + ".txt", Array(syntheticTable(&random, traditional: false).utf8)))
            }
        }
        return documents
    }

    @Test func thousandDocumentsInOneProcessEqualConvertingTheFiles() throws {
        let folder = NSTemporaryDirectory() + "plan2json-jsonl-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let documents = try Self.corpus()
        var input = ""
        for (index, document) in documents.enumerated() {
            let path = "in/" + document.name
            try Data(document.bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
            // Three malformed lines among the documents; one CRLF line end; no final newline.
            if index == 250 { input += "this line is not JSON\n" }
            if index == 500 { input += #"{"path":"in/missing-content.txt"}"# + "\n" }
            if index == 750 { input += #"{"path":"in/bad-base64.txt","content_base64":"%%% not base64 %%%"}"# + "\n" }
            input += Self.documentLine(path: path, bytes: document.bytes)
            if index == 600 { input += "\r" }
            if index < documents.count - 1 { input += "\n" }
        }
        try input.write(toFile: folder + "/documents.jsonl", atomically: true, encoding: .utf8)

        // The ordinary way: the files of the folder, records on stdout, failures on stderr.
        let batch = try Self.run(["convert", "in", "-o", "-", "-j", "1", "--quiet"], in: folder)
        #expect(batch.status == 1)
        var recordsByPath: [String: [String]] = [:]
        var currentPath = ""
        for line in Self.lines(batch.stdout) {
            let record = try JSONParser.parse(line)
            if record["type"]?.stringValue == "document" { currentPath = record["source"]?["path"]?.stringValue ?? "" }
            recordsByPath[currentPath, default: []].append(line)
        }
        var failureByPath: [String: JSONValue] = [:]
        for line in Self.lines(batch.stderr) {
            let failure = try JSONParser.parse(line)
            failureByPath[failure["path"]?.stringValue ?? ""] = failure
        }
        // A batch converts a byte-identical copy once (issue 13): the copy's lines are its
        // original's with its own path, as a stream that converts every line gives them.
        var firstPathOfBytes: [[UInt8]: String] = [:]
        for document in documents {
            let path = "in/" + document.name
            guard let original = firstPathOfBytes[document.bytes] else {
                firstPathOfBytes[document.bytes] = path
                continue
            }
            let renamed = { (line: String) in line.replacingOccurrences(of: "\"path\":\"\(original)\"", with: "\"path\":\"\(path)\"") }
            if let records = recordsByPath[original] { recordsByPath[path] = records.map(renamed) }
            if let failure = failureByPath[original] { failureByPath[path] = try JSONParser.parse(renamed(JSONSerializer.serialize(failure))) }
        }
        #expect(recordsByPath.count + failureByPath.count == 1000)
        #expect(failureByPath.count == 12)

        // The same documents as JSON Lines on stdin, through one process.
        let streamed = try Self.run(["convert", "--input-jsonl", "-", "--quiet"], stdinFile: folder + "/documents.jsonl", in: folder)
        #expect(streamed.status == 1)
        #expect(streamed.stderr.isEmpty)
        var expected: [String] = []
        for (index, document) in documents.enumerated() {
            if index == 250 { expected.append("ingest.input.notJSON -:251") }
            if index == 500 { expected.append("ingest.input.missingKey in/missing-content.txt") }
            if index == 750 { expected.append("ingest.input.badBase64 in/bad-base64.txt") }
            let path = "in/" + document.name
            if let records = recordsByPath[path] {
                expected += records
            } else if let failure = failureByPath[path] {
                let head: [(String, JSONValue)] = [("type", .string("error")), ("schema", .string(RecordEncoder.schemaVersion))]
                expected.append(JSONSerializer.serialize(.object(head + (failure.objectValue ?? []))))
            } else {
                Issue.record("the batch gave nothing for \(path)")
            }
        }
        // Malformed lines are compared by code and path; their messages may be reworded.
        let validator = SchemaValidator(root: RecordSchema.json)
        let actual = try Self.lines(streamed.stdout).map { line in
            let record = try JSONParser.parse(line)
            let problems = validator.validate(record)
            #expect(problems.isEmpty, "\(line.prefix(120)): \(problems.prefix(3).joined(separator: "; "))")
            guard let code = record["code"]?.stringValue, code.hasPrefix("ingest.input.") else { return line }
            #expect(record["type"]?.stringValue == "error")
            #expect(record["message"]?.stringValue?.isEmpty == false)
            return "\(code) \(record["path"]?.stringValue ?? "")"
        }
        #expect(actual.count == expected.count)
        if let difference = zip(actual, expected).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("output line \(difference.offset + 1) differs:\n  got      \(difference.element.0.prefix(300))\n  expected \(difference.element.1.prefix(300))")
        }

        // A few documents, each in its own process, give the same lines as the stream.
        for index in [0, 3, 7, 25, 999] {
            let path = "in/" + documents[index].name
            let single = try Self.run(["convert", path, "-o", "-", "--quiet"], in: folder)
            #expect(single.status == 0)
            #expect(Self.lines(single.stdout) == recordsByPath[path])
        }

        // A file given as the input reads the same as stdin; its malformed lines are named after it.
        let fromFile = try Self.run(["convert", "--input-jsonl", "documents.jsonl", "--quiet"], in: folder)
        #expect(fromFile.stdout == streamed.stdout.replacingOccurrences(of: #""path":"-:251""#, with: #""path":"documents.jsonl:251""#))
    }

    @Test func usageErrorsAndSummary() throws {
        let folder = NSTemporaryDirectory() + "plan2json-jsonl-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let line = Self.documentLine(path: "a.html", bytes: try Repository.bytes("fixtures/html/seed002-items-utf8/input.html"))
        try (line + "\n\n" + #"{"path": 1, "content_base64": ""}"# + "\n").write(
            toFile: folder + "/in.jsonl", atomically: true, encoding: .utf8)
        let run = try Self.run(["convert", "--input-jsonl", "in.jsonl"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("plan2json: 2 document(s): 1 converted, 1 failed, "))
        let records = try Self.lines(run.stdout).map { try JSONParser.parse($0) }
        #expect(records.first?["source"]?["path"]?.stringValue == "a.html")
        #expect(records.last?["code"]?.stringValue == "ingest.input.missingKey")
        #expect(records.last?["path"]?.stringValue == "in.jsonl:3")
        #expect(try Self.run(["convert", "--input-jsonl", "in.jsonl", "--fail-on", "never", "--quiet"], in: folder).status == 0)

        // The environment failing is exit status 2 and a sentence, never a crash or an NSError dump.
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = try Self.run(["convert", "--input-jsonl", "in.jsonl"], stdoutFile: "/dev/full", in: folder)
            #expect(full.status == 2)
            #expect(full.stderr.hasPrefix("plan2json: stdout: error: cannot write the records: "))
            #expect(!full.stderr.contains("NSCocoaErrorDomain") && !full.stderr.contains("could not be completed"))
        }
        let folderInput = try Self.run(["convert", "--input-jsonl", "."], in: folder)
        #expect(folderInput.status == 2)
        #expect(folderInput.stderr.hasPrefix("plan2json: .: error: cannot read the input: "))
        #expect(!folderInput.stderr.contains("NSCocoaErrorDomain") && !folderInput.stderr.contains("could not be completed"))

        let missing = try Self.run(["convert", "--input-jsonl", "no-such.jsonl"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "plan2json: no-such.jsonl: error: cannot open the JSON Lines input\n")
        for arguments in [["in.jsonl"], ["-o", "out"], ["--format", "csv"], ["-j", "2"], ["--blocks"]] {
            let misuse = try Self.run(["convert", "--input-jsonl", "in.jsonl"] + arguments, in: folder)
            #expect(misuse.status != 0, "\(arguments)")
            #expect(misuse.stdout.isEmpty)
            #expect(misuse.stderr.contains("--input-jsonl") || misuse.stderr.contains("--blocks"))
        }
    }

    @Test(arguments: [1, 2, 7, 1 << 16])
    func lineReaderKeepsEveryLineWhateverTheChunkSize(chunkSize: Int) throws {
        let path = NSTemporaryDirectory() + "plan2json-lines-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let long = String(repeating: "长", count: 30_000)
        try ("first\r\n\nsecond\n" + long + "\nlast").write(toFile: path, atomically: true, encoding: .utf8)
        let handle = try #require(FileHandle(forReadingAtPath: path))
        var reader = LineReader(handle, chunkSize: chunkSize)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["first", "", "second", long, "last"])
    }
}
