@testable import Normalize
import Testing

/// The decode's tables (one fold for every value below U+10000) must give what folding each
/// scalar on its own gives: the script fold (`CharacterFold`), then `ScalarText.fold`.
@Suite struct ScalarTextDecodeTests {
    @Test func simplifyingDecodeAgreesWithFoldingEachScalar() {
        var text = String.UnicodeScalarView()
        // Every scalar of the tables' range, with ASCII and punctuation between them, then past it.
        for value in UInt32(0)...0x1_0010 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.append(scalar)
            if value % 97 == 0 { text.append(contentsOf: "1，".unicodeScalars) }
        }
        let string = String(text)
        let decoded = ScalarText(string, simplifyingScript: true)
        let expected = string.unicodeScalars.map { scalar -> Unicode.Scalar in
            let key = CharacterFold.simplifiedKey(String(scalar)).unicodeScalars.first!
            return ScalarText.fold(key)
        }
        #expect(decoded.scalars == expected)
        #expect(decoded.count == expected.count)
        #expect(decoded.string(0..<decoded.count) == string)
        let plain = ScalarText(string)
        #expect(plain.scalars == string.unicodeScalars.map(ScalarText.fold))
    }

    @Test(arguments: ["", "a", "國慶節2023年萬元", "兩個億元，萬一", "后後乾干", "１２％—〜"])
    func decodesAgreeOnShortTexts(_ string: String) {
        let plain = ScalarText(string)
        #expect(plain.scalars == string.unicodeScalars.map(ScalarText.fold))
        let simplified = ScalarText(string, simplifyingScript: true)
        let expected = string.unicodeScalars.map { scalar in
            ScalarText.fold(CharacterFold.simplifiedKey(String(scalar)).unicodeScalars.first!)
        }
        #expect(simplified.scalars == expected)
    }
}
