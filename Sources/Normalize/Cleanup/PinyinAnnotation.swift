/// Pinyin printed after characters to gloss them, as in 關(guān) or 鎮(zhèn): a parenthesis right
/// after a Han character holding nothing but pinyin with at least one tone mark. Without a tone
/// mark it may be an abbreviation ((WTO)); with anything else it is text ((一), (2023年)).
enum PinyinAnnotation {
    /// Longest annotation looked at, in scalars between the parentheses: a gloss of a few syllables.
    static let maximumLength = 48

    static func opens(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "(" || scalar == "（"
    }

    static func closes(_ scalar: Unicode.Scalar) -> Bool {
        scalar == ")" || scalar == "）"
    }

    /// The index just past the closing parenthesis when `scalars[opening]` opens an annotation.
    static func end<Scalars: Collection<Unicode.Scalar>>(in scalars: Scalars, openingAt opening: Scalars.Index)
        -> Scalars.Index?
    {
        var index = scalars.index(after: opening)
        var offset = 1
        var letters = 0
        var toneMarks = 0
        while index < scalars.endIndex && offset <= maximumLength + 1 {
            let scalar = scalars[index]
            if closes(scalar) {
                return letters > 0 && toneMarks > 0 ? scalars.index(after: index) : nil
            }
            if isToneMarked(scalar) {
                toneMarks += 1
                letters += 1
            } else if isCombiningToneMark(scalar) {
                toneMarks += 1
            } else if isPlainPinyinLetter(scalar) {
                letters += 1
            } else if scalar == "\u{0308}" {
                // Combining diaeresis: ü written as u + ¨.
            } else if !(scalar == " " || scalar == "'" || scalar == "’" || scalar == "-") {
                return nil
            }
            index = scalars.index(after: index)
            offset += 1
        }
        return nil
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        isHan(value: scalar.value)
    }

    @inline(__always)
    static func isHan(value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
        default: false
        }
    }

    private static func isPlainPinyinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "ü", "Ü", "ê", "Ê": true
        default: false
        }
    }

    /// Vowels (and syllabic n, m) carrying one of the four tone marks, precomposed.
    private static let toneMarkedLetters: Set<Unicode.Scalar> = Set(
        "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛŃŇǸḾ".unicodeScalars)

    private static func isToneMarked(_ scalar: Unicode.Scalar) -> Bool {
        toneMarkedLetters.contains(scalar)
    }

    /// Tone marks written as combining characters after a plain vowel: grave, acute, macron, caron.
    private static func isCombiningToneMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300, 0x0301, 0x0304, 0x030C: true
        default: false
        }
    }
}
