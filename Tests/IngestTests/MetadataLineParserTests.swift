@testable import Ingest
import Testing

@Suite struct MetadataLineParserTests {
    @Test(arguments: [
        ("  甲局 | ", "甲局"),
        ("甲局", "甲局"),
        ("|乙局。", "乙局。"),
        (" a b ", "a b"),
    ])
    func trimmingSeparators(line: String, expected: String) {
        #expect(Substring(line).trimmingSeparators == expected)
    }

    @Test func keysAreFoundByTheirFirstScalar() {
        let fields = MetadataLineParser.parse("发布机构: 甲局 成文日期: 2020-03-06", lineNumber: 1)
        #expect(fields?.map(\.key) == ["发布机构", "成文日期"])
        #expect(fields?.map(\.value) == ["甲局", "2020-03-06"])
        #expect(MetadataLineParser.parse("发展目标：提高效率", lineNumber: 1) == nil)
    }
}
