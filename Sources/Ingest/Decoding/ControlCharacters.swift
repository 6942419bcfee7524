public import PlanModel

/// Removes control characters from decoded text: NUL and the other C0 controls except tab, line
/// feed, carriage return and form feed, and DEL. No document holds them; they come from damaged
/// or padded files (a download cut off and zero-filled, a stray NUL from a converter), and they
/// break the tools that read the records (a NUL ends a C string; PostgreSQL refuses it in text).
/// Each removal is counted in one warning with the line of the first, so nothing is dropped
/// silently; line breaks are never touched, so line numbers stay those of the file.
public enum ControlCharacters {
    /// `decoded` without its control characters, and a warning when there were any.
    public static func removed(from decoded: DecodedText) -> DecodedText {
        var text = decoded.text
        text.makeContiguousUTF8()
        guard let removal = text.utf8.withContiguousStorageIfAvailable(removal), let removal else { return decoded }
        var result = decoded
        result.text = removal.text
        let trailing = removal.trailingNULs > 0
            ? "; the file ends in \(removal.trailingNULs) NUL byte(s), as a download cut off and zero-filled does (is the file complete?)"
            : ""
        let note = "\(removal.count) control character(s) (\(removal.names)) removed, first on line \(removal.firstLine)\(trailing)"
        result.warnings.append(Diagnostic(.controlCharactersRemoved, note, line: removal.firstLine))
        result.reason += "; " + note
        return result
    }

    /// What `removed(from:)` takes out of a text.
    struct Removal {
        var text: String
        var count: Int
        /// 1-based line of the first removed character.
        var firstLine: Int
        /// NULs at the very end of the text (after its last other character).
        var trailingNULs: Int
        /// The kinds removed, as `NUL, U+001B`.
        var names: String
    }

    /// Whether `byte` (a whole character in UTF-8: bytes below 0x80 are never part of another)
    /// is removed.
    @inline(__always)
    static func isRemoved(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C) || byte == 0x7F
    }

    /// Nil when the text holds no control character to remove (nearly every text: found eight
    /// bytes at a time, looking closer only at words with a byte below 0x20 or a DEL).
    static func removal(_ bytes: UnsafeBufferPointer<UInt8>) -> Removal? {
        guard let first = firstRemoved(in: bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
        var count = 0
        var kinds = Set<UInt8>()
        for byte in bytes[first...] {
            if isRemoved(byte) {
                count += 1
                kinds.insert(byte)
            } else {
                output.append(byte)
            }
        }
        var trailingNULs = 0
        var end = bytes.count
        while end > first, bytes[end - 1] == 0 {
            trailingNULs += 1
            end -= 1
        }
        let firstLine = 1 + bytes[..<first].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let names = kinds.sorted().map { $0 == 0 ? "NUL" : $0 == 0x7F ? "DEL" : "U+00" + hex($0) }.joined(separator: ", ")
        return Removal(
            text: String(decoding: output, as: UTF8.self), count: count, firstLine: firstLine,
            trailingNULs: trailingNULs, names: names)
    }

    /// The index of the first removed byte, or nil.
    static func firstRemoved(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Nonzero exactly when some byte is below 0x20, or is DEL (a zero byte of
            // `word ^ 0x7F…`): the bit tricks of "Bit Twiddling Hacks", `haslessthan`/`haszero`.
            let below20 = (word &- ones &* 0x20) & ~word & highs
            let delWord = word ^ (ones &* 0x7F)
            let del = (delWord &- ones) & ~delWord & highs
            if below20 | del != 0 {
                for offset in 0..<8 where isRemoved(bytes[index + offset]) { return index + offset }
            }
            index += 8
        }
        while index < bytes.count {
            if isRemoved(bytes[index]) { return index }
            index += 1
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
