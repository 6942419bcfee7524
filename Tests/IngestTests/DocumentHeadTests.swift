import Testing

@testable import Ingest

@Suite struct DocumentHeadTests {
    @Test func lowercasesASCIIAndKeepsTheRest() throws {
        let head = try #require(DocumentHead("  <HTML>标题，Ａ", characters: 100))
        #expect(String(String.UnicodeScalarView(head.scalars)) == "  <html>标题，Ａ")
        #expect(head.firstNonWhitespace == 2)
        #expect(head.holds("<html", at: 2))
        #expect(head.contains("<html"))
        #expect(!head.contains("<body"))
    }

    @Test func stopsAfterTheGivenCharacters() throws {
        let head = try #require(DocumentHead("abcdef", characters: 3))
        #expect(head.scalars == ["a", "b", "c"])
    }

    @Test(arguments: [
        "<div\u{301}>",  // a combining accent joins the v
        "a\r\nb",  // CR LF is one character
        "\u{212A}",  // KELVIN SIGN lowercases to ASCII k
        "한국",  // Hangul syllables join jamo
    ])
    func charactersOfSeveralScalarsLeaveItToCharacters(text: String) {
        #expect(DocumentHead(text, characters: 100) == nil)
    }

    @Test func aJoiningScalarJustAfterTheHeadCounts() {
        #expect(DocumentHead("ab\u{301}", characters: 2) == nil)
        #expect(DocumentHead("ab\u{301}", characters: 1) != nil)
    }
}
