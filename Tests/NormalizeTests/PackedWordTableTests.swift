import Testing

@testable import Normalize

@Suite struct PackedWordTableTests {
    @Test func wordsOfOneToFourCharactersHaveDistinctKeys() throws {
        let one = try #require(PackedWordTable.key(of: "市".unicodeScalars))
        let two = try #require(PackedWordTable.key(of: "市局".unicodeScalars))
        let four = try #require(PackedWordTable.key(of: "牵头单位".unicodeScalars))
        #expect(Set([one, two, four]).count == 3)
        #expect(PackedWordTable.key(of: "牵头单位们".unicodeScalars) == nil)  // five characters
        #expect(PackedWordTable.key(of: "𠀀".unicodeScalars) == nil)  // beyond the BMP
        #expect(PackedWordTable.key(of: "".unicodeScalars) == nil)
        // Extending a key one character at a time gives the key of the longer word.
        let extended = PackedWordTable.key(one, appending: ("局" as Unicode.Scalar).value, at: 1)
        #expect(extended == two)
    }

    @Test func valuesAreFoundReplacedAndMissed() throws {
        var table = PackedWordTable(capacity: 100)
        let words = (0..<100).map { String(Unicode.Scalar(UInt32(0x4E00 + $0))!) + "局" }
        for (index, word) in words.enumerated() {
            table.set(Double(index), for: try #require(PackedWordTable.key(of: word.unicodeScalars)))
        }
        #expect(table.count == 100)
        for (index, word) in words.enumerated() {
            #expect(table.value(for: try #require(PackedWordTable.key(of: word.unicodeScalars))) == Double(index))
        }
        let key = try #require(PackedWordTable.key(of: "一局".unicodeScalars))
        table.set(-1, for: key)
        #expect(table.value(for: key) == -1)
        #expect(table.count == 100)
        #expect(table.value(for: try #require(PackedWordTable.key(of: "局".unicodeScalars))) == nil)
        table.transformValues { $0 * 2 }
        #expect(table.value(for: key) == -2)
    }
}
