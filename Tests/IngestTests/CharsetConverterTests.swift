import Testing

@testable import Charsets

@Suite struct CharsetConverterTests {
    /// ICU's UTF-16 goes to UTF-8 by hand: one-, two-, three- and four-byte characters.
    @Test func decodesEveryLengthOfCharacter() {
        // A, é, 国, 😀 (a surrogate pair) in UTF-16LE.
        let bytes: [UInt8] = [0x41, 0x00, 0xE9, 0x00, 0xFD, 0x56, 0x3D, 0xD8, 0x00, 0xDE]
        #expect(CharsetConverter.decode(bytes, charset: "UTF-16LE") == "Aé国😀")
        // 国务院 in GB18030.
        #expect(CharsetConverter.decode([0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA], charset: "GB18030") == "国务院")
    }

    /// A surrogate without its partner becomes U+FFFD, as the standard library's UTF-16 decoding does.
    @Test func replacesUnpairedSurrogates() {
        let units: [UInt16] = [0xD83D, 0x0041, 0xDE00, 0xD83D]
        let text = units.withUnsafeBufferPointer { CharsetConverter.string(utf16: $0) }
        #expect(text == String(decoding: units, as: UTF16.self))
        #expect(text == "\u{FFFD}A\u{FFFD}\u{FFFD}")
    }
}
