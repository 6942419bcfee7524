/// When a `?` is a placeholder for a character the page could not encode, and when it is a
/// real question mark.
///
/// Plan documents write questions with the full-width ？, which is never touched. An ASCII `?`
/// (or U+FFFD) is taken for a placeholder only where nothing suggests a question:
/// - U+FFFD always is one;
/// - beside ASCII letters, digits or URL punctuation (`index.php?id=3`, `What?`) it is kept;
/// - alone on its line or between spaces it is a placeholder;
/// - beside Chinese text it is one unless its clause holds a question word (吗, 呢, 什么,
///   怎, 如何, 哪, 谁, 几, 是否, 难道 …): keeping a stray `?` costs little, deleting a real
///   one loses meaning, so any hint of a question keeps it.
enum PlaceholderRule {
    static let questionWords: Set<Unicode.Scalar> = [
        "吗", "嗎", "呢", "么", "麼", "什", "怎", "何", "哪", "谁", "誰", "几", "幾", "岂", "豈", "难", "難",
        "否", "吧", "啊", "呀", "多", "为", "為", "可",
    ]
    static let asciiContext: Set<Unicode.Scalar> = ["=", "&", "/", ".", ":", "%", "#", "_", "-", "+", "!", "\"", "'"]
    /// How far back a question word is looked for.
    static let clauseLimit = 30

    /// The end of the placeholder run starting at `start`, or nil to keep the text as it is.
    static func placeholderEnd(at start: Int, in text: [Unicode.Scalar]) -> Int? {
        var end = start
        var hasReplacementCharacter = false
        while end < text.count, text[end] == "?" || text[end] == "\u{FFFD}" {
            if text[end] == "\u{FFFD}" { hasReplacementCharacter = true }
            end += 1
        }
        if hasReplacementCharacter { return end }
        let before = start > 0 ? text[start - 1] : nil
        let after = end < text.count ? text[end] : nil
        for neighbour in [before, after].compactMap({ $0 }) where neighbour.isASCII {
            if neighbour.properties.isAlphabetic || neighbour.properties.numericType != nil
                || asciiContext.contains(neighbour)
            {
                return nil
            }
        }
        let isBlank = { (scalar: Unicode.Scalar?) in scalar == nil || scalar!.properties.isWhitespace }
        if isBlank(before) && isBlank(after) { return end }
        let besideChinese = [before, after].contains { $0.map(isChinese) ?? false }
        guard besideChinese, !clauseAsksQuestion(before: start, in: text) else { return nil }
        return end
    }

    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || CharacterKinds.punctuation.contains(scalar)
    }

    private static func clauseAsksQuestion(before index: Int, in text: [Unicode.Scalar]) -> Bool {
        var position = index - 1
        while position >= 0, index - position <= clauseLimit {
            let scalar = text[position]
            if scalar == "\n" || scalar == "。" || scalar == "！" || scalar == "？" { break }
            if questionWords.contains(scalar) { return true }
            position -= 1
        }
        return false
    }
}
