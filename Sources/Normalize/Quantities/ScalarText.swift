import Foundation

/// Text as an array of Unicode scalars, with full-width forms folded to ASCII, and the UTF-8
/// offset of every scalar.
///
/// Both the quantity and the time parser scan by integer index over this array (no regex
/// engine, no `Character` or `String` allocation per step) and still hand back substrings
/// and `String.Index` ranges of the text exactly as it was given.
struct ScalarText {
    let text: String
    /// Folded scalars: `１２％` reads as `12%`, `（` as `(`, `—` as `-`. `，` is kept apart
    /// from `,` because in Chinese text it separates clauses, never digit groups. Then the
    /// UTF-8 offset of each scalar in `text`, plus one final entry for the end. Both in one
    /// buffer: one allocation per text, made without the generic array path.
    private let storage: Storage
    /// The number of scalars.
    let count: Int

    /// The scalars (`count` of them) and, from `offsetsStart` on, the UTF-8 offsets
    /// (`count + 1`), all as 32-bit words in the buffer's tail.
    private final class Storage: ManagedBuffer<Int, UInt32> {
        /// A buffer with room for `capacity` words.
        static func make(capacity: Int) -> Storage {
            unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in 0 }, to: Storage.self)
        }
    }

    /// Where the UTF-8 offsets start in the buffer (the header).
    private var offsetsStart: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee } }

    init(_ text: String) {
        self.init(text, simplifyingScript: false)
    }

    /// With `simplifyingScript`, each scalar is first folded to simplified script as
    /// `CharacterFold.simplifiedKey` does (one scalar for one, offsets kept): the scanners
    /// read the simplified key of a printed text without a second decode.
    init(_ text: String, simplifyingScript: Bool) {
        var text = text
        if text.utf8.withContiguousStorageIfAvailable({ _ in () }) == nil { text.makeContiguousUTF8() }
        self.text = text
        (storage, count) =
            text.utf8.withContiguousStorageIfAvailable { ScalarText.decode($0, simplifyingScript: simplifyingScript) }
            ?? ScalarText.empty()
    }

    private init(text: String, storage: Storage, count: Int) {
        self.text = text
        self.storage = storage
        self.count = count
    }

    /// The scalars as an array (a copy: the scanners read them in place, `withScalars`).
    var scalars: [Unicode.Scalar] { withScalars { Array($0) } }

    /// Whether the text holds a line feed: looked for in its UTF-8 with `memchr`, not scalar by
    /// scalar (folding makes no line feed and removes none).
    var containsLineFeed: Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x0A, bytes.count) != nil
        } ?? withScalars { $0.contains("\n") }
    }

    /// The scalars as a buffer, for loops over the whole text.
    @inline(__always)
    func withScalars<Result>(_ body: (UnsafeBufferPointer<Unicode.Scalar>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointerToElements { words in
            try words.withMemoryRebound(to: Unicode.Scalar.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
        }
    }

    /// The scalars of `range` as a text of their own: what decoding that part of the text
    /// would give (folding is scalar by scalar), without decoding it again.
    func slice(_ range: Range<Int>) -> ScalarText {
        let base = utf8Offsets(range.lowerBound)
        let end = Int(utf8Offsets(range.upperBound))
        // Bytes between two scalar offsets of a String: valid UTF-8, copied without revalidation.
        let part = text.utf8.withContiguousStorageIfAvailable { bytes in
            String(validUTF8: UnsafeBufferPointer(rebasing: bytes[Int(base)..<end]))
        } ?? String(text[stringIndex(range.lowerBound)..<stringIndex(range.upperBound)])
        let partCount = range.count
        let partStorage = Storage.make(capacity: 2 * partCount + 1)
        partStorage.header = partCount
        storage.withUnsafeMutablePointerToElements { source in
            partStorage.withUnsafeMutablePointerToElements { target in
                target.update(from: source + range.lowerBound, count: partCount)
                let sourceOffsets = source + offsetsStart + range.lowerBound
                for index in 0...partCount { target[partCount + index] = sourceOffsets[index] &- base }
            }
        }
        return ScalarText(text: part, storage: partStorage, count: partCount)
    }

    @inline(__always)
    private func utf8Offsets(_ index: Int) -> UInt32 {
        precondition(index >= 0 && index <= count)
        return storage.withUnsafeMutablePointerToElements { $0[offsetsStart + index] }
    }

    private static func empty() -> (Storage, Int) {
        let storage = Storage.make(capacity: 1)
        storage.withUnsafeMutablePointerToElements { $0.initialize(to: 0) }
        storage.header = 0
        return (storage, 0)
    }

    /// Decodes UTF-8 in one pass into one preallocated buffer: the hot start of every parse.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, simplifyingScript: Bool) -> (Storage, Int) {
        guard bytes.count > 0, bytes.count < Int(Int32.max) else { return empty() }
        return decode(bytes, folding: simplifyingScript ? simplifyingBMP : keepingBMP, simplifyingScript: simplifyingScript)
    }

    /// The scalar `decode` writes for a decoded value: simplified first when given the
    /// script fold (`CharacterFold.table`, one scalar for one, as `CharacterFold.simplifiedKey`
    /// does), then folded (`fold`); U+FFFD for a value that is no scalar.
    @inline(__always)
    private static func folded(_ value: UInt32, simplifying simplified: ScalarTable.Frozen?) -> UInt32 {
        var value = value
        if let simplified {
            let folded = simplified[value]
            if folded != 0 && Unicode.Scalar(folded) != nil { value = folded }
        }
        return fold(Unicode.Scalar(value) ?? "\u{FFFD}").value
    }

    /// `folded` of every value below U+10000 (all that one-, two- and three-byte sequences
    /// decode to, malformed ones included), without and with the script fold, or 0 where that
    /// is no value below U+10000 (or is 0): each of those scalars is decoded and folded with
    /// one load. In 16 bits, so the ideographs' part of a table stays near the core.
    nonisolated(unsafe) private static let keepingBMP = bmpTable(simplifying: nil)
    nonisolated(unsafe) private static let simplifyingBMP = bmpTable(simplifying: CharacterFold.table)

    /// The scalar `init(_:simplifyingScript: true)` reads for each scalar below U+10000, by
    /// value, or 0 where the table has no entry (the decoder then folds that one on the spot).
    static var simplifiedFoldsOfBMP: UnsafeBufferPointer<UInt16> { simplifyingBMP }

    private static func bmpTable(simplifying simplified: ScalarTable.Frozen?) -> UnsafeBufferPointer<UInt16> {
        let table = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: 0x10000)  // never freed: a static table
        for value in 0..<UInt32(0x10000) {
            let result = folded(value, simplifying: simplified)
            table[Int(value)] = result < 0x10000 ? UInt16(result) : 0
        }
        return UnsafeBufferPointer(table)
    }

    /// `decode` with the fold of the values below U+10000 given as a table. The scalars are
    /// written from the buffer's start, the offsets from `byteCount` on (at most one scalar
    /// per byte: counting them first costs more than the spare room).
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, folding table: UnsafeBufferPointer<UInt16>, simplifyingScript: Bool)
        -> (Storage, Int)
    {
        let source = bytes.baseAddress!
        let byteCount = bytes.count
        let foldTable = table.baseAddress!
        let storage = Storage.make(capacity: 2 * byteCount + 1)
        let count = storage.withUnsafeMutablePointerToElements { words -> Int in
            let scalarOut = words
            let offsetOut = words + byteCount
            var index = 0
            var count = 0
            while index < byteCount {
                let lead = UInt32(source[index])
                var value = lead
                var length = 1
                // A String's bytes are valid UTF-8; the length checks only keep a
                // malformed buffer from reading past its end.
                if lead >= 0xE0 {
                    if lead >= 0xF0, index + 3 < byteCount {
                        value = (lead & 0x07) << 18 | UInt32(source[index + 1] & 0x3F) << 12
                            | UInt32(source[index + 2] & 0x3F) << 6 | UInt32(source[index + 3] & 0x3F)
                        length = 4
                    } else if index + 2 < byteCount {
                        value = (lead & 0x0F) << 12 | UInt32(source[index + 1] & 0x3F) << 6 | UInt32(source[index + 2] & 0x3F)
                        length = 3
                    }
                } else if lead >= 0xC0, index + 1 < byteCount {
                    value = (lead & 0x1F) << 6 | UInt32(source[index + 1] & 0x3F)
                    length = 2
                }
                let entry = length < 4 ? UInt32(foldTable[Int(truncatingIfNeeded: value)]) : 0
                (scalarOut + count).initialize(
                    to: entry != 0 ? entry : folded(value, simplifying: simplifyingScript ? CharacterFold.table : nil))
                (offsetOut + count).initialize(to: UInt32(truncatingIfNeeded: index))
                count &+= 1
                index &+= length
            }
            (offsetOut + count).initialize(to: UInt32(truncatingIfNeeded: byteCount))
            return count
        }
        // Through the pointer: the property would be a dynamically checked access, per text.
        storage.withUnsafeMutablePointerToHeader { $0.pointee = byteCount }
        return (storage, count)
    }

    /// The scalar at `index`, or U+0000 outside the text, so look-ahead and look-behind
    /// never need a bounds check of their own.
    @inline(__always)
    subscript(index: Int) -> Unicode.Scalar {
        guard index >= 0 && index < count else { return "\u{0}" }
        return storage.withUnsafeMutablePointerToElements { unsafeBitCast($0[index], to: Unicode.Scalar.self) }
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        return storage.withUnsafeMutablePointerToElements { scalars in
            word.withUnsafeBufferPointer { word in
                for offset in 0..<word.count where scalars[index &+ offset] != word[offset].value { return false }
                return true
            }
        }
    }

    /// Whether `word` occurs at `index` (a word kept in place, as `WordTable` keeps them).
    @inline(__always)
    func matches(_ word: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        return storage.withUnsafeMutablePointerToElements { scalars in
            for offset in 0..<word.count where scalars[index &+ offset] != word[offset].value { return false }
            return true
        }
    }

    /// Whether `word` ends just before `end`.
    func matches(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
        matches(word, at: end - word.count)
    }

    /// The UTF-8 offset in `text` of the scalar at `index` (`count` for the end).
    func utf8Offset(_ index: Int) -> Int { Int(utf8Offsets(index)) }

    func stringIndex(_ index: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: Int(utf8Offsets(index)))
    }

    func range(_ range: Range<Int>) -> Range<String.Index> {
        stringIndex(range.lowerBound)..<stringIndex(range.upperBound)
    }

    /// The original (unfolded) text of `range`.
    func string(_ range: Range<Int>) -> String {
        let start = Int(utf8Offsets(range.lowerBound))
        let end = Int(utf8Offsets(range.upperBound))
        // The bytes between two scalar offsets of a String are valid UTF-8: copied, not revalidated.
        return text.utf8.withContiguousStorageIfAvailable { String(validUTF8: UnsafeBufferPointer(rebasing: $0[start..<end])) }
            ?? String(text[self.range(range)])
    }

    /// Where a quotation or title opened at `index` closes: `“四智”`, `《…方案》`, `〔2020〕`.
    /// Nil when `index` opens nothing or the closing mark is not near enough to trust (a
    /// stray quote mark must not hide the rest of the text).
    func closingMark(ofOpeningAt index: Int) -> Int? {
        let close: Unicode.Scalar
        let reach: Int
        switch self[index] {
        case "“": close = "”"; reach = 40
        case "\"": close = "\""; reach = 40
        case "「": close = "」"; reach = 40
        case "『": close = "』"; reach = 40
        case "《": close = "》"; reach = 120
        case "〔": close = "〕"; reach = 12
        default: return nil
        }
        var cursor = index + 1
        let limit = min(count, index + 1 + reach)
        while cursor < limit {
            let scalar = self[cursor]
            if scalar == close { return cursor }
            // A line break ends any quotation that has not closed yet.
            if scalar == "\n" { return nil }
            cursor += 1
        }
        return nil
    }

    /// Full-width ASCII forms and look-alike dashes and spaces, folded so the scanners see
    /// one spelling. The full-width comma `，` stays as it is (see `scalars`).
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        // Fast path for the bulk of the text: ASCII, and CJK ideographs other than 萬 億 兩.
        if value < 0xA0 || (value >= 0x4E00 && value < 0xF900 && value != 0x842C && value != 0x5104 && value != 0x5169) {
            return scalar
        }
        switch value {
        case 0xFF0C: return scalar
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFF01 + 0x21)!
        case 0x00A0, 0x2002...0x200A, 0x3000: return " "
        case 0x2010...0x2014, 0x2212, 0xFE63: return "-"
        case 0x301C, 0x223C: return "~"
        case 0xFE6A: return "%"
        case 0x2022, 0x2027, 0x2219, 0x22C5, 0x30FB, 0xFF65: return "·"  // 元/人•年 is 元/人·年
        case 0x842C: return "万"  // 萬: the multiplier is read the same in either script
        case 0x5104: return "亿"  // 億
        case 0x5169: return "两"  // 兩
        default: return scalar
        }
    }
}

extension Unicode.Scalar {
    @inline(__always)
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always)
    var asciiDigitValue: Int { Int(value) - 0x30 }

    @inline(__always)
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }

    /// Marks that end a clause (after folding: ；！？： read as ASCII): a rate (每…) never
    /// reaches across them.
    var endsClause: Bool {
        switch self {
        case "，", ",", "。", ";", "!", "?", ":", "\n", "\r": true
        default: false
        }
    }

    /// Marks that end a sentence: the reach of 力争.
    var endsSentence: Bool {
        switch self {
        case "。", ";", "!", "?", "\n", "\r": true
        default: false
        }
    }
}
