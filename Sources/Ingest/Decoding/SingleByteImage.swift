/// The byte a character came from when a page decoded bytes one by one as Windows-1252 or
/// Latin-1 (ISO-8859-1): the way back from text like `å›½åŠ¡é™¢` to the bytes it showed.
///
/// Latin-1 gives every byte 80–FF the code point of the same number. Windows-1252 replaces
/// 80–9F with typographic characters (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ)
/// and leaves 81, 8D, 8F, 90 and 9D undefined; decoders show those as U+0081… (WHATWG, so
/// still reversible), or drop them or print `?`/U+FFFD (then the byte is lost).
enum SingleByteImage {
    /// Windows-1252's characters for bytes 80–9F (nil where it defines none).
    static let windows1252High: [UInt8: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// Ž (U+0152) … ™ (U+2122) bound the typographic ones: CJK text never looks them up.
    static let typographicRange: ClosedRange<UInt32> = 0x0152...0x2122

    /// The byte each scalar of `typographicRange` shows (from its lower bound on), 0 where none:
    /// `windows1252High` turned around, read with one index instead of a hash (quotes and dashes
    /// of sound text are looked up in every document).
    static let byteOfTypographic: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: typographicRange.count)
        for (byte, scalar) in windows1252High { bytes[Int(scalar.value - typographicRange.lowerBound)] = byte }
        return bytes
    }()

    /// The byte ≥ 80 that `scalar` shows under Windows-1252 or Latin-1, or nil (ASCII, or a
    /// character neither has: a real Chinese character, say).
    static func byte(of scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0x80...0xFF).contains(value) { return UInt8(value) }
        guard typographicRange.contains(value) else { return nil }
        let byte = byteOfTypographic[Int(value - typographicRange.lowerBound)]
        return byte == 0 ? nil : byte
    }
}
