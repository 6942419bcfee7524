import Emit
import TestSupport
import Foundation
import Normalize
import Pipeline
import PlanModel
import Testing

/// Every fixture converts to exactly its reviewed `expected.jsonl`.
/// `RECORD_GOLDENS=1` rewrites the expected files and fails, so re-recording is never silent.
@Suite struct GoldenTests {
    static func records(for input: String) throws -> String {
        let bytes = try Repository.bytes(input)
        switch FileConverter.convert(bytes: bytes, path: input) {
        case .success(let document):
            let values = RecordEncoder.encode(document)
            return values.map { JSONSerializer.serialize($0) + "\n" }.joined()
        case .failure(let failure):
            return JSONSerializer.serialize(RecordEncoder.encode(failure)) + "\n"
        }
    }

    @Test(arguments: Repository.fixtureInputs)
    func fixtureMatchesItsGolden(input: String) throws {
        let actual = try Self.records(for: input)
        let expectedPath = Repository.path((input as NSString).deletingLastPathComponent + "/expected.jsonl")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(expectedPath); review the diff, then run the tests again without RECORD_GOLDENS")
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
                \(input) differs from its golden at record \(first + 1) (of \(actualLines.count - 1) vs \(expectedLines.count - 1)):
                  actual:   \(first < actualLines.count ? String(actualLines[first].prefix(400)) : "<none>")
                  expected: \(first < expectedLines.count ? String(expectedLines[first].prefix(400)) : "<none>")
                """)
        }
    }

    @Test(arguments: Repository.fixtureInputs)
    func everyRecordValidatesAgainstTheSchema(input: String) throws {
        let validator = SchemaValidator(root: RecordSchema.json)
        for line in try Self.records(for: input).split(separator: "\n") {
            let record = try JSONParser.parse(String(line))
            if record["type"] == nil {
                // A failure line of errors.jsonl.
                let failureSchema = try #require(RecordSchema.json["$defs"]?["failure"])
                #expect(validator.validate(record, against: failureSchema) == [])
                continue
            }
            let problems = validator.validate(record)
            #expect(problems.isEmpty, "\(input): \(problems.prefix(5).joined(separator: "; "))")
        }
    }
}
