import PlanModel

/// A section heading as printed: `一、强化医疗服务保障（共12项）` → marker 一, title
/// 强化医疗服务保障, declared 12.
struct SectionHeading: Hashable, Sendable {
    var label: ListLabel?
    var title: String
    /// The task count the heading declares: （共12项）, (共3项), 共6项.
    var declared: Int?

    init(_ text: String) {
        let cleaned = TextCleanup.singleLine(text)
        label = ListLabel.parse(cleaned)
        var title = label.map { String($0.body(of: cleaned)) } ?? cleaned
        declared = nil
        if let (count, range) = Self.declaredCount(in: title) {
            declared = count
            title.removeSubrange(range)
        }
        self.title = TextCleanup.singleLine(title)
    }

    var ref: SectionRef { SectionRef(marker: label?.numeral ?? "", title: title) }

    /// A label with nothing after it: the auto-number Word leaves in a merged cell.
    var isBareLabel: Bool { label != nil && title.isEmpty && declared == nil }

    /// Finds 共N项 with its brackets, if any.
    static func declaredCount(in text: String) -> (Int, Range<String.Index>)? {
        let folded = CharacterFold.simplifiedKey(text)
        guard let gong = folded.lastIndex(of: "共") else { return nil }
        var cursor = folded.index(after: gong)
        var digits = ""
        while cursor < folded.endIndex, folded[cursor].isASCIIDigit || folded[cursor].chineseDigitValue != nil {
            digits.append(folded[cursor])
            cursor = folded.index(after: cursor)
        }
        guard !digits.isEmpty, cursor < folded.endIndex, "项个件条".contains(folded[cursor]),
            let count = Int(digits) ?? ChineseNumeral.value(of: digits)
        else { return nil }
        var end = folded.index(after: cursor)
        var start = gong
        // Take the enclosing brackets with it.
        if start > folded.startIndex, "（(".contains(folded[folded.index(before: start)]),
            end < folded.endIndex, "）)".contains(folded[end])
        {
            start = folded.index(before: start)
            end = folded.index(after: end)
        }
        // The fold keeps offsets, so the range carries over to the printed text.
        let lower = text.index(text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: start))
        let upper = text.index(text.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: end))
        return (count, lower..<upper)
    }
}
