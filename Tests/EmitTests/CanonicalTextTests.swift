import Testing

@testable import Emit

/// `CanonicalText` answers as `String ==` does, from bytes where that is sure.
@Suite struct CanonicalTextTests {
    @Test(arguments: [
        ("完成时限", "完成时限"), ("完成时限", "责任单位"), ("序号", "序号 "), ("（一）", "（二）"), ("", ""), ("a", "A"),
        // Canonically equivalent, different bytes: compatibility ideograph, precomposed accent, kana with its mark.
        ("\u{F900}", "\u{8C48}"), ("é", "e\u{0301}"), ("が", "か\u{3099}"), ("Å", "\u{212B}"),
    ])
    func agreesWithStringEquality(first: String, second: String) {
        #expect(CanonicalText.equal(first, second) == (first == second))
        #expect(CanonicalText.equal(second, first) == (first == second))
    }

    @Test func plainTextIsASCIIIdeographsAndFullWidthForms() {
        #expect(CanonicalText.isPlain("牵头单位（部门）: 2024"))
        #expect(CanonicalText.isPlain("、。「」"))
        #expect(!CanonicalText.isPlain("\u{F900}"))
        #expect(!CanonicalText.isPlain("e\u{0301}"))
        #expect(!CanonicalText.isPlain("か\u{3099}"))
        #expect(!CanonicalText.isPlain("〪"))
        #expect(CanonicalText.sameBytes("完成", "完成"))
        #expect(!CanonicalText.sameBytes("完成", "完成 "))
    }
}

/// The escape test finds every byte JSON requires escaped, wherever it stands in the text.
@Suite struct JSONEscapeScanTests {
    @Test func findsEverySpecialByteAtEveryPosition() {
        for length in 0...40 {
            let plain = Array(repeating: UInt8(0xE4), count: length)
            #expect(!plain.withUnsafeBufferPointer(JSONBytes.needsEscaping))
            for position in 0..<length {
                for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C] {
                    var bytes = plain
                    bytes[position] = special
                    #expect(bytes.withUnsafeBufferPointer(JSONBytes.needsEscaping))
                }
                for harmless: UInt8 in [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF] {
                    var bytes = plain
                    bytes[position] = harmless
                    #expect(!bytes.withUnsafeBufferPointer(JSONBytes.needsEscaping))
                }
            }
        }
    }

    @Test func specialBytesMarksExactlyTheSpecialOnes() {
        for value in 0...255 {
            let word = UInt64(value) << 24 | 0x4141_4141_0041_4141
            let special = value < 0x20 || value == 0x22 || value == 0x5C
            #expect(JSONBytes.specialBytes(word) == (special ? 0x80 << 24 : 0), "byte \(value)")
        }
    }

    @Test func pieceBuffersAreWrittenAfreshWhenReused() {
        var first = JSONBytes.piece()
        first.string("甲\"乙")
        #expect(String(decoding: first.bytes, as: UTF8.self) == #""甲\"乙""#)
        first = JSONBytes()
        var second = JSONBytes.piece()
        second.raw("{}")
        #expect(second.bytes == Array("{}".utf8))
        // A copy written to does not change the original.
        var copy = second
        copy.byte(0x0A)
        #expect(second.count == 2 && copy.count == 3)
    }
}
