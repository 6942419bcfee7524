import Emit
import Foundation
import Testing

/// Which files a run converts: --include/--exclude, --files-from, files that are not documents,
/// and a summary whose counts add up.
@Suite struct InputSelectionTests {
    typealias CLI = CommandLineTests

    static func workspace() throws -> String {
        let folder = try CLI.workspace([
            "a.txt": "fixtures/text/seed-003/input.txt", "b.html": "fixtures/html/govcn-notice/input.html",
            "drafts/c.txt": "fixtures/table-dump/seed-000/input.txt",
        ])
        try "# notes\nhow to run the job\n".write(toFile: folder + "/in/README.md", atomically: true, encoding: .utf8)
        try "import json\nprint(json.dumps({}))\n".write(toFile: folder + "/in/fetch.py", atomically: true, encoding: .utf8)
        return folder
    }

    static func paths(_ folder: String, output: String = "out") throws -> [String] {
        let manifest = try JSONParser.parse(String(contentsOfFile: folder + "/\(output)/manifest.json", encoding: .utf8))
        return manifest["files"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
    }

    @Test func includeAndExcludeChooseTheFiles() throws {
        let folder = try Self.workspace()
        let run = try CLI.run(["convert", "in", "--include", "*.html", "--include", "*.txt", "--exclude", "drafts", "--quiet"], in: folder)
        #expect(run.status == 0)
        #expect(try Self.paths(folder) == ["in/a.txt", "in/b.html"])
        try CLI.run(["convert", "in", "--exclude", "in/drafts/*", "--exclude", "*.md", "-o", "two", "--quiet"], in: folder)
        #expect(try Self.paths(folder, output: "two") == ["in/a.txt", "in/b.html", "in/fetch.py"])
    }

    @Test func filesFromListsThePaths() throws {
        let folder = try Self.workspace()
        try "in/a.txt\nin/drafts/c.txt\n".write(toFile: folder + "/list", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["convert", "--files-from", "list", "--quiet"], in: folder).status == 0)
        #expect(try Self.paths(folder) == ["in/a.txt", "in/drafts/c.txt"])
        let nul = try CLI.run(["convert", "--files-from", "-", "-0", "-o", "two", "--quiet"], stdin: "in/b.html\0in/a.txt\0", in: folder)
        #expect(nul.status == 0)
        #expect(try Self.paths(folder, output: "two") == ["in/a.txt", "in/b.html"])
    }

    @Test func filesThatAreNotDocumentsAreSkippedWithAReason() throws {
        let folder = try Self.workspace()
        let run = try CLI.run(["convert", "in"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.contains("5 file(s): 3 converted, 2 skipped (not documents), 0 failed;"))
        let manifest = try JSONParser.parse(String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8))
        let skipped = manifest["files"]?.arrayValue?.filter { $0["status"] == .string("skipped") } ?? []
        #expect(skipped.compactMap { $0["path"]?.stringValue } == ["in/README.md", "in/fetch.py"])
        #expect(skipped.allSatisfy { $0["reason"]?.stringValue?.isEmpty == false })
        let records = try CLI.lines(folder + "/out/records.jsonl")
        #expect(!records.contains { $0.contains("fetch.py") || $0.contains("README.md") })
    }

    /// converted + unchanged + duplicates + skipped + failed = files, in every run.
    @Test func theSummaryAddsUp() throws {
        let folder = try CLI.workspace([
            "1.txt": "fixtures/text/seed-003/input.txt", "2.txt": "fixtures/table-dump/seed-000/input.txt",
            "3.pdf": "fixtures/errors/report.pdf", "4.txt": "fixtures/text/seed-004/input.txt",
        ])
        let first = try CLI.run(["convert", "in"], in: folder)
        #expect(first.stderr.contains("4 file(s): 3 converted, 1 failed;"))
        try "一、总则\n1.建设项目（市教育局负责）\n".write(toFile: folder + "/in/1.txt", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: folder + "/in/2.txt", toPath: folder + "/in/5.txt")
        let second = try CLI.run(["convert", "in"], in: folder)
        #expect(second.status == 1)
        #expect(second.stderr.contains("5 file(s): 1 converted, 2 unchanged, 1 duplicate, 1 failed;"))
    }
}
