/// The list label a line may open with: `1、`, `2.`, `3。`, `(4)`, `（五）`, `六、`, `①`.
enum LineLabel {
    /// Where the line's content may start: after leading spaces, and after a label if there
    /// is one. Both are offered because `一、二季度` opens with what looks like a label.
    static func contentStarts(in text: ScalarText) -> Starts {
        var start = 0
        while start < text.count, isSpace(text[start]) { start += 1 }
        var starts = Starts(first: start, afterLabel: nil)
        if let labelEnd = labelEnd(in: text, at: start) {
            var content = labelEnd
            while content < text.count, isSpace(text[content]) { content += 1 }
            starts.afterLabel = content
        }
        return starts
    }

    /// The one or two places `contentStarts` offers, without an array.
    struct Starts {
        /// After leading spaces.
        var first: Int
        /// After the label and the spaces after it, when the line opens with a label.
        var afterLabel: Int?

        func contains(_ index: Int) -> Bool { index == first || index == afterLabel }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCIIDigit || NumberReader.chineseDigit(scalar) != nil || scalar == "十"
    }

    private static func labelEnd(in text: ScalarText, at start: Int) -> Int? {
        if (0x2460...0x2473).contains(text[start].value) { return start + 1 }  // ①…⑳
        var cursor = start
        let opened = text[cursor] == "("
        if opened { cursor += 1 }
        let digitsStart = cursor
        while cursor - digitsStart < 3, isNumeral(text[cursor]) { cursor += 1 }
        guard cursor > digitsStart else { return nil }
        if opened { return text[cursor] == ")" ? cursor + 1 : nil }
        switch text[cursor] {
        case "、", ".", "。", ")", ":": return cursor + 1
        default: return nil
        }
    }
}
