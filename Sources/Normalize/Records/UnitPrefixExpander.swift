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

    /// Expands names group by group. `groups` are lists of names as printed, in order.
    static func expand(_ groups: [[String]]) -> [String] {
        var result: [String] = []
        for group in groups {
            guard let first = group.first else { continue }
            let folded = CharacterFold.simplifiedKey(first)
            let prefix = folded.first.flatMap { prefixes.contains($0) ? String(first.prefix(1)) : nil }
            result.append(first)
            for name in group.dropFirst() {
                let foldedName = CharacterFold.simplifiedKey(name)
                // 各 spreads over kinds of units (各园区、镇街); a level (市) only onto bare unit names.
                let alreadyQualified = prefix == "各"
                    ? ["各", "相关", "全", "所有"].contains { foldedName.startsWithText($0) }
                    : selfContained.contains { foldedName.startsWithText($0) } || foldedName.containsText("市委")
                        || foldedName.containsText("区委")
                if let prefix, !alreadyQualified {
                    result.append(prefix + name)
                } else {
                    result.append(name)
                }
            }
        }
        return result
    }
}
