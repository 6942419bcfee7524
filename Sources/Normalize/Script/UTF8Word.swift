/// Eight bytes of UTF-8 read as one little-endian word, for the loops that pass plain text several
/// characters at a time: a run of ASCII, or two three-byte characters (U+0800–U+FFFF, all of
/// common Chinese text) in a row, are recognised and decoded from the one read.
enum UTF8Word {
    /// The eight bytes from `offset` (which must be at least eight bytes before the end), the
    /// first in the lowest byte.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Whether all eight bytes are ASCII.
    @inline(__always)
    static func isASCII(_ word: UInt64) -> Bool {
        word & 0x8080_8080_8080_8080 == 0
    }

    /// Whether bytes 0 and 3 both open three-byte characters (E0–EF): in valid UTF-8, the word
    /// then starts with two of them, bytes 0–2 and 3–5.
    @inline(__always)
    static func opensWithTwoThreeByteCharacters(_ word: UInt64) -> Bool {
        word & 0xF000_00F0 == 0xE000_00E0
    }

    /// The scalar value of the three-byte character in bytes 0–2 (`word >> 24` for bytes 3–5).
    @inline(__always)
    static func threeByteValue(_ word: UInt64) -> Int {
        Int(truncatingIfNeeded: (word & 0x0F) << 12 | (word >> 2) & 0x0FC0 | (word >> 16) & 0x3F)
    }

    /// The scalar values of the two three-byte characters the word opens with, both assembled
    /// at once: each lands in its own sixteen bits (bits 0–15 and 24–39).
    @inline(__always)
    static func threeByteValues(_ word: UInt64) -> (first: Int, second: Int) {
        let both = (word & 0x0F_0000_0F) << 12 | (word >> 2) & 0xF_C000_0FC0 | (word >> 16) & 0x3F_0000_3F
        return (Int(truncatingIfNeeded: both & 0xFFFF), Int(truncatingIfNeeded: (both >> 24) & 0xFFFF))
    }
}
