import PlanModel

/// A section heading as printed: `一、强化医疗服务保障（共12项）` → marker 一, title
/// 强化医疗服务保障, declared 12.
struct SectionHeading: Hashable, Sendable {
    var label: ListLabel?
    /// The text after the label, without the declared count, one line.
    var titleScalars: [Unicode.Scalar]
    /// The task count the heading declares: （共12项）, (共3项), 共6项.
    var declared: Int?

    var title: String { String(scalars: titleScalars) }

    init(_ text: String) {
        var scalars = ScalarLine.singleLine(of: text)
        label = ListLabel.parse(scalars: scalars)
        scalars.removeFirst(label?.length ?? 0)
        declared = nil
        if let (count, range) = Self.declaredCount(in: scalars) {
            declared = count
            scalars.removeSubrange(range)
            // Spaces around the count meet, or end the line.
            scalars = ScalarLine.singleLine(scalars)
        }
        titleScalars = scalars
    }

    /// The heading `text` makes when it is numbered and declares a count (一、…（共23项）); nil for
    /// any other paragraph, most of them told by a scan for 共 alone, the rest by their opening.
    static func declaring(_ text: String) -> SectionHeading? {
        guard gongForms.contains(where: { text.containsText($0) }),
            ListLabel.parse(scalars: ScalarLine.singleLine(of: text, limit: ListLabel.window)) != nil
        else { return nil }
        let heading = SectionHeading(text)
        return heading.label != nil && heading.declared != nil ? heading : nil
    }

    /// 共 and every character that folds to it.
    static let gongForms = CharacterFold.forms(of: "共").map { String($0) }

    var ref: SectionRef { SectionRef(marker: label?.numeral ?? "", title: title) }

    /// A label with nothing after it: the auto-number Word leaves in a merged cell.
    var isBareLabel: Bool { label != nil && titleScalars.isEmpty && declared == nil }

    /// Finds 共N项 with its brackets, if any, as a range of scalar offsets.
    static func declaredCount(in text: [Unicode.Scalar]) -> (Int, Range<Int>)? {
        // Compared folded (共計 reads like 共计), scalar for scalar, so offsets carry over.
        guard let gong = text.lastIndex(where: { $0.simplifiedKey == "共" }) else { return nil }
        var cursor = gong + 1
        var digits: [Unicode.Scalar] = []
        while cursor < text.count {
            let scalar = text[cursor].simplifiedKey
            guard scalar.isASCIIDigit || scalar.chineseDigitValue != nil else { break }
            digits.append(scalar)
            cursor += 1
        }
        guard !digits.isEmpty, cursor < text.count, "项个件条".unicodeScalars.contains(text[cursor].simplifiedKey) else { return nil }
        let numeral = String(scalars: digits)
        guard let count = Int(numeral) ?? ChineseNumeral.value(of: numeral) else { return nil }
        var end = cursor + 1
        var start = gong
        // Take the enclosing brackets with it.
        if start > 0, "（(".unicodeScalars.contains(text[start - 1].simplifiedKey), end < text.count,
            "）)".unicodeScalars.contains(text[end].simplifiedKey)
        {
            start -= 1
            end += 1
        }
        return (count, start..<end)
    }
}
