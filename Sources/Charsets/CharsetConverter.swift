internal import CICU

/// Converts between bytes in a named charset and Swift strings, through ICU.
///
/// The only Swift file that imports ICU (through the CICU shim). Only Swift values leave it.
public enum CharsetConverter {
    /// Decodes `bytes` as `charset` (an ICU converter name such as "GB18030", "Big5",
    /// "UTF-16LE", "windows-936"). With `strict`, an illegal or unmappable sequence makes
    /// the whole decode fail (nil) instead of turning into U+FFFD; so does a multi-byte
    /// sequence cut off at the end.
    public static func decode(_ bytes: [UInt8], charset: String, strict: Bool = true) -> String? {
        if bytes.isEmpty { return "" }
        // ICU counts in Int32; a buffer that large is refused rather than trapped on.
        guard bytes.count < Int(Int32.max) / 2, let converter = Converter(charset, strict: strict) else { return nil }
        // A byte decodes to at most two UTF-16 units; one more for the terminator.
        let capacity = bytes.count * 2 + 1
        var units = [UInt16](repeating: 0, count: capacity)
        let written = bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { source in
                units.withUnsafeMutableBufferPointer { target in
                    p2j_to_utf16(
                        converter.handle, source.baseAddress, Int32(source.count), target.baseAddress,
                        Int32(capacity))
                }
            }
        }
        guard written >= 0 else { return nil }
        return units.withUnsafeBufferPointer { string(utf16: UnsafeBufferPointer(rebasing: $0[0..<Int(written)])) }
    }

    /// The UTF-16 `units` as a string, each unpaired surrogate as U+FFFD (as
    /// `String(decoding:as: UTF16.self)` repairs them): one loop to UTF-8 bytes, whose
    /// validation is the fast path. The generic UTF-16 decoding costs several hundred
    /// instructions a unit, which dominated building the byte-slip table and reading GB18030.
    static func string(utf16 units: UnsafeBufferPointer<UInt16>) -> String {
        var bytes = [UInt8](repeating: 0, count: units.count * 3)
        let length = bytes.withUnsafeMutableBufferPointer { output -> Int in
            var written = 0
            var index = 0
            while index < units.count {
                var value = UInt32(units[index])
                index += 1
                if value & 0xF800 == 0xD800 {
                    // A high surrogate followed by a low one is one scalar; any other is lost.
                    if value < 0xDC00, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                        value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                        index += 1
                    } else {
                        value = 0xFFFD
                    }
                }
                if value < 0x80 {
                    output[written] = UInt8(truncatingIfNeeded: value)
                    written += 1
                } else if value < 0x800 {
                    output[written] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
                    output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    written += 2
                } else if value < 0x10000 {
                    output[written] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
                    output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    output[written + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    written += 3
                } else {
                    // Two units made this scalar: their six bytes of room hold its four.
                    output[written] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
                    output[written + 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
                    output[written + 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
                    output[written + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
                    written += 4
                }
            }
            return written
        }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<length]), as: UTF8.self) }
    }

    /// Encodes `text` into `charset`; nil when a character has no mapping in it.
    public static func encode(_ text: String, charset: String) -> [UInt8]? {
        if text.isEmpty { return [] }
        guard text.utf8.count < Int(Int32.max) / 4, let converter = Converter(charset, strict: true) else { return nil }
        let units = Array(text.utf16)
        let capacity = units.count * 4 + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        let written = units.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { target in
                target.withMemoryRebound(to: CChar.self) { target in
                    p2j_from_utf16(
                        converter.handle, source.baseAddress, Int32(source.count), target.baseAddress,
                        Int32(capacity))
                }
            }
        }
        guard written >= 0 else { return nil }
        return Array(bytes[0..<Int(written)])
    }

    /// Whether ICU knows a converter by this name.
    public static func isSupported(_ charset: String) -> Bool {
        Converter(charset, strict: false) != nil
    }
}

/// Owns one ICU converter and closes it.
private final class Converter {
    let handle: OpaquePointer

    init?(_ charset: String, strict: Bool) {
        guard let handle = p2j_converter_open(charset, strict ? 1 : 0) else { return nil }
        self.handle = handle
    }

    deinit { p2j_converter_close(handle) }
}
