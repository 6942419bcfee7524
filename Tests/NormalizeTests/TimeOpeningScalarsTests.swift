@testable import Normalize
import Testing

/// The byte filter in front of the time scanner: it may say yes to text with no time, never
/// no to text the scanner finds a time in.
@Suite struct TimeOpeningScalarsTests {
    private func mayHoldTime(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(TimeOpeningScalars.mayHoldTime) ?? true
    }

    @Test(arguments: ["", "加强组织领导", "abc xyz", "落实责任，压实措施"])
    func textWithNoOpeningHoldsNoTime(_ text: String) {
        #expect(!mayHoldTime(text))
        var scanner = TimeScanner(ScalarText(text, simplifyingScript: true), documentYear: nil)
        #expect(scanner.scan().isEmpty)
    }

    @Test(arguments: ["2019年6月底前完成", "１２月", "第三季度", "從明年起", "每月报送", "二〇二〇年", "年底", "𠀀"])
    func textWithAnOpeningMayHoldTime(_ text: String) {
        #expect(mayHoldTime(text))
    }

    @Test(arguments: [("甲；乙（丙；丁）；；戊", "；"), ("a;b。c", "。；;"), ("", "，"), ("《甲，乙》，丙", "，")])
    func clauseRangesAreTheUntrimmedClauses(_ text: String, _ separators: String) {
        var text = text
        text.makeContiguousUTF8()
        let ranges = text.utf8.withContiguousStorageIfAvailable { bytes in
            var parts: [String] = []
            TextCleanup.forEachClause(in: bytes, separators: Array(separators.unicodeScalars)) {
                parts.append(TextCleanup.singleLine(UnsafeBufferPointer(rebasing: bytes[$0])))
            }
            return parts.filter { !$0.isEmpty }
        }
        #expect(ranges == TextCleanup.clauses(of: text, separators: separators))
    }
}
