/// Restores the administrative prefix that lists drop after their first name:
/// `市發展改革局、教育局、公安局` means 市發展改革局, 市教育局, 市公安局, and
/// `各園區、鎮街` means 各园区, 各镇街.
///
/// The prefix carries only inside one `、`-joined group (a `，` starts a new group with its
/// own first name), and never onto a name that already names its level (团市委, 东莞理工学院,
/// 市红十字会).
enum UnitPrefixExpander {
    /// Prefixes a group's first name can lend.
    static let prefixes: [Character] = ["市", "区", "县", "省", "镇", "各", "區", "縣"]
    /// Openings of names that already say whose they are.
    static let selfContained = ["市", "区", "县", "省", "镇", "各", "团", "區", "縣", "鎮", "團", "东莞", "東莞", "中国", "中國", "国家", "國家", "广东", "廣東", "全", "人民银行", "人民銀行", "相关", "相關"]

    /// Words that open with a level character without being a level: 市场监管总局 is national.
    static let wordsOpeningWithALevel = ["市场", "区域", "县域", "省级", "各级", "各类", "各项"]
    /// Endings of national organs, which no local list lends its level to (工业和信息化部, 海关总署).
    static let nationalEndings = ["总局", "总署", "总社", "总会", "部"]

    /// Whether a group's first name lends its level: it opens with one (市发展改革局) and is not
    /// a word that merely starts with that character (市场监管总局).
    static func lends(_ folded: String) -> Bool {
        guard let first = folded.first, prefixes.contains(first) else { return false }
        if wordsOpeningWithALevel.contains(where: { folded.startsWithText($0) }) { return false }
        if first != "各", nationalEndings.contains(where: { folded.endsWithText($0) }),
            !folded.containsText("委"), !folded.containsText("党")
        {
            return false
        }
        return true
    }

    /// Endings of place names, which are not the lending level's organs (宁西街道, 石龙镇).
    static let placeEndings = ["街道", "镇", "乡", "村", "社区", "园区", "开发区", "新区"]

    /// Whether a name may take a lent level: not a national organ (工业和信息化部, 海关总署) and
    /// not a place (宁西街道).
    static func takes(_ folded: String) -> Bool {
        if placeEndings.contains(where: { folded.endsWithText($0) }) { return false }
        return !nationalEndings.contains { folded.endsWithText($0) } || folded.containsText("委")
    }

    /// Expands names group by group. `groups` are lists of names as printed, in order.
    static func expand(_ groups: [[String]]) -> [String] {
        var result: [String] = []
        for group in groups {
            guard let first = group.first else { continue }
            let folded = CharacterFold.simplifiedKey(first)
            let prefix = lends(folded) ? String(first.prefix(1)) : nil
            result.append(first)
            for name in group.dropFirst() {
                let foldedName = CharacterFold.simplifiedKey(name)
                // 各 spreads over kinds of units (各园区、镇街); a level (市) only onto bare unit names.
                let alreadyQualified = prefix == "各"
                    ? ["各", "相关", "全", "所有"].contains { foldedName.startsWithText($0) }
                    : selfContained.contains { foldedName.startsWithText($0) } || foldedName.containsText("市委")
                        || foldedName.containsText("区委")
                if let prefix, !alreadyQualified, prefix == "各" || takes(foldedName) {
                    result.append(prefix + name)
                } else {
                    result.append(name)
                }
            }
        }
        return result
    }
}
