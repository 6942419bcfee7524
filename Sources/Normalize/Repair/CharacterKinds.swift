internal import Charsets

/// Which characters real text is made of, as far as damage repair is concerned.
enum CharacterKinds {
    /// Punctuation of Chinese text, as GBK encodes it (full-width).
    static let punctuation: Set<Unicode.Scalar> = [
        "、", "。", "，", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》", "〈", "〉",
        "【", "】", "〔", "〕", "—", "…", "·",
    ]
    /// Punctuation that ends a clause; a clause of one or two characters is rare.
    static let clauseEnds: Set<Unicode.Scalar> = ["。", "，", "；", "：", "？", "！"]

    /// Whether `scalar` is one of `clauseEnds`; everything but 。 (U+3002) and the full-width
    /// forms (U+FF01 up) without hashing — the ideographs candidates mostly are among them.
    @inline(__always)
    static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value == 0x3002 || scalar.value >= 0xFF01) && clauseEnds.contains(scalar)
    }

    /// A common character of either script, or Chinese punctuation: what clean text holds.
    /// Everything else inside a suspected run (private use, €, pinyin, bopomofo, rare
    /// characters, ASCII punctuation standing for full-width forms) is debris.
    static func isCommon(_ scalar: Unicode.Scalar) -> Bool {
        // The rank table first: one array read answers for nearly every character.
        CommonHanCharacters.rank(of: scalar) != nil || isPunctuation(scalar)
    }

    /// Whether `scalar` is one of `punctuation`; ASCII (most debris) and the ideographs,
    /// rare ones included (most candidates a slip leaves), without hashing: no punctuation
    /// lies in `punctuationGap`.
    @inline(__always)
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value >= 0xB7 && !punctuationGap.contains(value) && value < 0x1_0000
            && punctuationBits[Int(truncatingIfNeeded: value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// `punctuation` as a bit per BMP scalar value (all of it lies in the BMP): one load and
    /// a test where hashing the scalar cost a hundred instructions, once a character.
    private static let punctuationBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x1_0000 / 64)
        for scalar in punctuation {
            precondition(scalar.value < 0x1_0000, "punctuation beyond the BMP: \(scalar)")
            bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
        }
        return bits
    }()

    /// From the CJK Extension A block to the full-width forms: ideographs, Yi, Hangul, private use.
    static let punctuationGap: Range<UInt32> = 0x3400..<0xFF00

    /// Whether `scalar` can be a character of text in `script`.
    static func isPlausible(_ scalar: Unicode.Scalar, in script: UnitScript) -> Bool {
        let common =
            switch script {
            case .simplified: CommonHanCharacters.rank(of: scalar, in: .simplified) != nil
            case .traditional: CommonHanCharacters.rank(of: scalar, in: .traditional) != nil
            case .either: CommonHanCharacters.rank(of: scalar) != nil
            }
        return common || isPunctuation(scalar)
    }

    /// Letters and digits of any script: what a clause is made of.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
