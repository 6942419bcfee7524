/// A small dictionary of words, looked up by longest match at a position of a `ScalarText`
/// (forward: units after a number) or ending at a position (backward: comparators before it).
///
/// Words are bucketed by their first (or last) scalar, so a miss costs one hash lookup.
struct WordTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        let value: Value
    }

    private var byFirst: [Unicode.Scalar: [Entry]] = [:]
    private var byLast: [Unicode.Scalar: [Entry]] = [:]

    init(_ words: [(String, Value)]) {
        for (word, value) in words {
            let scalars = Array(word.unicodeScalars.map(ScalarText.fold))
            guard let first = scalars.first, let last = scalars.last else { continue }
            let entry = Entry(word: scalars, value: value)
            byFirst[first, default: []].append(entry)
            byLast[last, default: []].append(entry)
        }
        // Longest first, so the first hit is the longest match (不超过 before 超过).
        for key in byFirst.keys { byFirst[key]!.sort { $0.word.count > $1.word.count } }
        for key in byLast.keys { byLast[key]!.sort { $0.word.count > $1.word.count } }
    }

    /// The longest word starting at `index`, and the index just after it.
    func match(in text: ScalarText, at index: Int) -> (value: Value, end: Int)? {
        guard let entries = byFirst[text[index]] else { return nil }
        for entry in entries where text.matches(entry.word, at: index) {
            return (entry.value, index + entry.word.count)
        }
        return nil
    }

    /// The longest word ending just before `end`, and the index where it starts.
    func match(in text: ScalarText, endingAt end: Int) -> (value: Value, start: Int)? {
        guard let entries = byLast[text[end - 1]] else { return nil }
        for entry in entries where text.matches(entry.word, endingAt: end) {
            return (entry.value, end - entry.word.count)
        }
        return nil
    }
}
