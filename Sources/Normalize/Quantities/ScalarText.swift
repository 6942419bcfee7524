/// Text as an array of Unicode scalars, with full-width forms folded to ASCII, and the UTF-8
/// offset of every scalar.
///
/// Both the quantity and the time parser scan by integer index over this array (no regex
/// engine, no `Character` or `String` allocation per step) and still hand back substrings
/// and `String.Index` ranges of the text exactly as it was given.
struct ScalarText {
    let text: String
    /// Folded scalars: `１２％` reads as `12%`, `（` as `(`, `—` as `-`. `，` is kept apart
    /// from `,` because in Chinese text it separates clauses, never digit groups.
    private(set) var scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar in `text`, plus one final entry for the end.
    private var utf8Offsets: [Int32]

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
        (scalars, utf8Offsets) =
            text.utf8.withContiguousStorageIfAvailable { ScalarText.decode($0, simplifyingScript: simplifyingScript) }
            ?? ([], [0])
    }

    private init(text: String, scalars: [Unicode.Scalar], utf8Offsets: [Int32]) {
        self.text = text
        self.scalars = scalars
        self.utf8Offsets = utf8Offsets
    }

    /// The scalars of `range` as a text of their own: what decoding that part of the text
    /// would give (folding is scalar by scalar), without decoding it again.
    func slice(_ range: Range<Int>) -> ScalarText {
        let base = utf8Offsets[range.lowerBound]
        let end = Int(utf8Offsets[range.upperBound])
        let part = text.utf8.withContiguousStorageIfAvailable { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(base)..<end]), as: UTF8.self)
        } ?? String(text[stringIndex(range.lowerBound)..<stringIndex(range.upperBound)])
        return ScalarText(
            text: part, scalars: Array(scalars[range]), utf8Offsets: utf8Offsets[range.lowerBound...range.upperBound].map { $0 - base })
    }

    /// Decodes UTF-8 in one pass into preallocated arrays: the hot start of every parse.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, simplifyingScript: Bool) -> ([Unicode.Scalar], [Int32]) {
        guard bytes.count > 0, bytes.count < Int(Int32.max) else { return ([], [0]) }
        guard simplifyingScript else { return decode(bytes) { $0 } }
        let simplified = CharacterFold.table
        return decode(bytes) { value in
            let folded = simplified[value]
            return folded != 0 && Unicode.Scalar(folded) != nil ? folded : value
        }
    }

    /// `decode` with the script fold given as a function, so each kind of decode gets a loop
    /// of its own.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, simplifying simplify: (UInt32) -> UInt32) -> ([Unicode.Scalar], [Int32]) {
        let source = bytes.baseAddress!
        let byteCount = bytes.count
        var offsets: [Int32] = []
        // At most one scalar per byte: counting them first costs more than the spare room.
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: byteCount) { scalarBuffer, scalarCount in
            offsets = [Int32](unsafeUninitializedCapacity: byteCount + 1) { offsetBuffer, offsetCount in
                let scalarOut = scalarBuffer.baseAddress!
                let offsetOut = offsetBuffer.baseAddress!
                var index = 0
                var count = 0
                while index < byteCount {
                    let lead = UInt32(source[index])
                    // The bulk of the text: an ideograph in three bytes that folds to itself.
                    if lead & 0xF0 == 0xE0, index &+ 2 < byteCount {
                        let value = simplify(
                            (lead & 0x0F) << 12 | UInt32(source[index &+ 1] & 0x3F) << 6 | UInt32(source[index &+ 2] & 0x3F))
                        if isPlainIdeograph(value) {
                            (scalarOut + count).initialize(to: Unicode.Scalar(value)!)
                            (offsetOut + count).initialize(to: Int32(truncatingIfNeeded: index))
                            count &+= 1
                            index &+= 3
                            continue
                        }
                    }
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
                    value = simplify(value)
                    (scalarOut + count).initialize(to: fold(Unicode.Scalar(value) ?? "\u{FFFD}"))
                    (offsetOut + count).initialize(to: Int32(truncatingIfNeeded: index))
                    count &+= 1
                    index &+= length
                }
                (offsetOut + count).initialize(to: Int32(truncatingIfNeeded: byteCount))
                offsetCount = count + 1
                scalarCount = count
            }
        }
        return (scalars, offsets)
    }

    var count: Int { scalars.count }

    /// The scalar at `index`, or U+0000 outside the text, so look-ahead and look-behind
    /// never need a bounds check of their own.
    @inline(__always)
    subscript(index: Int) -> Unicode.Scalar {
        index >= 0 && index < scalars.count ? scalars[index] : "\u{0}"
    }

    /// Whether `word` occurs at `index`.
    func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        return scalars.withUnsafeBufferPointer { scalars in
            word.withUnsafeBufferPointer { word in
                for offset in 0..<word.count where scalars[index &+ offset] != word[offset] { return false }
                return true
            }
        }
    }

    /// Whether `word` ends just before `end`.
    func matches(_ word: [Unicode.Scalar], endingAt end: Int) -> Bool {
        matches(word, at: end - word.count)
    }

    /// The UTF-8 offset in `text` of the scalar at `index` (`count` for the end).
    func utf8Offset(_ index: Int) -> Int { Int(utf8Offsets[index]) }

    func stringIndex(_ index: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: Int(utf8Offsets[index]))
    }

    func range(_ range: Range<Int>) -> Range<String.Index> {
        stringIndex(range.lowerBound)..<stringIndex(range.upperBound)
    }

    /// The original (unfolded) text of `range`.
    func string(_ range: Range<Int>) -> String {
        String(text[self.range(range)])
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
        let limit = min(scalars.count, index + 1 + reach)
        while cursor < limit {
            let scalar = scalars[cursor]
            if scalar == close { return cursor }
            // A line break ends any quotation that has not closed yet.
            if scalar == "\n" { return nil }
            cursor += 1
        }
        return nil
    }

    /// A CJK ideograph other than 萬 億 兩: `fold` keeps it as it is.
    @inline(__always)
    private static func isPlainIdeograph(_ value: UInt32) -> Bool {
        value >= 0x4E00 && value < 0x9FFF && value != 0x842C && value != 0x5104 && value != 0x5169
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
