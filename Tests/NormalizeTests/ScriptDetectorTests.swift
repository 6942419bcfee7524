import Normalize
import PlanModel
import Testing

@Suite("ScriptDetector")
struct ScriptDetectorTests {
    @Test(arguments: TestData.seedNames)
    func simplifiedSeedsPassThrough(_ name: String) throws {
        let detection = ScriptDetector.detect(try TestData.seed(name))
        #expect(detection == ScriptDetection(detected: .simplified, profile: nil))
    }

    /// Seed 004 is mainland text a site converter turned traditional (著力, 接著, 關于): it must be
    /// read with the Taiwan-variant rules, or 著 survives where 着 is meant.
    @Test func siteConvertedSeedIsTraditionalForTaiwanRules() throws {
        let detection = ScriptDetector.detect(try TestData.seed(TestData.traditionalSeedName))
        #expect(detection == ScriptDetection(detected: .traditional, profile: .tw2s))
    }

    @Test func traditionalWithoutTaiwanVariantsUsesT2S() {
        // OpenCC's standard traditional writes 着 itself: nothing for tw2s to undo.
        let detection = ScriptDetector.detect("東莞市人民政府關於堅持和完善民生保障機制的實施意見，着力加強普惠性民生建設。")
        #expect(detection == ScriptDetection(detected: .traditional, profile: .t2s))
    }

    @Test func hongKongVariantsGoToHK2S() {
        // t2s leaves 衞 as it is; only the Hong Kong rules read it as 衛 and so 卫.
        let text = "香港特區政府衞生署表示，市民應保持個人衞生。"
        let detection = ScriptDetector.detect(text)
        #expect(detection == ScriptDetection(detected: .traditional, profile: .hk2s))
        #expect(ScriptConverter(profile: .hk2s).convert(text) == "香港特区政府卫生署表示，市民应保持个人卫生。")
        #expect(ScriptConverter(profile: .t2s).convert(text).contains("衞"))
    }

    /// A document counted string by string decides as its strings joined: a Taiwan variant in
    /// one cell and a Hong Kong one in another weigh the same either way.
    @Test func stringsCountedOneByOneDecideAsTheirJoinedText() {
        let cells = ["市政府衞生局", "著力推進", "接著辦理", "香港衞生署", "關於實施意見", "simplified: 国务院"]
        let joined = ScriptDetector.detect(cells.joined(separator: "\n"))
        let counted = ScriptDetector.detect { count in cells.forEach(count) }
        #expect(counted == joined)
        #expect(counted.detected == .traditional)
        let simplifiedCells = ["国务院办公厅", "推进实施", "衞"]
        #expect(ScriptDetector.detect { count in simplifiedCells.forEach(count) } == ScriptDetector.detect(simplifiedCells.joined(separator: "\n")))
    }

    @Test func shortTraditionalTextIsTraditional() {
        #expect(ScriptDetector.detect("牽頭單位").detected == .traditional)
        #expect(ScriptDetector.detect("東莞").profile == .t2s)
    }

    @Test func simplifiedTextWithAFewTraditionalLookingCharactersStaysSimplified() {
        // 瞭 (瞭望) and 乾 (乾隆) are simplified characters too; 鰜 is a place name's character.
        for text in ["加强森林防火瞭望塔建设", "乾隆年间修建的古桥", "推动莞城鰜鱼洲文创园建设，打造文化产业示范园区"] {
            #expect(ScriptDetector.detect(text) == ScriptDetection(detected: .simplified, profile: nil), "\(text)")
        }
    }

    @Test func textWithoutChineseIsSimplified() {
        #expect(ScriptDetector.detect("") == ScriptDetection(detected: .simplified, profile: nil))
        #expect(ScriptDetector.detect("2023 Q1: 60%") == ScriptDetection(detected: .simplified, profile: nil))
    }

    @Test func halfAndHalfIsMixedAndConverted() {
        let detection = ScriptDetector.detect("区政府办公室关于印发实施方案的通知。東莞市人民政府辦公室關於印發實施方案的通知。")
        #expect(detection.detected == .mixed)
        #expect(detection.profile != nil)
    }
}
