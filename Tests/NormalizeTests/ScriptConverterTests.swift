import Foundation
import Testing

@testable import Normalize

@Suite("ScriptConverter")
struct ScriptConverterTests {
    // OpenCC's own test cases for each profile (Data/opencc/, copied from OpenCC's repository):
    // the converter must agree with OpenCC HEAD on every one.

    @Test(arguments: TestData.conversionCases("t2s"))
    func t2sMatchesOpenCC(_ testCase: TestData.ConversionCase) {
        #expect(ScriptConverter(profile: .t2s).convert(testCase.input) == testCase.expected)
    }

    @Test(arguments: TestData.conversionCases("tw2s"))
    func tw2sMatchesOpenCC(_ testCase: TestData.ConversionCase) {
        #expect(ScriptConverter(profile: .tw2s).convert(testCase.input) == testCase.expected)
    }

    @Test(arguments: TestData.conversionCases("tw2sp"))
    func tw2spMatchesOpenCC(_ testCase: TestData.ConversionCase) {
        #expect(ScriptConverter(profile: .tw2sp).convert(testCase.input) == testCase.expected)
    }

    @Test(arguments: TestData.conversionCases("hk2s"))
    func hk2sMatchesOpenCC(_ testCase: TestData.ConversionCase) {
        #expect(ScriptConverter(profile: .hk2s).convert(testCase.input) == testCase.expected)
    }

    /// A whole document, against OpenCC 1.4.2's own output for it (Data/opencc/seed-004.README.md).
    @Test(arguments: ScriptConverter.Profile.allCases)
    func seed004MatchesOpenCCByteForByte(_ profile: ScriptConverter.Profile) throws {
        let expected = try TestData.text("opencc/seed-004.\(profile.rawValue).txt")
        let converted = ScriptConverter(profile: profile).convert(try TestData.seed(TestData.traditionalSeedName))
        #expect(converted == expected)
    }

    /// Guards the tables above against a missing or misread file, which would run zero cases.
    @Test func everyConformanceFileHasItsCases() {
        #expect(TestData.conversionCases("t2s").count == 55)
        #expect(TestData.conversionCases("tw2s").count == 32)
        #expect(TestData.conversionCases("tw2sp").count == 53)
        #expect(TestData.conversionCases("hk2s").count == 21)
    }

    @Test func convertsByPhraseNotByCharacter() {
        let converter = ScriptConverter(profile: .t2s)
        // Character-by-character conversion (ICU's Hant-Hans) gives 与时具进 and 了望.
        #expect(converter.convert("與時俱進") == "与时俱进")
        #expect(converter.convert("瞭望塔") == "瞭望塔")
        #expect(converter.convert("一目瞭然") == "一目了然")
        #expect(converter.convert("乾乾淨淨") == "干干净净")
        #expect(converter.convert("乾隆") == "乾隆")
    }

    @Test func taiwanProfileReadsZheAsZhe() {
        // Mainland text put through a site converter writes 著 for 着; tw2s undoes it, t2s cannot.
        #expect(ScriptConverter(profile: .tw2s).convert("著力推進，接著辦") == "着力推进，接着办")
        #expect(ScriptConverter(profile: .t2s).convert("著力推進") == "著力推进")
        #expect(ScriptConverter(profile: .tw2s).convert("顯著成效，著作權") == "显著成效，著作权")
    }

    @Test func taiwanPhraseProfileReplacesTaiwanTerms() {
        #expect(ScriptConverter(profile: .tw2sp).convert("軟體與資料庫") == "软件与数据库")
        #expect(ScriptConverter(profile: .tw2s).convert("軟體與資料庫") == "软体与资料库")
    }

    @Test func normalisesCompatibilityIdeographs() {
        // U+F900 豈 and U+F91B 亂 are compatibility forms; OpenCC normalises them first.
        #expect(ScriptConverter(profile: .t2s).convert("\u{F900}\u{F91B}動") == "岂乱动")
    }

    /// Normalisation is skipped unless a byte scan sees the compatibility blocks: every key of
    /// the shipped dictionary must be inside them, or a refresh would silently stop normalising.
    @Test func compatibilityPrefilterCoversEveryNormalisationKey() throws {
        let keys = try TestData.openCCDictionary("CJK_Compatibility_Ideographs").map(\.key)
        #expect(keys.count > 900)
        for key in keys {
            let found = Array(key.utf8).withUnsafeBufferPointer(ConversionPlan.mayContainCompatibilityIdeographs)
            #expect(found, "\(key)")
        }
        let plain = Array("東莞市人民政府，（一）ＡＢＣ：𠀋".utf8)
        #expect(!plain.withUnsafeBufferPointer(ConversionPlan.mayContainCompatibilityIdeographs))
    }

    @Test func leavesNonChineseTextAlone() {
        let converter = ScriptConverter(profile: .tw2s)
        let text = "Plan 2023: 60% ✓ (WTO)\n\tcell"
        #expect(converter.convert(text) == text)
        #expect(converter.convert("") == "")
    }

    @Test func keepsLineBreaksAndSurroundingText() {
        #expect(ScriptConverter(profile: .tw2s).convert("一、發展\n\t牽頭單位：市發改局\n") == "一、发展\n\t牵头单位：市发改局\n")
    }

    @Test(arguments: ScriptConverter.Profile.allCases)
    func byteFastPathMatchesStringPath(_ profile: ScriptConverter.Profile) throws {
        let converter = ScriptConverter(profile: profile)
        let text = try TestData.seed(TestData.traditionalSeedName)
        var output: [UInt8] = [0x41]  // appends, keeping what the caller had
        Array(text.utf8).withUnsafeBufferPointer { converter.convert(utf8: $0, into: &output) }
        #expect(output.first == 0x41)
        #expect(String(decoding: output.dropFirst(), as: UTF8.self) == converter.convert(text))
        var unchanged: [UInt8] = []
        Array("simplified 简体".utf8).withUnsafeBufferPointer { converter.convert(utf8: $0, into: &unchanged) }
        #expect(unchanged == Array("simplified 简体".utf8))
    }

    @Test func truncatedUTF8AtTheEndIsCopiedNotOverread() {
        var output: [UInt8] = []
        let bytes: [UInt8] = Array("國".utf8) + [0xE5, 0x9C]  // 國 + the first two bytes of 圖
        bytes.withUnsafeBufferPointer { ScriptConverter(profile: .tw2s).convert(utf8: $0, into: &output) }
        #expect(output == Array("国".utf8) + [0xE5, 0x9C])
    }

    @Test func convertersAreUsableFromManyThreadsAtOnce() async {
        let results = await withTaskGroup(of: String.self) { group in
            for profile in ScriptConverter.Profile.allCases {
                for _ in 0..<4 { group.addTask { ScriptConverter(profile: profile).convert("東莞市人民政府") } }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results == ["东莞市人民政府"])
    }

    @Test func countsChangedCharacters() {
        #expect(ScriptConverter.changedCharacterCount(original: "與時俱進", converted: "与时俱进") == 3)
        #expect(ScriptConverter.changedCharacterCount(original: "简体", converted: "简体") == 0)
        // tw2sp may change a phrase's length: the changed stretch is counted.
        #expect(ScriptConverter.changedCharacterCount(original: "用中介軟體。", converted: "用中间件。") == 3)
    }

    /// The aligned fast path of `ScriptConversion.difference` counts what the scalar walk
    /// counts: scalars of every UTF-8 length, differing in one or several bytes, across the
    /// eight-byte words it reads, and nil when a replacement changed a scalar's length.
    @Test func alignedDifferenceCountsDifferingScalars() {
        func aligned(_ old: String, _ new: String) -> Int? {
            Array(old.utf8).withUnsafeBufferPointer { old in
                Array(new.utf8).withUnsafeBufferPointer { new in ScriptConversion.alignedDifference(old, new) }
            }
        }
        func walked(_ old: String, _ new: String) -> Int {
            zip(old.unicodeScalars, new.unicodeScalars).filter { $0 != $1 }.count
        }
        let cases: [(String, String)] = [
            ("", ""), ("abc", "abc"), ("abc", "abd"), ("與時俱進", "与时俱进"), ("書說話", "书说话"),
            ("ab與時俱進cd", "ab与时俱进cd"), ("一丁七万", "一丁七丈"), ("aé與😀x", "aê与😁x"),
            ("aaaaaaa與bbbbbbbb", "aaaaaaa与bbbbbbbb"), ("aaaaaa與bbbbbbbb", "aaaaaa与bbbbbbbb"),
            ("aaaaa😀與", "aaaaa😁與"), ("丁丁丁丁丁丁丁丁", "丁丁七丁丁丁丈丁"),
        ]
        for (old, new) in cases {
            #expect(aligned(old, new) == walked(old, new), "\(old) → \(new)")
            #expect(ScriptConversion.difference(old, new) == walked(old, new))
        }
        // Same byte count, scalars at other offsets: left to the walk.
        #expect(aligned("éa", "aé") == nil)
        #expect(aligned("abc", "ab") == nil)
    }

    /// The dictionary chains are written out in ConversionPlan; OpenCC's config files (copied by
    /// scripts/refresh-opencc-data) are the authority. A refresh that changes a chain fails here.
    @Test(arguments: ScriptConverter.Profile.allCases)
    func chainMatchesOpenCCConfig(_ profile: ScriptConverter.Profile) throws {
        let json = try TestData.text("opencc/config/\(profile.rawValue).json")
        let config = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func files(_ dict: Any?) -> [String] {
            guard let dict = dict as? [String: Any] else { return [] }
            if dict["type"] as? String == "group" {
                #expect((dict["match_policy"] as? String ?? "short_circuit") == "short_circuit")
                return (dict["dicts"] as? [Any] ?? []).flatMap(files)
            }
            return [((dict["file"] as? String) ?? "").replacingOccurrences(of: ".txt", with: "")]
        }
        func stages(_ key: String) -> [[String]] {
            (config[key] as? [[String: Any]] ?? []).map { files($0["dict"]) }
        }
        let segmentation = (config["segmentation"] as? [String: Any]).map { files($0["dict"]) }
        let chain = ScriptConverter(profile: profile).dictionaryChain
        #expect([chain.normalization] == stages("normalization"))
        #expect(chain.segmentation == segmentation)
        #expect(chain.steps == stages("conversion_chain"))
    }
}
