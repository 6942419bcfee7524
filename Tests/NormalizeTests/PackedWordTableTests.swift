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

    @Test func openingsAreMarkedApartFromWords() throws {
        var table = PackedWordTable(capacity: 10)
        let word = try #require(PackedWordTable.key(of: "牵头单位".unicodeScalars))
        let opening = try #require(PackedWordTable.key(of: "牵头".unicodeScalars))
        table.set(-3, for: word)
        table.markOpening(opening)
        #expect(table.entry(for: opening).value == nil)
        #expect(table.entry(for: opening).opensLongerWord)
        #expect(table.value(for: opening) == nil)
        #expect(table.entry(for: word).value == -3)
        #expect(!table.entry(for: word).opensLongerWord)
        table.set(-1, for: opening)
        #expect(table.entry(for: opening).value == -1)
        #expect(table.entry(for: opening).opensLongerWord)
        #expect(table.count == 2)
        table.transformValues { $0 * 2 }
        #expect(table.value(for: opening) == -2)
        #expect(table.value(for: word) == -6)
    }
}

@Suite struct PhraseModelPrefixTests {
    /// Weighing a window after a kept opening gives the same number, bit for bit, as weighing it whole.
    @Test func windowsAfterAnOpeningScoreAsWhole() {
        let model = PhraseModel.shared
        let opening = Array("加快建设".unicodeScalars)
        let prefix = model.prefix(of: opening + ["?"], length: opening.count)
        for tail in ["社会保障卡服务", "局、市", "", "x,。"] {
            let window = opening + Array(tail.unicodeScalars)
            #expect(model.logProbability(of: window, after: prefix).bitPattern == model.logProbability(of: window).bitPattern)
        }
        // A longer opening built on a shorter one.
        let longer = Array("加快建设社会".unicodeScalars)
        let extended = model.prefix(of: longer, length: longer.count, after: prefix)
        let window = longer + Array("保障卡".unicodeScalars)
        #expect(model.logProbability(of: window, after: extended).bitPattern == model.logProbability(of: window).bitPattern)
        #expect(extended.best.count == longer.count + 1)
    }
}

@Suite struct HoleWindowTests {
    /// A window weighed with a candidate in its open place gives the same number, bit for bit,
    /// as the whole window weighed after the same opening.
    @Test func candidatesScoreAsWholeWindows() {
        let model = PhraseModel.shared
        let windows = ["加快建设?会保障卡服务", "局、市?", "?社会", "推进?x,。𠀀服务", "两个?", "加强基层治理?系建设工作"]
        let candidates = Array("社体保障卡x。？𠀀的工作市".unicodeScalars)
        for text in windows {
            var window = Array(text.unicodeScalars)
            let hole = window.firstIndex(of: "?")!
            for openingLength in Set([max(0, hole - 2), hole]) {
                let prefix = model.prefix(of: window, length: openingLength)
                let scorer = HoleWindow(window, hole: hole, after: prefix, model: model)
                for candidate in candidates {
                    window[hole] = candidate
                    let whole = model.logProbability(of: window, after: prefix)
                    #expect(scorer.logProbability(with: candidate, model: model).bitPattern == whole.bitPattern, "\(text) \(candidate)")
                }
            }
        }
    }
}

@Suite struct PackedKeySetTests {
    @Test func holdsWhatWasInsertedAndNothingElse() {
        var set = PackedKeySet(capacity: 40)
        let keys: [UInt64] = [1, 2, 0x4E00_0000_5E02, 0x5E02_0000_4E00, UInt64.max, 1 << 63] + (1...30).map { UInt64($0) << 20 }
        for key in keys { set.insert(key) }
        set.insert(2)  // again: still one key
        for key in keys { #expect(set.contains(key)) }
        for key: UInt64 in [0, 3, 0x4E00_0000_5E03, 31 << 20, UInt64.max - 1] { #expect(!set.contains(key)) }
    }
}

@Suite struct CharacterKindsTests {
    @Test func noPunctuationLiesInTheGapSkippedWithoutHashing() {
        for scalar in CharacterKinds.punctuation { #expect(!CharacterKinds.punctuationGap.contains(scalar.value), "\(scalar)") }
        #expect(CharacterKinds.isPunctuation("，") && CharacterKinds.isPunctuation("、") && CharacterKinds.isPunctuation("·"))
        #expect(!CharacterKinds.isPunctuation("一") && !CharacterKinds.isPunctuation("\u{E000}") && !CharacterKinds.isPunctuation(","))
    }

    /// `wordPairs` finds what asking `isWord` of every pair finds, in the same order: here
    /// for the candidates of two GBK rows, as a slip with no inner character has them.
    @Test func wordPairsMatchEveryPairAsked() {
        let model = PhraseModel.shared
        let table = CP936Table.shared
        var pairCount = 0
        for (trail, lead) in [(UInt8(0xA3), UInt8(0xB1)), (0xBF, 0xD6), (0xC6, 0xCA), (0x40, 0x81)] {
            let firsts = CP936Table.leads.compactMap { table.character(lead: $0, trail: trail) }
            let lasts = CP936Table.trails.compactMap { table.character(lead: lead, trail: $0) }
            var expected: [(Unicode.Scalar, Unicode.Scalar)] = []
            for first in firsts {
                for last in lasts where model.isWord(model.folded(first), model.folded(last)) { expected.append((first, last)) }
            }
            let found = model.wordPairs(firsts, lasts)
            #expect(found.map { "\($0.0)\($0.1)" } == expected.map { "\($0.0)\($0.1)" })
            pairCount += found.count
        }
        #expect(pairCount > 0)
    }
}
