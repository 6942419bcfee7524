/// Unicode cleanup: odd spaces to ASCII space, invisible characters and BOMs removed, private-use
/// (icon-font) characters removed, full-width digits and Latin letters folded to ASCII, pinyin
/// annotations (關(guān)) removed. Line breaks, tabs, quotation marks (“”) and full-width Chinese
/// punctuation (，。：；（）、) are kept as printed.
///
/// Damage repair runs before this stage and reads private-use characters as a sign of damage;
/// cleanup only removes what is left over afterwards.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        // Most strings need nothing: check before building a new one.
        guard text.unicodeScalars.contains(where: { action(for: $0) != .keep || PinyinAnnotation.opens($0) })
        else { return text }

        let scalars = Array(text.unicodeScalars)
        var cleaned = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if PinyinAnnotation.opens(scalar), let previous = cleaned.last, PinyinAnnotation.isHan(previous),
               let end = PinyinAnnotation.end(in: scalars, openingAt: index) {
                index = end
                continue
            }
            switch action(for: scalar) {
            case .keep: cleaned.append(scalar)
            case .remove: break
            case .replace(let replacement): cleaned.append(replacement)
            }
            index += 1
        }
        return String(cleaned)
    }

    enum Action: Equatable {
        case keep
        case remove
        case replace(Unicode.Scalar)
    }

    static func action(for scalar: Unicode.Scalar) -> Action {
        switch scalar.value {
        case 0x0000...0x009F:
            // ASCII and C1 controls: nothing to do (tabs and line breaks are structure).
            return .keep
        // No-break, ideographic and other typographic spaces.
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .replace(" ")
        // Invisible characters: soft hyphen, Mongolian vowel separator, zero-width space and
        // joiners, direction marks and embeddings, word joiner and invisible operators, BOM.
        case 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return .remove
        // Private use: icon fonts (e.g. a font's "print" or "share" glyph) leave these behind.
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD:
            return .remove
        // Full-width digits and Latin letters: ０-９, Ａ-Ｚ, ａ-ｚ are U+FF10... = ASCII + 0xFEE0.
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .replace(Unicode.Scalar(scalar.value - 0xFEE0)!)
        default:
            return .keep
        }
    }
}
