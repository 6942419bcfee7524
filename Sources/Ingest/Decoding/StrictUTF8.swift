/// Strict UTF-8 — the well-formed byte sequences of the Unicode Standard's table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF, nothing cut off — checked in one pass, and the
/// text made from bytes so checked without Swift checking them a second time.
///
/// Swift's own check (`String(validating:as:)`) looks at one byte at a time, about twelve
/// instructions per byte of Chinese text. Chinese text is mostly three-byte characters (all
/// of U+0800–U+FFFF), and here two of them are checked from one eight-byte read; ASCII passes
/// eight bytes at a time.
enum StrictUTF8 {
    /// The text `bytes` spell, or nil when they are not strict UTF-8: what
    /// `String(validating: bytes, as: UTF8.self)` gives.
    static func string(_ bytes: [UInt8]) -> String? {
        guard let isASCII = bytes.withUnsafeBufferPointer(check) else { return nil }
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            // `check` has just found every byte well-formed, which is all `unchecked` asks.
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Nil when `bytes` are not strict UTF-8; otherwise whether they are all ASCII.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        let count = bytes.count
        var isASCII = true
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // Bytes 0 and 3 E0–EF, bytes 1, 2, 4 and 5 continuation bytes (80–BF): two
                // three-byte characters, well-formed unless a lead is E0 (whose second byte must
                // be A0 or more) or ED (9F or less); those take the path below.
                if word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 {
                    let first = UInt8(truncatingIfNeeded: word)
                    let second = UInt8(truncatingIfNeeded: word >> 24)
                    if first != 0xE0, first != 0xED, second != 0xE0, second != 0xED {
                        isASCII = false
                        index &+= 6
                        continue
                    }
                }
                if word & 0x8080_8080_8080_8080 == 0 {
                    index &+= 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            isASCII = false
            // The length each lead byte opens, and the range its second byte must be in.
            let length: Int
            let lowest: UInt8
            let highest: UInt8
            switch lead {
            case 0xC2...0xDF: (length, lowest, highest) = (2, 0x80, 0xBF)
            case 0xE0: (length, lowest, highest) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, lowest, highest) = (3, 0x80, 0xBF)
            case 0xED: (length, lowest, highest) = (3, 0x80, 0x9F)
            case 0xF0: (length, lowest, highest) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, lowest, highest) = (4, 0x80, 0xBF)
            case 0xF4: (length, lowest, highest) = (4, 0x80, 0x8F)
            default: return nil
            }
            guard length <= count &- index else { return nil }
            let second = bytes[index &+ 1]
            guard second >= lowest, second <= highest else { return nil }
            var offset = 2
            while offset < length {
                guard bytes[index &+ offset] & 0xC0 == 0x80 else { return nil }
                offset &+= 1
            }
            index &+= length
        }
        return isASCII
    }
}
