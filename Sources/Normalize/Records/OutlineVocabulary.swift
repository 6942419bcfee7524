/// Headings of the parts of a plan that frame its tasks without being tasks: goals, guiding
/// ideas, principles, and the closing words on organisation. An item under (or titled) one of
/// these is a task only when it names an owner itself.
enum OutlineVocabulary {
    static let framingHeadings = [
        "总体要求", "指导思想", "基本原则", "工作原则", "发展目标", "总体目标", "主要目标", "工作目标", "目标",
        "重大意义", "试点目标", "试点范围", "适用范围", "保障措施", "组织实施", "组织保障", "工作要求", "有关要求",
        "实施步骤", "工作步骤", "总体思路", "基本思路",
    ]

    static let framingHeadingWords = ScalarWords(framingHeadings)
    /// What may follow a heading's words.
    static let trailingStops = Array("。.：: ".unicodeScalars)

    /// Whether `title` is one of those headings (its words, not a statement that mentions them).
    static func isFramingHeading(_ title: [Unicode.Scalar]) -> Bool {
        // No heading is longer than the longest word, stops after it aside: most titles are told by length.
        var end = title.count
        while end > 0, trailingStops.contains(title[end - 1].simplifiedKey) { end -= 1 }
        guard end <= framingHeadingWords.longest else { return false }
        return framingHeadingWords.contains(title[..<end].map(\.simplifiedKey))
    }
}

extension OutlineVocabulary {
    /// Titles of documents whose numbered parts are not a task list even when no owner is
    /// named: reports (政府工作报告: only their 民生实事 list is) and replies (批复, 复函).
    static let titlesWithoutTaskLists = ["报告"]
    static let replyTitleEndings = ["批复", "复函", "的函"]

    /// Whether a document of this title lists its tasks as numbered items even without owners.
    static func numbersTasksWithoutOwners(title: String?) -> Bool {
        guard let title else { return true }
        let folded = CharacterFold.simplifiedKey(title)
        if titlesWithoutTaskLists.contains(where: { folded.containsText($0) }) { return false }
        return !replyTitleEndings.contains { folded.endsWithText($0) }
    }
}
