@testable import Normalize
import Testing

/// The scalar helpers the record builders use in place of String operations: each must agree
/// with the String operation it stands for.
@Suite struct ScalarTextHelperTests {
    @Test(arguments: [
        "", "  ", "甲 乙", " 甲\u{3000}\u{3000}乙 \n 丙 ", "a\r\nb", "x\t\ty ", "\n\n", "é 𠀀 z",
    ])
    func singleLineAgreesWithTextCleanup(_ text: String) {
        #expect(String(scalars: ScalarLine.singleLine(text.unicodeScalars)) == TextCleanup.singleLine(text))
    }

    @Test(arguments: [
        ("甲、乙（丙，丁），戊", "，,"),
        ("牵头单位：甲；配合单位：乙。", "。；;"),
        ("，，", "，"),
        ("《甲；乙》；丙", "；"),
    ])
    func clausesAgreeWithTextCleanup(_ text: String, _ separators: String) {
        #expect(ScalarLine.clauses(of: text.unicodeScalars, separators: separators)
            == TextCleanup.clauses(of: text, separators: separators))
    }

    @Test(arguments: ["", "abc", "甲乙丙", "é\u{301}", "𠀀x", "ü ß ½ 中 😀"])
    func scalarsRoundTrip(_ text: String) {
        let scalars = ScalarLine.scalars(of: text)
        #expect(scalars == Array(text.unicodeScalars))
        #expect(String(scalars: scalars) == text)
        #expect(String(scalars: scalars).utf8.elementsEqual(text.utf8))
    }

    @Test func wordsMatchAnywhereAtEndsAndWhole() {
        let words = ScalarWords(["有关部门", "等", "以下"])
        #expect(words.occurs(in: Array("市甲局以下均需".unicodeScalars)))
        #expect(!words.occurs(in: Array("市甲局".unicodeScalars)))
        #expect(words.endsOne(of: Array("乙局等".unicodeScalars)))
        #expect(!words.endsOne(of: Array("等乙局".unicodeScalars)))
        #expect(words.contains(Array("有关部门".unicodeScalars)))
        #expect(!words.contains(Array("有关部门和".unicodeScalars)))
        #expect(words.first(in: Array("甲等".unicodeScalars), at: 1) == Array("等".unicodeScalars))
    }

    @Test(arguments: [
        ("", ""), ("abc", ""), ("abc", "c"), ("abcabd", "abd"), ("甲乙丙丁", "丙丁"), ("甲乙丙丁", "乙甲"),
        ("0123456789abcdefghij共", "共"), ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxa", "xa"), ("aaaaaaaaaaaaaaaaaab", "aab"),
    ])
    func byteSearchAgreesWithNaiveSearch(_ text: String, _ needle: String) {
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        let naive = pattern.isEmpty
            ? 0 : (0..<max(0, haystack.count - pattern.count + 1)).first { Array(haystack[$0..<($0 + pattern.count)]) == pattern }
        let found = haystack.withUnsafeBufferPointer { text in
            pattern.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: text) }
        }
        #expect(found == naive)
        #expect(text.containsText(needle) == (naive != nil))
        #expect(text.rangeOfText(needle).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } == naive)
        #expect(text.endsWithText(needle) == text.utf8.reversed().starts(with: needle.utf8.reversed()))
        #expect(text.startsWithText(needle) == text.utf8.starts(with: needle.utf8))
    }

    @Test(arguments: [
        ("", ""), ("a", ""), ("甲乙丙丁", "甲乙丙丁"), ("甲乙丙丁", "甲乙丙戊"), ("0123456789abcdefg", "0123456789abcdefg"),
        ("0123456789abcdefg", "0123456789abcdefh"), ("0123456x89abcdefg", "0123456789abcdefg"), ("abc", "abcd"),
    ])
    func byteEqualityAgreesWithArrays(_ first: String, _ second: String) {
        let one = Array(first.utf8), other = Array(second.utf8)
        let equal = one.withUnsafeBufferPointer { one in other.withUnsafeBufferPointer { ByteSearch.equal(one, $0) } }
        #expect(equal == (one == other))
        #expect(one.withUnsafeBufferPointer { ByteSearch.equal($0, $0) })
    }

    @Test func foldedFormsIncludeTraditional() {
        #expect(CharacterFold.forms(of: "共").contains("共"))
        #expect(CharacterFold.forms(of: "头").contains("頭"))
        #expect(Unicode.Scalar("頭").simplifiedKey == "头")
        #expect(Unicode.Scalar("a").simplifiedKey == "a")
    }

    static let lines = ["", "  ", "甲 乙", " 甲\u{3000}\u{3000}乙 \n 丙 ", "a\r\nb", "x\t\ty ", "\n\n", "é 𠀀 z", "\n 一、 甲（共3项）"]

    @Test(arguments: lines)
    func singleLineOfTextAgreesWithTextCleanup(_ text: String) {
        #expect(String(scalars: ScalarLine.singleLine(of: text)) == TextCleanup.singleLine(text))
        for limit in [0, 1, 2, 3, 16] {
            let prefix = ScalarLine.withSingleLinePrefix(of: text, limit: limit) { Array($0) }
            #expect(prefix == Array(ScalarLine.singleLine(of: text).prefix(limit)))
        }
    }

    @Test(arguments: ["", "。", "。。甲", "甲。", "甲。乙", "。甲。。乙。", "甲乙丙", "甲\u{301}。乙", "甲。\u{301}乙", "a\r\n。b"])
    func splitOnceAgreesWithSplit(_ text: String) {
        let expected = text.split(separator: "。", maxSplits: 1, omittingEmptySubsequences: true)
        #expect(ScalarLine.splitOnce(text[...], at: "。") == expected)
    }

    @Test(arguments: ["", "甲乙", "甲乙丙", "abcd", "e\u{301}e\u{301}e", "\r\n\r\n\r\n", "🇨🇳🇨🇳🇨🇳"])
    func characterCountAgreesWithPrefix(_ text: String) {
        for count in 0...4 {
            #expect(ScalarLine.characterCount(of: text, isAtMost: count) == (text.prefix(count + 1).count <= count))
        }
    }

    @Test(arguments: ["", "a", "甲乙 b", "é 𠀀 z", "😀"])
    func stringsFromScalarsAndValidBytes(_ text: String) {
        #expect(String(scalars: Array(text.unicodeScalars)).utf8.elementsEqual(text.utf8))
        #expect(Array(text.utf8).withUnsafeBufferPointer { String(validUTF8: $0) } == text)
    }

    @Test func foldedScalarsAgreeWithTheFoldedString() {
        let text = "牽頭單位 a 頭"
        #expect(CharacterFold.simplifiedScalars(of: text) == Array(CharacterFold.simplifiedKey(text).unicodeScalars))
    }
}
