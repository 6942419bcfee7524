@testable import Ingest
import PlanModel
import Testing

@Suite struct ControlCharactersTests {
    static func decoded(_ text: String) -> DecodedText {
        DecodedText(text: text, encoding: "utf-8", encodingSource: .detected, reason: "valid UTF-8")
    }

    @Test func soundTextIsLeftAsItIs() {
        let text = "一、总体要求\n\t（一）完成学位建设\u{0C}第二页\r\n"
        let result = ControlCharacters.removed(from: Self.decoded(text))
        #expect(result == Self.decoded(text))
    }

    @Test func controlCharactersAreRemovedAndReported() throws {
        let result = ControlCharacters.removed(from: Self.decoded("标题\n第二行\n完成\u{0}学位\u{1B}建设\u{7F}\n末行"))
        #expect(result.text == "标题\n第二行\n完成学位建设\n末行")
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.code == .controlCharactersRemoved)
        #expect(warning.line == 3)
        #expect(warning.message.contains("3 control character(s) (NUL, U+001B, DEL)"))
        #expect(!warning.message.contains("cut off"))
    }

    @Test func aZeroFilledEndIsNamed() throws {
        let result = ControlCharacters.removed(from: Self.decoded("标题\n正文" + String(repeating: "\u{0}", count: 700)))
        #expect(result.text == "标题\n正文")
        let warning = try #require(result.warnings.first)
        #expect(warning.line == 2)
        #expect(warning.message.contains("ends in 700 NUL byte(s)"))
    }

    /// The eight-bytes-at-a-time search finds what a byte-by-byte one finds, wherever in a
    /// word the control byte sits and whatever bytes surround it.
    @Test func theWordSearchAgreesWithAByteSearch() {
        let fillers: [UInt8] = [0x20, 0x41, 0x7E, 0x80, 0xBF, 0xE4, 0xFF, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x21]
        for value in 0...255 {
            for length in 1...19 {
                for position in 0..<length {
                    var bytes = [UInt8](repeating: fillers[(value + length) % fillers.count], count: length)
                    bytes[position] = UInt8(value)
                    let expected = bytes.firstIndex(where: ControlCharacters.isRemoved)
                    let found = bytes.withUnsafeBufferPointer(ControlCharacters.firstRemoved)
                    #expect(found == expected, "byte \(value) at \(position) of \(length)")
                }
            }
        }
    }
}
