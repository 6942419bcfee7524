import Testing

@testable import Ingest

/// The byte census finds the characters that may show a byte from their lead bytes alone.
@Suite struct MisreadTextCensusTests {
    @Test func leadsOfByteCharactersAreC2ToE2() {
        for value in 0...255 {
            let word = UInt64(value) << 16 | 0x4141_4141_4100_4141
            let expected: UInt64 = (0xC2...0xE2).contains(value) ? 0x80 << 16 : 0
            #expect(MisreadTextReverser.leadsOfByteCharacters(word) == expected, "byte \(value)")
        }
    }

    @Test func countsByteCharactersLatinLettersAndLeadPairs() {
        let census = { (text: String) in Array(text.utf8).withUnsafeBufferPointer(MisreadTextReverser.byteCensus) }
        #expect(census("国务院办公厅").byteCharacters == 0)
        // “ ” — … show bytes (and count from U+00C0 up, as the scalars they are); none shows a lead byte.
        let quoted = census("他说“好”——然后…")
        #expect(quoted.byteCharacters == 5 && quoted.latinLetters == 5 && quoted.leadPairs == 0)
        // å (E5, a lead byte) then › (9B, a continuation byte): one pair; ½ (BD) is below À.
        let misread = census("å›½ é x…")
        #expect(misread.byteCharacters == 5 && misread.latinLetters == 4 && misread.leadPairs == 1)
    }

    @Test func cjkIsCountedOnlyAsFarAsItDecides() {
        let text = Array("ab国务院办".utf8)
        #expect(text.withUnsafeBufferPointer { MisreadTextReverser.hasMoreCJK(than: 3, in: $0) })
        #expect(!text.withUnsafeBufferPointer { MisreadTextReverser.hasMoreCJK(than: 4, in: $0) })
    }
}
