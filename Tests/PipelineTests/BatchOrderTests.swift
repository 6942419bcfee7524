import Emit
import Foundation
import Testing

/// Many jobs, the same output: files of very different sizes finish out of order on the
/// workers, yet records, errors and the manifest come out in input order, byte for byte as
/// one job writes them, with copies decided the same way.
@Suite struct BatchOrderTests {
    typealias CLI = CommandLineTests

    @Test func outputIsTheSameWhateverTheNumberOfJobs() throws {
        var files: [String: String] = [:]
        let sources = [
            "fixtures/text/seed-004/input.txt", "fixtures/table-dump/seed-000/input.txt", "fixtures/text/seed-003/input.txt",
            "fixtures/errors/empty.txt", "fixtures/table-dump/seed-001/input.txt", "fixtures/errors/report.pdf",
        ]
        for index in 0..<18 { files[String(format: "f%02d.txt", index)] = sources[index % sources.count] }
        let folder = try CLI.workspace(files)
        // Uneven sizes: one file twenty times as long, early in the order.
        let long = try String(contentsOfFile: folder + "/in/f00.txt", encoding: .utf8)
        try String(repeating: long, count: 20).write(toFile: folder + "/in/f01.txt", atomically: true, encoding: .utf8)

        try CLI.run(["convert", "in", "-o", "one", "-j", "1", "--quiet"], in: folder)
        for jobs in ["2", "3", "8"] {
            let run = try CLI.run(["convert", "in", "-o", "many-\(jobs)", "-j", jobs, "--quiet"], in: folder)
            #expect(run.status == 0 || run.status == 1)
            for name in ["records.jsonl", "errors.jsonl", "manifest.json"] {
                let one = FileManager.default.contents(atPath: folder + "/one/" + name)
                #expect(one != nil && one == FileManager.default.contents(atPath: folder + "/many-\(jobs)/" + name), "\(name) with -j \(jobs)")
            }
        }
        // Copies: the first path in input order is the original, every later one its duplicate.
        let manifest = try JSONParser.parse(String(contentsOfFile: folder + "/many-3/manifest.json", encoding: .utf8))
        let entries = try #require(manifest["files"]?.arrayValue)
        #expect(entries.map { $0["path"]?.stringValue ?? "" } == files.keys.sorted().map { "in/" + $0 })
        let copyOfF02 = try #require(entries.first { $0["path"] == .string("in/f08.txt") })
        #expect(copyOfF02["status"] == .string("duplicate") && copyOfF02["same_as"] == .string("in/f02.txt"))
        #expect(entries.first { $0["path"] == .string("in/f02.txt") }?["status"] == .string("converted"))
    }
}
