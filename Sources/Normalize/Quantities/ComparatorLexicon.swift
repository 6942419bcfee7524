import PlanModel

/// The words that bound a number (SPEC §3.3): before it (不低于40%, 约2.5公里) or after it
/// (400个以上, 120个左右). 多/余 between number and unit (3万多家, 360余名) are read by the
/// parser itself.
enum ComparatorLexicon {
    static let prefixes = WordTable<Quantity.Comparator>([
        ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast),
        ("最少", .atLeast), ("≥", .atLeast), ("≧", .atLeast), (">=", .atLeast),
        ("超过", .greaterThan), ("突破", .greaterThan), ("逾", .greaterThan), ("超", .greaterThan),
        ("大于", .greaterThan), ("高于", .greaterThan), ("多于", .greaterThan), (">", .greaterThan),
        ("不超过", .atMost), ("不超", .atMost), ("最多不超过", .atMost), ("最高不超过", .atMost), ("最多不多于", .atMost), ("不多于", .atMost), ("不大于", .atMost),
        ("不高于", .atMost), ("最多", .atMost), ("≤", .atMost), ("≦", .atMost), ("<=", .atMost),
        ("低于", .lessThan), ("不足", .lessThan), ("小于", .lessThan), ("少于", .lessThan), ("<", .lessThan),
        ("不到", .lessThan), ("不满", .lessThan), ("未满", .lessThan),
        ("约", .approximately), ("大约", .approximately), ("约为", .approximately), ("近", .approximately),
        ("将近", .approximately), ("接近", .approximately),
    ])

    /// Words that announce a total (共220条, 合计5000万元): part of the quantity's text, but
    /// no bound — the comparator comes from the words after the number, or is `=`.
    static let totals = WordTable<Void>([("共", ()), ("共计", ()), ("总共", ()), ("合计", ()), ("总计", ())])

    static let suffixes = WordTable<Quantity.Comparator>([
        ("以上", .atLeast), ("及以上", .atLeast),
        ("以下", .atMost), ("及以下", .atMost), ("以内", .atMost),
        ("左右", .approximately), ("上下", .approximately),
    ])
}
