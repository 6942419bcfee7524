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

    /// The cleaned text, or nil when it needs nothing (most strings): a scan for the first change
    /// (`firstChange`), then one pass over the UTF-8 bytes from there; the output is built only
    /// from the first change on, copying unchanged runs whole.
    private static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> String? {
        guard let start = firstChange(in: bytes, of: text) else { return nil }
        var output: [UInt8] = []
        var changed = false
        // Bytes before `copied` are in the output or dropped.
        var copied = 0
        // Whether the output ends in a Han character, which a pinyin annotation may gloss. Up to
        // the first change the output is the text itself.
        var lastIsHan = endsInHan(bytes, before: start)
        var index = start
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

    /// Where the first character that cleanup changes (or the first pinyin annotation) starts,
    /// or nil when there is none. Up to there nothing has changed, so the output ends in what the
    /// text holds before it: whether that is Han is read back only at an opening parenthesis.
    /// Most characters are told kept by their lead byte alone (`plainLeadLengths`); three-byte
    /// ones with other leads (CJK and full-width punctuation, typographic quotes) by one read of
    /// `keptThreeByteScalars`; only the rest are decoded and looked at one by one.
    private static func firstChange(in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Int? {
        let leadLengths = Self.plainLeadLengths
        let keptThreeByte = Self.keptThreeByteScalars
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            let plainLength = leadLengths[Int(lead)]
            if plainLength != 0 {
                index &+= Int(plainLength)
                continue
            }
            if lead &- 0xE0 < 0x10 {
                let value = Int(lead & 0x0F) << 12 | Int(bytes[index &+ 1] & 0x3F) << 6 | Int(bytes[index &+ 2] & 0x3F)
                if keptThreeByte[value] != 0 {
                    index &+= 3
                    continue
                }
            }
            let (scalar, length) = decode(bytes, at: index)
            if PinyinAnnotation.opens(scalar) {
                if opensAnnotation(bytes, at: index, of: text) { return index }
            } else if action(for: scalar) != .keep {
                return index
            }
            index &+= length
        }
        return nil
    }

    /// For each lead byte, the length of the characters it opens when all of them are kept as
    /// they are and none opens a parenthesis; 0 for the rest (and for bytes that open none).
    /// ASCII but `(`; C3–DF (U+00C0–U+07FF); E0 (U+0800–U+0FFF) and E4–ED (U+4000–U+DFFF: the
    /// ideographs, Yi, Hangul); F0–F2 (U+10000–U+BFFFF, below the private-use planes).
    nonisolated(unsafe) static let plainLeadLengths: UnsafeBufferPointer<UInt8> = {
        var lengths = [UInt8](repeating: 0, count: 256)
        for lead in 0..<0x80 where lead != 0x28 { lengths[lead] = 1 }
        for lead in 0xC3...0xDF { lengths[lead] = 2 }
        for lead in [0xE0] + Array(0xE4...0xED) { lengths[lead] = 3 }
        for lead in 0xF0...0xF2 { lengths[lead] = 4 }
        return ImmortalStorage.copy(lengths)
    }()

    /// Indexed by BMP scalar: 1 where cleanup keeps the scalar and it opens no parenthesis, 0
    /// elsewhere; `action(for:)` and `PinyinAnnotation.opens` asked once for each. Only the
    /// three-byte characters whose lead byte `plainLeadLengths` does not settle are read here
    /// (leads E1–E3, U+1000–U+3FFF, and EE–EF, U+E000–U+FFFF), so only they are filled in.
    nonisolated(unsafe) private static let keptThreeByteScalars: UnsafeBufferPointer<UInt8> = {
        var kept = [UInt8](repeating: 0, count: 0x1_0000)
        for value in Array(UInt32(0x1000)..<0x4000) + Array(UInt32(0xE000)..<0x1_0000) {
            guard let scalar = Unicode.Scalar(value), !PinyinAnnotation.opens(scalar), action(for: scalar) == .keep
            else { continue }
            kept[Int(value)] = 1
        }
        return ImmortalStorage.copy(kept)
    }()

    /// Whether the parenthesis at `index`, with nothing changed before it, opens a pinyin
    /// annotation: it follows a Han character and holds pinyin.
    private static func opensAnnotation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, of text: String) -> Bool {
        endsInHan(bytes, before: index)
            && PinyinAnnotation.end(
                in: text.unicodeScalars, openingAt: text.utf8.index(text.utf8.startIndex, offsetBy: index)) != nil
    }

    /// Whether the character before `index` (a character boundary) is Han; false at the start.
    private static func endsInHan(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        var start = index
        repeat {
            guard start > 0 else { return false }
            start -= 1
        } while bytes[start] & 0xC0 == 0x80
        return PinyinAnnotation.isHan(decode(bytes, at: start).0)
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
