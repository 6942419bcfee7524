extension Unicode.Scalar {
    /// `CharacterFold.simplifiedKey` of one scalar: its simplified form (牽 → 牵), or itself.
    @inline(__always)
    var simplifiedKey: Unicode.Scalar {
        guard value >= 0x80 else { return self }
        let simplified = CharacterFold.table[value]
        return simplified == 0 ? self : Unicode.Scalar(simplified) ?? self
    }
}

extension CharacterFold {
    /// The scalars of `simplifiedKey(text)`, decoded and folded in one pass.
    static func simplifiedScalars(of text: some StringProtocol) -> [Unicode.Scalar] {
        var scalars = ScalarLine.scalars(of: text)
        for index in scalars.indices where scalars[index].value >= 0x80 { scalars[index] = scalars[index].simplifiedKey }
        return scalars
    }

    /// The scalars whose simplified key is one of `targets` (the targets themselves included), in
    /// one pass over the populated blocks of the table.
    static func forms(ofAny targets: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let wanted = ScalarSet(targets.map { String($0) })
        var forms = targets
        for high in 0..<ScalarTable.blockCount {
            let block = Int(table.blockIndex[high])
            guard block != 0 else { continue }
            for low in 0..<256 {
                let payload = table.payloads[block << 8 | low]
                guard payload != 0, let target = Unicode.Scalar(payload), wanted.contains(target) else { continue }
                // ASCII never folds (see `simplifiedKey`).
                if high << 8 | low >= 0x80, let scalar = Unicode.Scalar(UInt32(high << 8 | low)) { forms.append(scalar) }
            }
        }
        return forms
    }

    /// The scalars whose simplified key is `target`: itself and the forms folding to it, read from
    /// the populated blocks of the table.
    static func forms(of target: Unicode.Scalar) -> [Unicode.Scalar] {
        var forms = [target]
        for high in 0..<ScalarTable.blockCount {
            let block = Int(table.blockIndex[high])
            guard block != 0 else { continue }
            for low in 0..<256 where table.payloads[block << 8 | low] == target.value {
                // ASCII never folds (see `simplifiedKey`).
                if high << 8 | low >= 0x80, let scalar = Unicode.Scalar(UInt32(high << 8 | low)) { forms.append(scalar) }
            }
        }
        return forms
    }
}

/// Word lists for matching on folded scalar arrays: each word as scalars, compared in place.
struct ScalarWords: Sendable {
    let words: [[Unicode.Scalar]]
    /// The scalars a word opens with: most positions of a text open none.
    private let openings: ScalarSet

    /// The length of the longest word, in scalars.
    let longest: Int

    init(_ words: [String]) {
        self.words = words.map { Array($0.unicodeScalars) }
        longest = self.words.map(\.count).max() ?? 0
        openings = ScalarSet(words.compactMap { $0.unicodeScalars.first.map { String($0) } })
    }

    /// The first word (in list order) that `scalars` hold at `index`.
    func first(in scalars: some RandomAccessCollection<Unicode.Scalar>, at index: Int) -> [Unicode.Scalar]? {
        words.first { Self.matches($0, scalars, at: index) }
    }

    /// Whether any word occurs anywhere in `scalars`.
    func occurs(in scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        var offset = 0
        for scalar in scalars {
            if openings.contains(scalar),
                words.contains(where: { $0[0] == scalar && Self.matches($0, scalars, at: offset) })
            {
                return true
            }
            offset += 1
        }
        return false
    }

    /// Whether `scalars` open with any word.
    func opensOne(of scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first, openings.contains(first) else { return false }
        return words.contains { Self.matches($0, scalars, at: 0) }
    }

    /// Whether `scalars` end with any word.
    func endsOne(of scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        words.contains { Self.matches($0, scalars, at: scalars.count - $0.count) }
    }

    /// Whether `scalars` are exactly one of the words.
    func contains(_ scalars: some RandomAccessCollection<Unicode.Scalar>) -> Bool {
        words.contains { $0.count == scalars.count && Self.matches($0, scalars, at: 0) }
    }

    /// Whether `word` stands in `scalars` at offset `index` (from the collection's start).
    @inline(__always)
    static func matches(_ word: [Unicode.Scalar], _ scalars: some RandomAccessCollection<Unicode.Scalar>, at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        var cursor = scalars.index(scalars.startIndex, offsetBy: index)
        for scalar in word {
            if scalars[cursor] != scalar { return false }
            scalars.formIndex(after: &cursor)
        }
        return true
    }
}
