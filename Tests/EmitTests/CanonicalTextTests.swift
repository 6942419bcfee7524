import PlanModel
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
    /// Whether the copy went through, and the bytes it wrote where it did.
    func copied(_ bytes: [UInt8]) -> (Bool, [UInt8]) {
        var target = [UInt8](repeating: 0xEE, count: bytes.count + JSONBytes.copySlack)
        let done = bytes.withUnsafeBytes { source in
            target.withUnsafeMutableBytes { JSONBytes.copyUnlessEscaping(from: source.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: bytes.count, to: $0.baseAddress!) }
        }
        return (done == bytes.count, Array(target.prefix(bytes.count)))
    }

    /// Where a copy stops, the bytes before it are copied as they are and none of them needs escaping.
    @Test func aStoppedCopyKeepsWhatItCopied() {
        for length in 0...70 {
            for position in 0..<length {
                var bytes = (0..<length).map { UInt8(0xA0 + $0 % 0x40) }
                bytes[position] = 0x22
                var target = [UInt8](repeating: 0xEE, count: length + JSONBytes.copySlack)
                let copied = bytes.withUnsafeBytes { source in
                    target.withUnsafeMutableBytes { JSONBytes.copyUnlessEscaping(from: source.baseAddress!, count: length, to: $0.baseAddress!) }
                }
                #expect(copied <= position)
                #expect(Array(target.prefix(copied)) == Array(bytes.prefix(copied)))
            }
        }
    }

    @Test func findsEverySpecialByteAtEveryPosition() {
        for length in 0...40 {
            let plain = (0..<length).map { UInt8(0xA0 + $0 % 0x40) }
            #expect(copied(plain) == (true, plain))
            for position in 0..<length {
                for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C] {
                    var bytes = plain
                    bytes[position] = special
                    #expect(!copied(bytes).0)
                }
                for harmless: UInt8 in [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF] {
                    var bytes = plain
                    bytes[position] = harmless
                    #expect(copied(bytes) == (true, bytes))
                }
            }
        }
    }

    @Test func stringsOfEveryLengthAreWrittenAsTheEscapingRules() {
        for length in 0...70 {
            for position in -1..<length {
                var text = String(repeating: "字", count: length / 3) + String(repeating: "a", count: length % 3)
                var expected = text
                if position >= 0 {
                    let index = text.index(text.startIndex, offsetBy: min(position, text.count))
                    text.insert("\n", at: index)
                    expected.insert(contentsOf: "\\n", at: expected.index(expected.startIndex, offsetBy: min(position, expected.count)))
                }
                var json = JSONBytes()
                json.string(text, after: #","k":"#)
                #expect(String(decoding: json.bytes, as: UTF8.self) == #","k":""# + expected + "\"")
                var afterQuote = JSONBytes()
                afterQuote.stringAfterQuote(text)
                #expect(String(decoding: afterQuote.bytes, as: UTF8.self) == expected + "\"")
            }
        }
    }

    @Test func hasSpecialByteFindsExactlyTheSpecialOnes() {
        for value in 0...255 {
            for position in [0, 5, 15] {
                var bytes = SIMD16<UInt8>(repeating: 0x41)
                bytes[position] = UInt8(value)
                let special = value < 0x20 || value == 0x22 || value == 0x5C
                #expect(JSONBytes.hasSpecialByte(bytes) == special, "byte \(value)")
                #expect(JSONBytes.needsEscaping(UInt8(value)) == special, "byte \(value)")
            }
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

/// `fields` keys: a header printed again gets ` (2)`, ` (3)`; "the same" is `String ==`.
@Suite struct FieldKeyTests {
    func written(_ fields: [FieldValue]) -> String {
        var json = JSONBytes()
        RecordEncoder.write(fields, into: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func repeatedHeadersAreNumbered() {
        let fields = ["甲", "乙", "甲", "甲"].map { FieldValue(header: $0, text: "x\"") }
        #expect(written(fields) == #"{"甲":"x\"","乙":"x\"","甲 (2)":"x\"","甲 (3)":"x\""}"#)
        #expect(written([]) == "{}")
        #expect(written([FieldValue(header: "序号", text: "1\n2")]) == #"{"序号":"1\n2"}"#)
    }

    @Test func canonicallyEqualHeadersAreTheSame() {
        let fields = [FieldValue(header: "e\u{0301}", text: "a"), FieldValue(header: "甲", text: "b"), FieldValue(header: "é", text: "c")]
        #expect(written(fields) == "{\"e\u{0301}\":\"a\",\"甲\":\"b\",\"é (2)\":\"c\"}")
    }
}
