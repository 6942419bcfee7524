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
            guard let prefix = lentPrefix(first) else {
                // Nothing to lend: the names stay as printed.
                result.append(contentsOf: group)
                continue
            }
            result.append(first)
            let spreadsOverKinds = prefix == "各"
            for name in group.dropFirst() {
                let foldedName = CharacterFold.simplifiedScalars(of: name)
                // 各 spreads over kinds of units (各园区、镇街); a level (市) only onto bare unit names.
                let alreadyQualified = spreadsOverKinds
                    ? Words.kindOpenings.opensOne(of: foldedName)
                    : Words.selfContained.opensOne(of: foldedName) || Words.ownLevels.occurs(in: foldedName)
                if !alreadyQualified, spreadsOverKinds || takes(foldedName) {
                    result.append(prefix + name)
                } else {
                    result.append(name)
                }
            }
        }
        return result
    }

    /// The level `first` lends to the names after it in its group (its first Character), or nil.
    private static func lentPrefix(_ first: String) -> String? {
        // A prefix is one scalar: a first scalar that folds to none lends nothing, unfolded.
        guard let opening = first.unicodeScalars.first, Words.prefixScalars.contains(opening.simplifiedKey) else { return nil }
        return lends(CharacterFold.simplifiedKey(first)) ? String(first.prefix(1)) : nil
    }

    /// Whether a name may take a lent level, on its folded scalars (see `takes(_:)`).
    private static func takes(_ folded: [Unicode.Scalar]) -> Bool {
        if Words.placeEndings.endsOne(of: folded) { return false }
        return !Words.nationalEndings.endsOne(of: folded) || Words.committee.occurs(in: folded)
    }

    /// The word lists above as scalar tables, for the names after a group's first.
    private enum Words {
        static let prefixScalars = Set(prefixes.compactMap { $0.unicodeScalars.first })
        static let kindOpenings = ScalarWords(["各", "相关", "全", "所有"])
        static let selfContained = ScalarWords(UnitPrefixExpander.selfContained)
        static let ownLevels = ScalarWords(["市委", "区委"])
        static let placeEndings = ScalarWords(UnitPrefixExpander.placeEndings)
        static let nationalEndings = ScalarWords(UnitPrefixExpander.nationalEndings)
        static let committee = ScalarWords(["委"])
    }
}
