import Normalize
import Testing

/// The sample documents end to end through detection and conversion.
@Suite("Script conversion of the seeds")
struct SeedScriptTests {
    /// Simplified seeds are detected as such and so never converted. Were t2s forced on them, the
    /// only change would be 鰜 → 鳒 in seed 001's place name 鰜鱼洲 (a traditional character that
    /// the simplified document prints as is) — which is why detection, not the converter, keeps
    /// them unchanged.
    @Test(arguments: TestData.seedNames)
    func simplifiedSeedsComeOutUnchanged(_ name: String) throws {
        let text = try TestData.seed(name)
        #expect(ScriptDetector.detect(text).profile == nil)
        let forced = ScriptConverter(profile: .t2s).convert(text)
        let changes = zip(text.unicodeScalars, forced.unicodeScalars).filter { $0 != $1 }.map { "\($0)→\($1)" }
        #expect(changes == (name.hasPrefix("001") ? ["鰜→鳒"] : []))
    }

    /// Seed 004, converted with the profile detection picks, keeps no character that is
    /// traditional-only: a key of TSCharacters that is not also one of its simplified forms.
    @Test func traditionalSeedHasNoTraditionalOnlyCharacterLeft() throws {
        let text = try TestData.seed(TestData.traditionalSeedName)
        let profile = try #require(ScriptDetector.detect(text).profile)
        let converted = ScriptConverter(profile: profile).convert(text)

        let dictionary = try TestData.openCCDictionary("TSCharacters")
        let simplifiedForms = Set(dictionary.flatMap(\.candidates))
        let traditionalOnly = Set(dictionary.map(\.key)).subtracting(simplifiedForms)
        #expect(traditionalOnly.count > 3000)
        #expect(text.contains { traditionalOnly.contains(String($0)) })
        let left = converted.filter { traditionalOnly.contains(String($0)) }
        #expect(left.isEmpty, "traditional-only characters left: \(left)")

        // And the site converter's 著 for 着 is undone where it means zhe.
        #expect(text.contains("著力"))
        #expect(!converted.contains("著力"))
        #expect(converted.contains("着力"))
        #expect(converted.contains("东莞市人民政府办公室"))
    }
}
