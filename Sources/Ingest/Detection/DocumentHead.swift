/// The start of a document as format detection reads it: its first characters, ASCII
/// letters lowercased, one scalar each — built only when every character there is a single
/// scalar that lowercasing leaves non-ASCII or makes plain ASCII, so that looking for ASCII
/// markers among scalars finds exactly what looking among characters would.
///
/// A character of several scalars (a combining accent, CR LF, an emoji sequence, Hangul
/// jamo) anywhere in the head, or a scalar whose lowercase is ASCII though it is not (K
/// KELVIN SIGN, İ), leaves it nil: the caller then reads the head as characters.
struct DocumentHead {
    /// The head's scalars, A–Z lowercased; every other scalar as it is.
    let scalars: [Unicode.Scalar]

    init?(_ text: String, characters: Int) {
        var text = text
        // Decoded from the UTF-8 bytes in place: the scalar view's iterator costs several
        // times more per character.
        guard let scalars = text.withUTF8({ Self.head(of: $0, characters: characters) }) else { return nil }
        self.scalars = scalars
    }

    private static func head(of bytes: UnsafeBufferPointer<UInt8>, characters: Int) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(characters)
        var index = 0
        while index < bytes.count {
            // Swift strings are valid UTF-8: every sequence is whole.
            let lead = UInt32(bytes[index])
            var value = lead
            if lead >= 0x80 {
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                value = lead & (0xFF >> (length + 1))
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length
            } else {
                index += 1
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            // The scalar after the head must start a character too, or it belongs to the last one.
            // Printable ASCII and the common ideographs answer before the full list of ranges.
            let common = (value >= 0x20 && value < 0x7F) || (value >= 0x4E00 && value <= 0x9FFF)
            guard common || isWholeCharacter(scalar) else { return nil }
            guard scalars.count < characters else { break }
            scalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value) | 0x20) : scalar)
        }
        return scalars
    }

    /// Whether `scalar` is a character by itself wherever it stands next to another such
    /// scalar: no Unicode grapheme rule joins it to a neighbour (it is not CR, an extender,
    /// a spacing mark, a prepended mark, ZWJ, a regional indicator or Hangul), and its
    /// lowercase is ASCII only if it is ASCII.
    static func isWholeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D, 0x0130: false  // CR joins a following LF; İ lowercases to i + U+0307
        case 0x0000...0x02FF: true  // ASCII, Latin-1 and Latin letters; combining marks start at U+0300
        case 0x2010...0x2027, 0x2030...0x205E: true  // general punctuation, without ZWJ and the invisibles
        case 0x2150...0x218B, 0x2190...0x23FF, 0x2460...0x27BF: true  // number forms, arrows, symbols, shapes
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: true  // CJK punctuation, kana, without their marks
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // ideographs
        case 0xE000...0xF8FF: true  // private use (icon fonts; a GBK byte slip)
        case 0xFF01...0xFF9D, 0xFFFD: true  // full-width forms, without the half-width sound marks; U+FFFD
        default: false
        }
    }

    /// The index of the first scalar that is not white space.
    var firstNonWhitespace: Int {
        scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.count
    }

    /// Whether `marker` (lowercase ASCII) starts at scalar `position`.
    func holds(_ marker: String, at position: Int) -> Bool {
        var index = position
        for byte in marker.utf8 {
            guard index < scalars.count, scalars[index].value == UInt32(byte) else { return false }
            index += 1
        }
        return true
    }

    /// Whether `marker` (lowercase ASCII, opening with `<`) occurs anywhere in the head.
    func contains(_ marker: String) -> Bool {
        scalars.indices.contains { scalars[$0] == "<" && holds(marker, at: $0) }
    }
}
