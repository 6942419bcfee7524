import Normalize
import PlanModel
import TestSupport
import Testing

/// Any input is data: the parsers never trap, and what they return is consistent with it.
@Suite("Parsers on hostile input")
struct ParserRobustnessTests {
    /// Characters the parsers react to, mixed with ordinary text, so random strings hit the
    /// interesting paths (numbers next to units, separators, quotes, dates) often.
    static let alphabet: [String] = [
        "0", "1", "2", "3", "5", "9", "０", "７", ".", ",", "，", "、", "-", "~", "至", "到", "从", "年", "月", "日", "号", "季度",
        "上半年", "全年", "底", "前", "起", "截至", "每", "人", "个", "万", "亿", "千", "百", "元", "%", "％", "以上", "不低于",
        "约", "多", "余", "力争", "一", "二", "两", "三", "十", "〇", "零", "第", "“", "”", "《", "》", "〔", "〕", "/", "·",
        "旬", "上旬", "(", ")", "：", "。", "；", "\n", " ", "km", "G", "×", "+", "和", "分别", "建设", "完成", "百分之",
        "\u{0}", "\u{FFFD}", "😀", "e\u{301}", "\u{200B}",
    ]

    @Test("random mixtures of the parsers' own vocabulary", arguments: 0..<8)
    func randomText(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        for _ in 0..<300 {
            let length = Int.random(in: 0..<60, using: &generator)
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
            checkConsistent(text)
        }
    }

    @Test(
        "huge and degenerate runs",
        arguments: [
            String(repeating: "9", count: 10_000) + "个",
            String(repeating: "9", count: 25) + "万元",
            "0." + String(repeating: "1", count: 40) + "%",
            String(repeating: "九", count: 1_000) + "个",
            String(repeating: "亿", count: 200) + "元",
            "一" + String(repeating: "亿", count: 30) + "元",
            String(repeating: "一、", count: 2_000) + "季度",
            String(repeating: "2023年", count: 2_000),
            String(repeating: "1-", count: 3_000) + "2个",
            String(repeating: "每人", count: 1_000) + "980元",
            String(repeating: "“", count: 500) + "5个",
            String(repeating: "1,000", count: 500) + "元",
            "9999年12月31日至0001年1月1日",
            "2023年2月29日 2024年2月29日 2023年13月 2023年0月 3月32日",
        ])
    func degenerate(_ text: String) {
        checkConsistent(text)
    }

    @Test("overflowing numbers yield nothing rather than a wrong value")
    func overflow() {
        #expect(QuantityParser.parse(String(repeating: "9", count: 30) + "个").isEmpty)
        #expect(QuantityParser.parse("99999999999999亿元").isEmpty)
    }

    private func checkConsistent(_ text: String) {
        for quantity in QuantityParser.parse(text) {
            #expect(text.contains(quantity.text))
            #expect((quantity.value != nil) != (quantity.min != nil && quantity.max != nil))
            if let min = quantity.min, let max = quantity.max { #expect(min < max) }
            #expect((quantity.comparator == .between) == (quantity.min != nil))
        }
        for year in [2023, nil] {
            var previousEnd = text.startIndex
            for match in TimeParser.parse(text, year: year) {
                #expect(String(text[match.range]) == match.text)
                #expect(match.range.lowerBound >= previousEnd)
                if let start = match.time.start, let end = match.time.end { #expect(start <= end) }
                previousEnd = match.range.upperBound
            }
        }
        _ = TimeParser.leadingMatch(in: text, year: 2023)
        for item in ScheduleSplitter.split(text, year: 2023) {
            #expect(String(text[item.range]) == item.text)
        }
    }
}
