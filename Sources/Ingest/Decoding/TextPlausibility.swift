internal import Charsets

/// How much a decoded text looks like real Chinese text rather than mojibake.
///
/// Each non-ASCII character earns points by how common it is, which approximates how likely
/// it is in Chinese text: rank below 500 +1 (these make up ~73% of running text), below 1500
/// +0.6, below 3000 +0.2, below 6000 −0.2, a rarer Han character −0.5; CJK punctuation and
/// full-width forms +0.5; kana, Greek, Cyrillic, box drawing, Hangul, accented Latin, pinyin
/// and bopomofo −1 (what GBK read as Big5, or Big5 as GBK, produces); private-use points,
/// U+FFFD and control characters −3. The score is the mean. Whole plan documents decoded
/// correctly score 0.83–0.86 and single lines rarely under 0.5; wrong decodes score below 0.15:
/// Big5 as GB18030 about −1.5, EUC-KR as GB18030 (Hangul lands on real but randomly chosen
/// hanzi) 0.14, EUC-JP and Shift_JIS −0.3, random high bytes −0.5.
struct TextPlausibility: Hashable, Sendable {
    /// Scores from this mean up are accepted: between the worst real line and the best mojibake.
    static let threshold = 0.4
    /// Scoring the first 64k characters decides as well as scoring a whole file.
    static let sampleLimit = 65_536

    /// Mean points per scored character, −3…1.
    let score: Double
    /// Share of scored characters that are common Chinese characters, for reasons.
    let commonShare: Double
    /// Characters scored (non-ASCII ones and control characters).
    let scored: Int
    /// Share of scored characters that are private-use points.
    var privateUseShare: Double = 0

    var isConvincing: Bool { score >= Self.threshold }

    /// "93% common Chinese characters", for `inspect`.
    var summary: String { "\(Int((commonShare * 100).rounded()))% common Chinese characters" }

    static func measure(_ text: String) -> TextPlausibility {
        var total = 0.0
        var scored = 0
        var common = 0
        var privateUse = 0
        for scalar in text.unicodeScalars.prefix(sampleLimit) {
            let value = scalar.value
            if value < 0x80 {
                // ASCII text is neutral, but NUL and other controls never occur in documents.
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C {
                    total -= 3
                    scored += 1
                }
                continue
            }
            scored += 1
            if let rank = CommonHanCharacters.rank(of: scalar) {
                common += 1
                total += rank < 500 ? 1 : rank < 1500 ? 0.6 : rank < 3000 ? 0.2 : -0.2
            } else {
                total += points(forUncommon: value)
                if (0xE000...0xF8FF).contains(value) || value >= 0xF0000 { privateUse += 1 }
            }
        }
        guard scored > 0 else { return TextPlausibility(score: 1, commonShare: 1, scored: 0) }
        return TextPlausibility(
            score: total / Double(scored), commonShare: Double(common) / Double(scored), scored: scored,
            privateUseShare: Double(privateUse) / Double(scored))
    }

    private static func points(forUncommon value: UInt32) -> Double {
        switch value {
        case 0x80...0x9F, 0xFFFD, 0xE000...0xF8FF, 0xF0000...0x10FFFF, 0xFFFE, 0xFFFF:
            return -3  // C1 controls, replacement, private use: never in a sound document
        case 0x3000...0x303F, 0xFF01...0xFF5E, 0x2010...0x2027, 0x00B7, 0xFE30...0xFE4F:
            return 0.5  // CJK and general punctuation, full-width forms
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2FFFF:
            return -0.5  // rare Han: names and places use a few, mojibake uses many
        case 0x2100...0x22FF, 0x2460...0x24FF, 0x00A0...0x00BF, 0x00D7, 0x00F7, 0x2160...0x217F:
            return 0  // symbols real documents use: ℃, №, ≥, ①, ×, Ⅲ
        default:
            return -1  // accented Latin, pinyin, Greek, Cyrillic, kana, box drawing, Hangul, bopomofo
        }
    }
}
