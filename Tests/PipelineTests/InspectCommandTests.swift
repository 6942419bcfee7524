import Emit
import Foundation
import Testing

/// `plan2json inspect` on several files, stdin, --json, and the paths it cannot read.
@Suite struct InspectCommandTests {
    typealias CLI = CommandLineTests

    @Test func severalFilesAndAnExitStatusThatSaysWhetherTheyConvert() throws {
        let good = Repository.path("fixtures/table-dump/seed-000/input.txt")
        let pdf = Repository.path("fixtures/errors/report.pdf")
        let both = try CLI.run(["inspect", good, Repository.path("fixtures/text/seed-003/input.txt")])
        #expect(both.status == 0)
        #expect(both.stdout.components(separatedBy: "\nfile      ").count == 2)
        #expect(try CLI.run(["inspect", pdf]).status == 3)
        #expect(try CLI.run(["inspect", good, pdf]).status == 1)
    }

    @Test func jsonReportsOneObjectPerFile() throws {
        let input = try String(contentsOfFile: Repository.path("fixtures/text/seed-003/input.txt"), encoding: .utf8)
        let run = try CLI.run(["inspect", "--json", "-", Repository.path("fixtures/errors/empty.txt")], stdin: input)
        #expect(run.status == 1)
        let objects = try run.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        try #require(objects.count == 2)
        #expect(objects[0]["path"] == .string("-") && objects[0]["converted"] == .bool(true))
        #expect(objects[0]["document"]?["type"] == .string("document"))
        #expect(objects[0]["tasks"] == .number("10"))
        #expect(objects[1]["converted"] == .bool(false))
        #expect(objects[1]["error"]?["code"] == .string("ingest.decode.empty"))
    }

    @Test func aFolderAMissingFileAndAnUnreadableFileGetTheirOwnMessages() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt", "locked.txt": "fixtures/text/seed-003/input.txt"])
        let folderRun = try CLI.run(["inspect", "in"], in: folder)
        #expect(folderRun.status == 2)
        #expect(folderRun.stderr == "plan2json: in: is a folder; inspect reads files (convert walks folders)\n")
        let missing = try CLI.run(["inspect", "in/nope.txt", "in/a.txt"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "plan2json: in/nope.txt: no such file or folder\n")
        #expect(missing.stdout.contains("tasks     10"), "the other files are still inspected")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder + "/in/locked.txt")
        let drop = try Shell.unprivileged(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        let locked = try Shell.run(drop + #""$P" inspect in/locked.txt"#, in: folder)
        #expect(locked.status == 3)
        #expect(locked.stderr == "plan2json: in/locked.txt: cannot read the file: Permission denied\n")
    }
}
