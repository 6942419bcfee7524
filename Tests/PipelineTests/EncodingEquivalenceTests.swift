import Foundation
import Pipeline
import PlanModel
import Testing

/// Every seed re-encoded (GB18030, UTF-16LE/BE with BOM, UTF-8 with BOM, CRLF line ends, and
/// Big5 for the traditional seed 004) gives the same task records as its UTF-8 original;
/// only `source.encoding` (and the bytes-derived ids) may differ. The variants are made by
/// `fixtures/encodings/generate.py`.
@Suite struct EncodingEquivalenceTests {
    static let seeds = ["000_05daa77793e29e3a", "001_50f398a6d3333d86", "002_46bf5b37c8c739ad", "003_326e39b38b9b275e", "004_47e54a3ae338958b"]
    static let variants: [(file: String, encoding: String, source: EncodingSource)] = [
        ("gb18030.txt", "gb18030", .detected), ("utf-16le-bom.txt", "utf-16le", .bom), ("utf-16be-bom.txt", "utf-16be", .bom),
        ("utf-8-bom.txt", "utf-8", .bom), ("crlf.txt", "utf-8", .detected),
    ]

    /// What a user compares: everything of each task but its ids (which hash the bytes).
    static func tasks(_ relative: String) throws -> (document: DocumentRecord, tasks: [TaskRecord]) {
        let result = try FileConverter.convert(bytes: Repository.bytes(relative), path: "seed").get()
        let tasks = result.tasks.map { task -> TaskRecord in
            var task = task
            task.id = String(task.id.drop { $0 != "/" })
            task.docID = ""
            return task
        }
        return (result.document, tasks)
    }

    @Test(arguments: seeds)
    func reencodedSeedsGiveTheSameTasks(seed: String) throws {
        let original = try Self.tasks("fixtures/encodings/\(seed)/utf-8.txt")
        #expect(!original.tasks.isEmpty)
        for variant in Self.variants {
            let converted = try Self.tasks("fixtures/encodings/\(seed)/\(variant.file)")
            #expect(converted.document.source.encoding == variant.encoding, "\(variant.file)")
            #expect(converted.document.source.encodingSource == variant.source, "\(variant.file)")
            #expect(converted.document.repairs == original.document.repairs, "\(variant.file)")
            #expect(converted.tasks == original.tasks, "\(seed)/\(variant.file)")
        }
    }

    @Test func big5SeedGivesTheSameTasksAsItsUTF8Twin() throws {
        // Big5 cannot encode every line of seed 004; both files hold the lines it can.
        let big5 = try Self.tasks("fixtures/encodings/004_47e54a3ae338958b/big5.txt")
        let twin = try Self.tasks("fixtures/encodings/004_47e54a3ae338958b/big5.utf-8.txt")
        #expect(big5.document.source.encoding == "big5")
        #expect(!big5.tasks.isEmpty)
        #expect(big5.tasks == twin.tasks)
    }
}

extension EncodingEquivalenceTests {
    /// Issue 13 (6f): one bad byte does not lose the document. A byte in the middle of a
    /// Chinese character of seed 000 (UTF-8) and of its GB18030 copy becomes 0xFF; the file
    /// still converts to all of its tasks, with one lossy repair on the damaged line.
    @Test(arguments: ["utf-8.txt", "gb18030.txt"])
    func oneFlippedByteStillYieldsEveryTask(file: String) throws {
        let relative = "fixtures/encodings/000_05daa77793e29e3a/\(file)"
        let original = try Self.tasks(relative)
        var bytes = try Repository.bytes(relative)
        // The first byte of the first non-ASCII character past the middle of the file.
        let middle = try #require(bytes.indices.dropFirst(bytes.count / 2).first { bytes[$0] >= 0xC0 && bytes[$0 - 1] < 0x80 })
        bytes[middle] = 0xFF
        let result = try FileConverter.convert(bytes: bytes, path: "seed").get()
        #expect(result.tasks.count == original.tasks.count)
        #expect(result.document.source.encoding == original.document.source.encoding)
        let damage = result.document.repairs.filter { $0.kind == .invalidBytes }
        #expect(damage.count == 1)
        #expect(damage.first?.isCertain == false)
        #expect(result.document.warnings.contains { $0.code == .damagedBytes })
    }
}
