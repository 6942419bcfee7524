@testable import Normalize
import Testing

@Suite("UTF8Word")
struct UTF8WordTests {
    private func word(_ text: String) -> UInt64 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { UTF8Word.load($0.baseAddress!, at: 0) }
    }

    @Test func asciiWordsAreTold() {
        #expect(UTF8Word.isASCII(word("abc 1234")))
        #expect(!UTF8Word.isASCII(word("abc 12年")))
    }

    @Test func twoThreeByteCharactersAreDecodedFromOneWord() {
        // 国 U+56FD, 務 U+52D9; then two ASCII bytes.
        let opening = word("国務ab")
        #expect(UTF8Word.opensWithTwoThreeByteCharacters(opening))
        #expect(UTF8Word.threeByteValue(opening) == 0x56FD)
        #expect(UTF8Word.threeByteValue(opening >> 24) == 0x52D9)
        #expect(UTF8Word.threeByteValues(opening) == (0x56FD, 0x52D9))
        // Ideographic space U+3000 and ，U+FF0C: the ends of the three-byte range.
        let punctuation = word("\u{3000}，xy")
        #expect(UTF8Word.threeByteValue(punctuation) == 0x3000)
        #expect(UTF8Word.threeByteValue(punctuation >> 24) == 0xFF0C)
        #expect(UTF8Word.threeByteValues(punctuation) == (0x3000, 0xFF0C))
    }

    @Test func otherOpeningsAreNotTakenForTwoThreeByteCharacters() {
        #expect(!UTF8Word.opensWithTwoThreeByteCharacters(word("a国務b")))  // ASCII first
        #expect(!UTF8Word.opensWithTwoThreeByteCharacters(word("国é務")))  // a two-byte one second
        #expect(!UTF8Word.opensWithTwoThreeByteCharacters(word("𠀀国a")))  // a four-byte one first
    }
}
