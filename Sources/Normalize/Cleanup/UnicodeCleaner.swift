/// Unicode cleanup: odd spaces to ASCII space, invisible characters and BOMs removed, private-use
/// (icon-font) characters removed, full-width digits and Latin letters folded to ASCII, pinyin
/// annotations (關(guān)) removed. Line breaks, tabs, quotation marks (“”) and full-width Chinese
/// punctuation (，。：；（）、) are kept as printed.
///
/// Damage repair runs before this stage and reads private-use characters as a sign of damage;
/// cleanup only removes what is left over afterwards.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        if let cleaned = text.utf8.withContiguousStorageIfAvailable({ cleaned($0, of: text) }) {
            return cleaned ?? text
        }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return clean(contiguous)
    }

    /// The cleaned text, or nil when it needs nothing (most strings): one pass over the UTF-8
    /// bytes; the output is built only from the first change on, copying unchanged runs whole.
    private static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> String? {
        var output: [UInt8] = []
        var changed = false
        // Bytes before `copied` are in the output or dropped.
        var copied = 0
        // Whether the output ends in a Han character, which a pinyin annotation may gloss.
        var lastIsHan = false
        var index = 0
        while index < bytes.count {
            // The bulk of the text, kept without decoding: ASCII other than `(`, and the
            // ideographs U+5000–U+9FFF (lead bytes E5–E9).
            let lead = bytes[index]
            if lead < 0x80, lead != 0x28 {
                lastIsHan = false
                index += 1
                continue
            }
            if lead >= 0xE5, lead <= 0xE9 {
                lastIsHan = true
                index += 3
                continue
            }
            if lead >= 0xE3, lead <= 0xED {
                // U+3000–U+DFFF: CJK punctuation, the other ideographs, Yi, Hangul — all kept
                // but the ideographic space U+3000 (E3 80 80).
                let value = (UInt32(lead) & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                if value != 0x3000 {
                    lastIsHan = PinyinAnnotation.isHan(value: value)
                    index += 3
                    continue
                }
            }
            let (scalar, length) = decode(bytes, at: index)
            var replacement: Unicode.Scalar?
            var next = index + length
            if PinyinAnnotation.opens(scalar), lastIsHan,
                let end = PinyinAnnotation.end(
                    in: text.unicodeScalars, openingAt: text.utf8.index(text.utf8.startIndex, offsetBy: index))
            {
                next = text.utf8.distance(from: text.utf8.startIndex, to: end)
            } else {
                switch action(for: scalar) {
                case .keep:
                    lastIsHan = PinyinAnnotation.isHan(scalar)
                    index = next
                    continue
                case .remove: break
                case .replace(let scalar): replacement = scalar
                }
            }
            // A change: copy the unchanged run before it, then the replacement if any.
            if !changed {
                output.reserveCapacity(bytes.count)
                changed = true
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            if let replacement {
                output.append(contentsOf: UTF8.encode(replacement)!)
                lastIsHan = PinyinAnnotation.isHan(replacement)
            }
            copied = next
            index = next
        }
        guard changed else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalar whose (valid) UTF-8 starts at `index`, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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
