import Normalize
import Testing

@Suite("UnicodeCleaner")
struct UnicodeCleanerTests {
    @Test(arguments: [
        ("黎\u{00A0}军", "黎 军"),  // no-break space
        ("制表单位：\u{3000}市卫健局", "制表单位： 市卫健局"),  // ideographic space
        ("2023\u{2002}年\u{2009}3\u{202F}月", "2023 年 3 月"),  // en, thin, narrow no-break spaces
    ])
    func oddSpacesBecomeASCIISpaces(_ input: String, _ expected: String) {
        #expect(UnicodeCleaner.clean(input) == expected)
    }

    @Test(arguments: [
        ("\u{FEFF}东莞市人民政府", "东莞市人民政府"),  // BOM at the start
        ("牵头\u{200B}单位", "牵头单位"),  // zero-width space
        ("协助\u{200C}\u{200D}\u{2060}单位", "协助单位"),  // non-joiner, joiner, word joiner
        ("市\u{00AD}卫健局\u{200E}", "市卫健局"),  // soft hyphen, left-to-right mark
    ])
    func invisibleCharactersAreRemoved(_ input: String, _ expected: String) {
        #expect(UnicodeCleaner.clean(input) == expected)
    }

    @Test func privateUseIconCharactersAreRemoved() {
        #expect(UnicodeCleaner.clean("\u{E600}打印 \u{E601}分享 \u{F0001}") == "打印 分享 ")
    }

    @Test func fullWidthDigitsAndLettersFoldToASCII() {
        #expect(UnicodeCleaner.clean("２０２３年完成ＰＰＰ项目１２个，ｗｉｆｉ覆盖") == "2023年完成PPP项目12个，wifi覆盖")
    }

    @Test func chinesePunctuationAndQuotesStayAsPrinted() {
        let text = "打造“四智”品牌，提升（一）服务；目标：60％以上。附件、说明！"
        #expect(UnicodeCleaner.clean(text) == text)
    }

    @Test(arguments: [
        ("堅持和完善民生保障機制關(guān)于", "堅持和完善民生保障機制關于"),
        ("各鎮(zhèn)人民政府", "各鎮人民政府"),
        ("关系（guān xì）密切", "关系密切"),
        ("绿(lu\u{0308}\u{0300})色", "绿色"),  // tone written with combining marks
    ])
    func pinyinAnnotationsAreRemoved(_ input: String, _ expected: String) {
        #expect(UnicodeCleaner.clean(input) == expected)
    }

    @Test(arguments: [
        "加入世界贸易组织(WTO)以来",  // an abbreviation: letters, no tone mark
        "（一）坚持创新机制",  // a list marker
        "基础设施(一)建设",
        "东莞(dongguan)市",  // pinyin without tone marks could be a name or code
        "Café (crème) menu",  // tone-like accents not after a Han character
        "完成(2023年)任务",
    ])
    func parenthesesThatAreNotPinyinSurvive(_ text: String) {
        #expect(UnicodeCleaner.clean(text) == text)
    }

    @Test(arguments: [
        // Changes after runs passed eight ASCII bytes or two ideographs at a time.
        ("abcdefghijklmnop\u{00A0}q", "abcdefghijklmnop q"),
        ("一季度完成系统部署一季度完成\u{200B}部署", "一季度完成系统部署一季度完成部署"),
        ("release notes v1 (2023) 东莞\u{3000}市", "release notes v1 (2023) 东莞 市"),
        // Pinyin after a long run, after a character from U+4000–U+4FFF (一), and one that
        // follows a removed character: the Han character before it still counts.
        ("各级人民政府各级人民政府鎮(zhèn)人民政府", "各级人民政府各级人民政府鎮人民政府"),
        ("统一(yī)部署", "统一部署"),
        ("abcdefgh关\u{200B}(guān)于", "abcdefgh关于"),
        ("东莞市人民政府办公室关(guān)于", "东莞市人民政府办公室关于"),
    ])
    func changesAfterPlainRunsAreFound(_ input: String, _ expected: String) {
        #expect(UnicodeCleaner.clean(input) == expected)
    }

    @Test func lineBreaksAndTabsAreKept() {
        #expect(UnicodeCleaner.clean("\t一季度\u{3000}完成\n\t二季度\u{00A0}推进\n") == "\t一季度 完成\n\t二季度 推进\n")
    }

    @Test func seedWithParentheticalNotesComesBackUnchanged() throws {
        // Seed 003 has many (…) notes after characters — (滨江校区), (征求意见稿) — and nothing to clean.
        let text = try TestData.seed(TestData.seedNames[3])
        #expect(text.contains("(滨江校区)"))
        #expect(UnicodeCleaner.clean(text) == text)
    }

    @Test func seedLeftoversAreCleanedAndLinesKept() throws {
        // Seed 004 carries no-break spaces and private-use characters next to its damaged runs.
        let text = try TestData.seed(TestData.traditionalSeedName)
        let cleaned = UnicodeCleaner.clean(text)
        #expect(text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
        #expect(!cleaned.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) || $0 == "\u{00A0}" })
        #expect(cleaned.split(separator: "\n", omittingEmptySubsequences: false).count
            == text.split(separator: "\n", omittingEmptySubsequences: false).count)
    }
}
