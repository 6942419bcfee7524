/// A small dictionary of words, looked up by longest match at a position of a `ScalarText`
/// (forward: units after a number) or ending at a position (backward: comparators before it).
///
/// Words are bucketed by their first (or last) scalar, and the buckets numbered by key
/// (`ScalarNumbering`): no hashing and no search on a path that runs at every candidate position.
struct WordTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        let value: Value
    }

    /// The words of each key, in order of key, longest first (so the first hit is the longest
    /// match: 不超过 before 超过).
    private struct Buckets: Sendable {
        var entries: [[Entry]] = []
        /// The bucket of each key: keys are numbered in order of value, as the buckets stand.
        let numbering: ScalarNumbering

        init(_ entries: [(key: Unicode.Scalar, entry: Entry)]) {
            var keys: [Unicode.Scalar] = []
            for (key, entry) in entries.sorted(by: { $0.key.value < $1.key.value }) {
                if keys.last != key {
                    keys.append(key)
                    self.entries.append([])
                }
                self.entries[self.entries.count - 1].append(entry)
            }
            for index in self.entries.indices { self.entries[index].sort { $0.word.count > $1.word.count } }
            numbering = ScalarNumbering(keys)
        }

        /// The entries again, bucket after bucket in the same order, flat: their words in one
        /// array (`wordBounds` cut it), their values in another, and where each bucket starts,
        /// so a lookup copies nothing until it has a match.
        private(set) var bucketStarts: [Int] = [0]
        private(set) var words: [Unicode.Scalar] = []
        private(set) var wordBounds: [Int] = [0]
        private(set) var values: [Value] = []

        mutating func flatten() {
            for bucket in entries {
                for entry in bucket {
                    words += entry.word
                    wordBounds.append(words.count)
                    values.append(entry.value)
                }
                bucketStarts.append(values.count)
            }
        }

        /// The index of the bucket of `key`.
        @inline(__always)
        func bucket(_ key: Unicode.Scalar) -> Int? { numbering.number(of: key) }

        /// The first word of `key`'s bucket (the longest) that `matches` accepts: its value and length.
        @inline(__always)
        func first(_ key: Unicode.Scalar, where matches: (UnsafeBufferPointer<Unicode.Scalar>) -> Bool) -> (value: Value, length: Int)? {
            guard let bucket = bucket(key) else { return nil }
            let found: (entry: Int, length: Int)? = bucketStarts.withUnsafeBufferPointer { starts in
                wordBounds.withUnsafeBufferPointer { bounds in
                    words.withUnsafeBufferPointer { words in
                        for entry in starts[bucket]..<starts[bucket + 1] {
                            let word = UnsafeBufferPointer(rebasing: words[bounds[entry]..<bounds[entry + 1]])
                            if matches(word) { return (entry, word.count) }
                        }
                        return nil
                    }
                }
            }
            return found.map { (values[$0.entry], $0.length) }
        }
    }

    private let byFirst: Buckets
    private let byLast: Buckets
    /// The scalars that stand second in the words (see `secondScalars`).
    let secondScalars: String

    init(_ words: [(String, Value)]) {
        let entries = words.compactMap { word, value -> Entry? in
            let scalars = Array(word.unicodeScalars.map(ScalarText.fold))
            return scalars.isEmpty ? nil : Entry(word: scalars, value: value)
        }
        var byFirst = Buckets(entries.map { ($0.word[0], $0) })
        var byLast = Buckets(entries.map { ($0.word[$0.word.count - 1], $0) })
        byFirst.flatten()
        byLast.flatten()
        self.byFirst = byFirst
        self.byLast = byLast
        // A one-scalar word may be followed by anything: such a table has no second scalars to tell.
        secondScalars = String(String.UnicodeScalarView(entries.compactMap { $0.word.count > 1 ? $0.word[1] : nil }))
        hasOneScalarWord = entries.contains { $0.word.count == 1 }
    }

    /// Whether a word of the table has one scalar only (then `secondScalars` tells nothing).
    let hasOneScalarWord: Bool

    /// Whether a word of the table starts with `scalar`: one bit test, no word compared.
    @inline(__always)
    func hasWord(startingWith scalar: Unicode.Scalar) -> Bool { byFirst.bucket(scalar) != nil }

    /// The longest word starting at `index`, and the index just after it. Inlined: a call
    /// would copy the table's fields for every lookup.
    @inline(__always)
    func match(in text: ScalarText, at index: Int) -> (value: Value, end: Int)? {
        let first = text[index]
        guard let found = byFirst.first(first, where: { text.matches($0, at: index) }) else { return nil }
        return (found.value, index + found.length)
    }

    /// The longest word ending just before `end`, and the index where it starts.
    @inline(__always)
    func match(in text: ScalarText, endingAt end: Int) -> (value: Value, start: Int)? {
        guard let found = byLast.first(text[end - 1], where: { text.matches($0, at: end - $0.count) }) else { return nil }
        return (found.value, end - found.length)
    }
}
