/// String equality (`==`, canonical equivalence) told from the UTF-8 bytes where that is sure:
/// equal bytes are equal text; different bytes are different text when both are made only
/// of scalars that are in normal form and never compose with a neighbour (ASCII, CJK
/// punctuation up to 〩, the ideographs U+4000–U+9FFF, the full-width forms). Anything else
/// (accents, compatibility ideographs, kana sound marks) is compared as Strings.
public enum CanonicalText {
    public static func equal(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        let sure: Bool? = first.withUTF8 { one in
            second.withUTF8 { other in
                if sameBytes(one, other) { return true }
                return isPlain(one) && isPlain(other) ? false : nil
            }
        }
        return sure ?? (first == second)
    }

    /// Whether `text` is made only of such scalars: then it equals another such text exactly
    /// when their bytes are the same.
    public static func isPlain(_ text: String) -> Bool {
        JSONBytes.withUTF8(of: text, isPlain)
    }

    /// Whether the UTF-8 of the two texts is the same, byte for byte.
    @inline(__always)
    public static func sameBytes(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        return JSONBytes.withUTF8(of: first) { one in
            JSONBytes.withUTF8(of: second) { other in
                sameBytes(one, other)
            }
        }
    }

    /// Whether the two runs of bytes are the same, compared a word at a time.
    @inline(__always)
    static func sameBytes(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard one.count == other.count else { return false }
        // Either has no address only when both are empty.
        guard let first = UnsafeRawPointer(one.baseAddress), let second = UnsafeRawPointer(other.baseAddress) else { return true }
        var index = 0
        while index + 8 <= one.count {
            if first.loadUnaligned(fromByteOffset: index, as: UInt64.self) != second.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < one.count {
            if first.load(fromByteOffset: index, as: UInt8.self) != second.load(fromByteOffset: index, as: UInt8.self) { return false }
            index += 1
        }
        return true
    }

    /// Whether every scalar of the (valid) UTF-8 is one that no other sequence of scalars is
    /// canonically equivalent to, nor composes with a neighbour.
    static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = utf8.count
        while index < count {
            let lead = utf8[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard index + 2 < count else { return false }
            let second = utf8[index + 1]
            let third = utf8[index + 2]
            switch lead {
            case 0xE4...0xE9: break  // U+4000–U+9FFF
            case 0xE3 where second == 0x80 && third <= 0xA9: break  // U+3000–U+3029
            case 0xEF where second == 0xBC || (second == 0xBD && third <= 0xAF): break  // U+FF00–U+FF6F
            default: return false
            }
            index += 3
        }
        return true
    }
}
