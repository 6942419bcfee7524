import Emit
@testable import Pipeline
import Foundation
import Testing

/// A second run keeps the lines of unchanged documents by copying them from the last
/// records.jsonl, converts changed ones, and converts again whatever it cannot trust.
@Suite struct IncrementalRunTests {
    typealias CLI = CommandLineTests

    static func documentLines(_ path: String, of input: String) throws -> [String] {
        let lines = try CLI.lines(path)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(#"{"type":"document""#) && $0.contains(#""path":"\#(input)""#) }) else {
            return []
        }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix(#"{"type":"document""#) } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    func workspace() throws -> String {
        try CLI.workspace([
            "a.txt": "fixtures/text/seed-003/input.txt", "b.txt": "fixtures/table-dump/seed-000/input.txt",
            "c.txt": "fixtures/text/seed-004/input.txt",
        ])
    }

    @Test func aChangedFileIsConvertedAndAnUnchangedOneCopiedAsItWas() throws {
        let folder = try workspace()
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        let before = try Self.documentLines(folder + "/out/records.jsonl", of: "in/a.txt")
        #expect(before.count > 1)
        try "一、总则\n1.建设项目（市教育局负责）\n".write(toFile: folder + "/in/b.txt", atomically: true, encoding: .utf8)
        let second = try CLI.run(["convert", "in", "-o", "out", "-j", "2"], in: folder)
        #expect(second.stderr.contains("3 file(s): 1 converted, 2 unchanged, 0 failed"))
        #expect(try Self.documentLines(folder + "/out/records.jsonl", of: "in/a.txt") == before)
        #expect(try Self.documentLines(folder + "/out/records.jsonl", of: "in/b.txt").count == 2)
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"], in: folder)
        #expect(Shell.outputs(folder + "/out") == Shell.outputs(folder + "/forced"))
    }

    /// A last run's records.jsonl cut short, or with a line that is not a record of its
    /// document, is not trusted: the documents it touches are converted again.
    @Test(arguments: ["truncated", "garbled", "foreign"])
    func aDamagedRecordsFileFallsBackToConverting(damage: String) throws {
        let folder = try workspace()
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        let path = folder + "/out/records.jsonl"
        var lines = try CLI.lines(path)
        let text: String
        switch damage {
        case "truncated":
            // The last document loses the end of its last line.
            let all = try String(contentsOfFile: path, encoding: .utf8)
            text = String(all.dropLast(40))
        case "garbled":
            // A task line of the last document replaced, its line count kept.
            lines[lines.count - 2] = #"{"type":"task","oops"#
            text = lines.joined(separator: "\n") + "\n"
        default:
            // A task line of another document in place of one of the last document's.
            let foreign = try #require(lines.first { $0.hasPrefix(#"{"type":"task""#) })
            lines[lines.count - 2] = foreign
            text = lines.joined(separator: "\n") + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let second = try CLI.run(["convert", "in", "-o", "out"], in: folder)
        #expect(second.stderr.contains("3 file(s): 1 converted, 2 unchanged, 0 failed"), "\(damage)")
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"], in: folder)
        #expect(Shell.outputs(folder + "/out") == Shell.outputs(folder + "/forced"))
    }

    static func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    /// Inputs written long before the run: the next run takes them as unchanged from their
    /// stamps (size, times, inode) without reading them, and with nothing changed the records
    /// file is the last run's, not written again.
    @Test func nothingChangedKeepsTheRecordsFileAsItWas() throws {
        let folder = try workspace()
        try Shell.run("touch -d '2020-01-01 00:00' in/*.txt", in: folder)
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        let first = try Self.inode(folder + "/out/records.jsonl")
        let second = try CLI.run(["convert", "in", "-o", "out"], in: folder)
        #expect(second.stderr.contains("3 file(s): 0 converted, 3 unchanged, 0 failed"))
        #expect(try Self.inode(folder + "/out/records.jsonl") == first)
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"], in: folder)
        #expect(Shell.outputs(folder + "/out") == Shell.outputs(folder + "/forced"))
    }

    /// With nothing changed, tasks.csv and plan.sqlite are the last run's files too, failures and all.
    @Test func nothingChangedKeepsTheCSVAndTheDatabaseAsTheyWere() throws {
        let folder = try workspace()
        try Data("%PDF-1.4\n\u{0}\u{1}".utf8).write(to: URL(fileURLWithPath: folder + "/in/d.txt"))
        try Shell.run("touch -d '2020-01-01 00:00' in/*.txt", in: folder)
        let formats = ["--format", "csv,sqlite"]
        try CLI.run(["convert", "in", "-o", "out", "--quiet"] + formats, in: folder)
        let first = try ["tasks.csv", "plan.sqlite"].map { try Self.inode(folder + "/out/" + $0) }
        let second = try CLI.run(["convert", "in", "-o", "out"] + formats, in: folder)
        #expect(second.stderr.contains("4 file(s): 0 converted, 3 unchanged, 1 failed"))
        #expect(try ["tasks.csv", "plan.sqlite"].map { try Self.inode(folder + "/out/" + $0) } == first)
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"] + formats, in: folder)
        #expect(Shell.outputs(folder + "/out") == Shell.outputs(folder + "/forced"))
    }

    /// A file rewritten with the same size and its old modification time put back is still seen
    /// as changed (the change time the system keeps has moved) and converted again.
    @Test func aRewriteThatKeepsSizeAndTimeIsStillConverted() throws {
        let folder = try workspace()
        try Shell.run("touch -d '2020-01-01 00:00' in/*.txt", in: folder)
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        try Shell.run("sed -i 's/2023年/2024年/' in/b.txt && touch -d '2020-01-01 00:00' in/b.txt", in: folder)
        let second = try CLI.run(["convert", "in", "-o", "out"], in: folder)
        #expect(second.stderr.contains("3 file(s): 1 converted, 2 unchanged, 0 failed"))
        #expect(try Self.documentLines(folder + "/out/records.jsonl", of: "in/b.txt").first?.contains("2024年") == true)
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"], in: folder)
        #expect(Shell.outputs(folder + "/out") == Shell.outputs(folder + "/forced"))
    }

    /// With tasks.csv and plan.sqlite asked, an unchanged document's rows are copied from the
    /// last run's files: every output, the database page for page, is what a full conversion
    /// writes, whether the last run wrote those files, wrote them otherwise, or they were edited.
    @Test(arguments: ["kept", "first time asked", "other csv options", "edited outputs"])
    func csvAndSQLiteOfAnIncrementalRunAreThoseOfAFullOne(before: String) throws {
        let folder = try workspace()
        try Shell.run("touch -d '2020-01-01 00:00' in/*.txt", in: folder)
        let formats = ["--format", "csv,sqlite,tasks"]
        switch before {
        case "first time asked": try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        case "other csv options": try CLI.run(["convert", "in", "-o", "out", "--quiet", "--csv-newlines", "escape"] + formats, in: folder)
        default: try CLI.run(["convert", "in", "-o", "out", "--quiet"] + formats, in: folder)
        }
        if before == "edited outputs" {
            // A spreadsheet saving over a row, a note added in SQL: not copied from any more.
            try Shell.run("sed -i --follow-symlinks 's/,1,/,9,/' out/tasks.csv", in: folder)
            _ = try SQLiteWriter.query(path: folder + "/out/plan.sqlite", "UPDATE tasks SET title = 'x'")
        }
        // Only a last run that wrote both files as this one does, left as it wrote them, gives rows to copy.
        let unchanged = try #require(Shell.run("sha256sum in/a.txt", in: folder).stdout.split(separator: " ").first).prefix(16)
        let rows = PreviousRun(folder: folder + "/out").typedRows(csv: CSVWriter.Options(), sqlite: true)
        #expect(rows.keeps(String(unchanged)) == (before == "kept"), "\(before)")
        try Shell.run("sed -i 's/2023年/2024年/' in/b.txt", in: folder)
        let second = try CLI.run(["convert", "in", "-o", "out", "-j", "2"] + formats, in: folder)
        #expect(second.stderr.contains("3 file(s): 1 converted, 2 unchanged, 0 failed"))
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"] + formats, in: folder)
        let (kept, forced) = (Shell.outputs(folder + "/out"), Shell.outputs(folder + "/forced"))
        #expect(kept.keys.sorted() == ["errors.jsonl", "manifest.json", "plan.sqlite", "records.jsonl", "tasks.csv", "tasks.jsonl"])
        #expect(kept == forced, "\(before)")
    }
}
