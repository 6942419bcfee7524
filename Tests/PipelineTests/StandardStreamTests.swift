import Emit
import Foundation
import Testing

/// stdin and stdout as a pipeline uses them: full, closed or odd streams are one line and exit 2,
/// never a trap; documents from stdin carry the name they are given.
@Suite struct StandardStreamTests {
    typealias CLI = CommandLineTests

    static let document = "fixtures/text/seed-003/input.txt"

    @Test(arguments: [
        (#""$P" convert - -o - < "$F" > /dev/full"#, "plan2json: cannot write to standard output: No space left on device\n"),
        (#""$P" schema > /dev/full"#, "plan2json: cannot write to standard output: No space left on device\n"),
        (#""$P" convert - -o - < "$F" >&-"#, "plan2json: cannot write to standard output: Bad file descriptor\n"),
        (#""$P" convert - -o - <&-"#, "plan2json: cannot read standard input: Bad file descriptor\n"),
        (#""$P" convert - -o - < /"#, "plan2json: cannot read standard input: Is a directory\n"),
        (#""$P" extract < /"#, "plan2json: cannot read standard input: Is a directory\n"),
    ])
    func aStreamThatFailsIsOneLineAndExitTwo(script: String, message: String) throws {
        let run = try Shell.run(script.replacing("$F", with: Repository.path(Self.document)), in: NSTemporaryDirectory())
        #expect(run.signal == nil)
        #expect(run.status == 2)
        #expect(run.stderr == message)
    }

    @Test func stderrOnAFullDiskStillGivesTheExitStatus() throws {
        let run = try Shell.run(#""$P" convert - -o - < /dev/null 2> /dev/full"#, in: NSTemporaryDirectory())
        #expect(run.signal == nil)
        #expect(run.status == 3)
    }

    @Test func stdinCarriesTheNameGivenWithName() throws {
        let input = try String(contentsOfFile: Repository.path(Self.document), encoding: .utf8)
        let run = try CLI.run(["convert", "-", "--name", "downloads/plan-2023.txt"], stdin: input)
        #expect(run.status == 0)
        let records = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(records.first?["source"]?["path"] == .string("downloads/plan-2023.txt"))
        #expect(records.dropFirst().allSatisfy { $0["source"]?["path"] == .string("downloads/plan-2023.txt") })
        let failed = try CLI.run(["convert", "-", "--name", "downloads/empty.txt"], stdin: "")
        #expect(failed.status == 3)
        let error = try JSONParser.parse(String(failed.stderr.split(separator: "\n").first ?? ""))
        #expect(error["path"] == .string("downloads/empty.txt"))
        #expect(try CLI.run(["convert", "a.txt", "--name", "x"]).status == 2, "--name is for stdin only")
    }

    @Test func filesToStdoutGiveTheirRecordsInPathOrder() throws {
        let folder = try CLI.workspace(["b.txt": Self.document, "a.txt": "fixtures/table-dump/seed-000/input.txt"])
        let run = try CLI.run(["convert", "in/b.txt", "in/a.txt", "-o", "-", "--quiet"], in: folder)
        #expect(run.status == 0)
        let documents = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
            .filter { $0["type"] == .string("document") }
        #expect(documents.compactMap { $0["source"]?["path"]?.stringValue } == ["in/a.txt", "in/b.txt"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let tasks = try CLI.run(["convert", "in/b.txt", "-o", "-", "--format", "tasks", "--quiet"], in: folder)
        #expect(tasks.status == 0)
        let lines = tasks.stdout.split(separator: "\n")
        #expect(lines.count == 10 && lines.allSatisfy { $0.hasPrefix(#"{"type":"task""#) }, "task records only")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["convert", "--bogus"]).status == 2)
        #expect(try CLI.run(["convert", "in", "--format", "xml"]).status == 2)
        #expect(try CLI.run(["convert"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        let help = try CLI.run(["convert", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--files-from"))
    }
}
