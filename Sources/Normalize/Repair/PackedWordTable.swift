/// Words of up to four Basic Multilingual Plane characters, each packed into one 64-bit key
/// (16 bits a character, the first lowest; no character is U+0000, so words of different
/// lengths never share a key), mapped to a number in an open-addressing hash table: a
/// lookup is one multiply and, nearly always, one or two probes — no String, no hashing of
/// bytes, no comparison of text. A key may also be marked as the opening of a longer word,
/// so a search for words from one place stops where no longer word can follow.
struct PackedWordTable: Sendable {
    static let longestWord = 4

    /// 0 marks an empty slot (no word packs to 0).
    private var keys: [UInt64]
    private var values: [Double]
    /// `isWord` and `opensLongerWord` bits of each slot.
    private var flags: [UInt8]
    private let shift: UInt64
    /// Keys held: words and openings.
    private(set) var count = 0

    private static let isWord: UInt8 = 1
    private static let opensLongerWord: UInt8 = 2

    /// What the table knows of one key.
    struct Entry {
        /// The word's number; nil when the key is no word.
        let value: Double?
        /// Some longer word opens with the key.
        let opensLongerWord: Bool
    }

    /// A table for up to `capacity` words, at most a third full.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 3 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Double](repeating: 0, count: 1 << bits)
        flags = [UInt8](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The key of a word of one to four characters, extended by one character: nil when the
    /// character does not pack (outside the BMP, or U+0000) or the word is already four long.
    @inline(__always)
    static func key(_ key: UInt64, appending scalar: UInt32, at position: Int) -> UInt64? {
        guard scalar != 0, scalar <= 0xFFFF, position < longestWord else { return nil }
        return key | UInt64(scalar) << UInt64(16 * position)
    }

    /// The key of `word`, or nil when it does not pack.
    static func key(of word: some Sequence<Unicode.Scalar>) -> UInt64? {
        var key: UInt64 = 0
        var position = 0
        for scalar in word {
            guard let extended = Self.key(key, appending: scalar.value, at: position) else { return nil }
            key = extended
            position += 1
        }
        return position == 0 ? nil : key
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Sets the value of `key`, replacing any earlier one.
    mutating func set(_ value: Double, for key: UInt64) {
        let slot = insertedSlot(of: key)
        values[slot] = value
        flags[slot] |= Self.isWord
    }

    /// Marks `key` as the opening of a longer word (whether or not it is a word itself).
    mutating func markOpening(_ key: UInt64) {
        flags[insertedSlot(of: key)] |= Self.opensLongerWord
    }

    private mutating func insertedSlot(of key: UInt64) -> Int {
        precondition(key != 0 && count * 3 < keys.count * 2, "PackedWordTable is full")
        var slot = slot(of: key)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        return slot
    }

    @inline(__always)
    func value(for key: UInt64) -> Double? {
        entry(for: key).value
    }

    @inline(__always)
    func entry(for key: UInt64) -> Entry {
        var slot = slot(of: key)
        while true {
            let found = keys[slot]
            if found == key {
                let flags = flags[slot]
                return Entry(
                    value: flags & Self.isWord != 0 ? values[slot] : nil, opensLongerWord: flags & Self.opensLongerWord != 0)
            }
            if found == 0 { return Entry(value: nil, opensLongerWord: false) }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Replaces every word's value by `transform` of it.
    mutating func transformValues(_ transform: (Double) -> Double) {
        for slot in keys.indices where flags[slot] & Self.isWord != 0 { values[slot] = transform(values[slot]) }
    }
}
