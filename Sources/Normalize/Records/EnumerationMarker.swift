/// An item marker inside running text or at a paragraph's start: `一是`, `十一是`, `（3）`, `(3)`,
/// `3.`, `3、`, `（三）`, `①`. Reports rattle off their items this way in one paragraph
/// (`今年再办好15件民生实事。一是…；二是…`), so markers are read wherever a clause starts.
struct EnumerationMarker: Hashable, Sendable {
    enum Style: Hashable, Sendable {
        /// `一是`
        case ordinalShi
        /// Any list label (`（3）`, `3.`, `③`), by its label style.
        case label(ListLabel.Style)
    }

    var style: Style
    var value: Int
    var numeral: String
    /// Scalars the marker takes.
    var length: Int

    /// The marker opening `scalars[index...]`, or nil.
    static func parse(_ scalars: ArraySlice<Unicode.Scalar>) -> EnumerationMarker? {
        guard let first = scalars.first else { return nil }
        if first.chineseDigitValue != nil {
            var end = scalars.startIndex
            while end < scalars.endIndex, end - scalars.startIndex < 3, scalars[end].chineseDigitValue != nil { end += 1 }
            if end < scalars.endIndex, scalars[end] == "是" {
                let numeral = String(scalars: scalars[scalars.startIndex..<end])
                if let value = ChineseNumeral.value(of: numeral) {
                    return EnumerationMarker(style: .ordinalShi, value: value, numeral: numeral, length: end - scalars.startIndex + 1)
                }
            }
        }
        guard !first.isLabelSpace, let label = ListLabel.parse(scalars: scalars.prefix(ListLabel.window)) else { return nil }
        return EnumerationMarker(style: .label(label.style), value: label.value, numeral: label.numeral, length: label.length)
    }

    /// `1 医疗卫生`: a number and a space before a caption, as web pages print list items.
    static func bareNumber(_ scalars: ArraySlice<Unicode.Scalar>) -> EnumerationMarker? {
        var end = scalars.startIndex
        while end < scalars.endIndex, end - scalars.startIndex < 2, scalars[end].isASCIIDigit { end += 1 }
        guard end > scalars.startIndex, end < scalars.endIndex, scalars[end].isLabelSpace else { return nil }
        var text = end
        while text < scalars.endIndex, scalars[text].isLabelSpace { text += 1 }
        guard text < scalars.endIndex, scalars[text].properties.isIdeographic,
            let value = Int(String(scalars: scalars[scalars.startIndex..<end]))
        else { return nil }
        let numeral = String(scalars: scalars[scalars.startIndex..<end])
        return EnumerationMarker(style: .label(.arabicDot), value: value, numeral: numeral, length: text - scalars.startIndex)
    }

    /// Whether `next` is the item after this one in the same list.
    func isFollowed(by next: EnumerationMarker) -> Bool {
        next.value == value + 1 && next.style.family == style.family
    }
}

extension EnumerationMarker.Style {
    /// Styles one list may slip between (`1.` and `2、`).
    var family: String {
        switch self {
        case .ordinalShi: "shi"
        case .label(let style): "\(style.family)"
        }
    }
}
