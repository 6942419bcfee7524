import Normalize
import Testing

@Suite("CharacterFold")
struct CharacterFoldTests {
    @Test func foldsKeywordsForRecognition() {
        #expect(CharacterFold.simplifiedKey("牽頭單位") == "牵头单位")
        #expect(CharacterFold.simplifiedKey("負責") == "负责")
        #expect(CharacterFold.simplifiedKey("分管領導：黎軍") == "分管领导：黎军")
    }

    @Test func keepsEveryScalarAtItsPosition() throws {
        let text = try TestData.seed(TestData.traditionalSeedName)
        let folded = CharacterFold.simplifiedKey(text)
        #expect(folded.unicodeScalars.count == text.unicodeScalars.count)
        // Phrase conversion may rewrite a character by context; the fold never looks beyond one.
        #expect(CharacterFold.simplifiedKey("與時俱進") == "与时俱进")
        #expect(CharacterFold.simplifiedKey("\u{F900}") == "岂")  // compatibility ideograph
        // Line structure survives: offsets stay valid line by line.
        #expect(folded.split(separator: "\n", omittingEmptySubsequences: false).map(\.unicodeScalars.count)
            == text.split(separator: "\n", omittingEmptySubsequences: false).map(\.unicodeScalars.count))
    }

    @Test func leavesSimplifiedAndOtherTextAlone() throws {
        let text = try TestData.seed(TestData.seedNames[0])
        #expect(CharacterFold.simplifiedKey(text) == text)
        #expect(CharacterFold.simplifiedKey("ABC 123 （一）") == "ABC 123 （一）")
    }
}
