/// A small dictionary of words, looked up by longest match at a position of a `ScalarText`
/// (forward: units after a number) or ending at a position (backward: comparators before it).
///
/// Words are bucketed by their first (or last) scalar, and the buckets found by binary search
/// over the sorted keys: no hashing on a path that runs at every candidate position.
struct WordTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        let value: Value
    }

    /// Sorted keys and, at the same positions, their words, longest first (so the first hit
    /// is the longest match: 不超过 before 超过).
    private struct Buckets: Sendable {
        var keys: [UInt32] = []
        var entries: [[Entry]] = []

        init(_ entries: [(key: Unicode.Scalar, entry: Entry)]) {
            for (key, entry) in entries.sorted(by: { $0.key.value < $1.key.value }) {
                if keys.last != key.value {
                    keys.append(key.value)
                    self.entries.append([])
                }
                self.entries[self.entries.count - 1].append(entry)
            }
            for index in self.entries.indices { self.entries[index].sort { $0.word.count > $1.word.count } }
        }

        func callAsFunction(_ key: Unicode.Scalar) -> [Entry]? {
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key.value { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key.value ? entries[low] : nil
        }
    }

    private let byFirst: Buckets
    private let byLast: Buckets
    /// The first scalars of the words: most positions are turned away by one bit test.
    private let firstScalars: ScalarSet
    /// The scalars that stand second in the words (see `secondScalars`).
    let secondScalars: String

    init(_ words: [(String, Value)]) {
        let entries = words.compactMap { word, value -> Entry? in
            let scalars = Array(word.unicodeScalars.map(ScalarText.fold))
            return scalars.isEmpty ? nil : Entry(word: scalars, value: value)
        }
        byFirst = Buckets(entries.map { ($0.word[0], $0) })
        byLast = Buckets(entries.map { ($0.word[$0.word.count - 1], $0) })
        precondition(entries.allSatisfy { $0.word[0].value < 0x1_0000 }, "WordTable: a word opens outside the BMP, which ScalarSet cannot hold")
        firstScalars = ScalarSet([String(String.UnicodeScalarView(entries.map { $0.word[0] }))])
        // A one-scalar word may be followed by anything: such a table has no second scalars to tell.
        secondScalars = String(String.UnicodeScalarView(entries.compactMap { $0.word.count > 1 ? $0.word[1] : nil }))
        hasOneScalarWord = entries.contains { $0.word.count == 1 }
    }

    /// Whether a word of the table has one scalar only (then `secondScalars` tells nothing).
    let hasOneScalarWord: Bool

    /// The longest word starting at `index`, and the index just after it.
    func match(in text: ScalarText, at index: Int) -> (value: Value, end: Int)? {
        guard firstScalars.contains(text[index]), let entries = byFirst(text[index]) else { return nil }
        for entry in entries where text.matches(entry.word, at: index) {
            return (entry.value, index + entry.word.count)
        }
        return nil
    }

    /// The longest word ending just before `end`, and the index where it starts.
    func match(in text: ScalarText, endingAt end: Int) -> (value: Value, start: Int)? {
        guard let entries = byLast(text[end - 1]) else { return nil }
        for entry in entries where text.matches(entry.word, endingAt: end) {
            return (entry.value, end - entry.word.count)
        }
        return nil
    }
}
