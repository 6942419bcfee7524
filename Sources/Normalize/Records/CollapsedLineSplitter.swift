/// Splits a paragraph that is really several lines run together: a page saved with its line
/// breaks collapsed to spaces prints `… 一、甲工作 1.推进… 责任单位:… 2.落实…` as one line. A
/// space followed by a list label (`1.`, `一、`, `（二）`) or a responsibility label (`责任单位:`)
/// is read as the line break it was, when a paragraph holds two or more of them; elsewhere a
/// space before `1.5%` or inside a sentence stays.
enum CollapsedLineSplitter {
    /// `text` is one line (`TextCleanup.singleLine`): its only spaces are ASCII spaces.
    static func split(_ text: String) -> [String] {
        // Short text, and text without a space (most paragraphs), is one line: told from the bytes.
        guard text.utf8.count > 80, holdsSpace(text) else { return [text] }
        let scalars = ScalarLine.scalars(of: text)
        guard scalars.count > 80 else { return [text] }
        var cuts: [Int] = []
        var index = 1
        while index < scalars.count {
            if scalars[index - 1].isLabelSpace, !scalars[index].isLabelSpace, opensLine(scalars, at: index) {
                cuts.append(index)
            }
            index += 1
        }
        guard cuts.count >= 2 else { return [text] }
        var lines: [String] = []
        var start = 0
        for cut in cuts + [scalars.count] {
            let line = TextCleanup.singleLine(String(String.UnicodeScalarView(scalars[start..<cut])))
            if !line.isEmpty { lines.append(line) }
            start = cut
        }
        return lines
    }

    private static func holdsSpace(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { ByteSearch.firstIndex(of: 0x20, in: $0, from: 0) != nil }
            ?? text.utf8.contains(0x20)
    }

    /// Whether a line could open at `index`: a list label with text after it, or a label of owners.
    private static func opensLine(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let end = min(scalars.count, index + 16)
        // Most spaces open neither, told without making the window: no label opens with the
        // scalar after them (it is no label space), and no colon stands among the first nine
        // (`ResponsibilityAnnotation.hasOpeningColon`).
        guard scalars[index].mayOpenLabel || scalars[index..<min(end, index + 9)].contains(where: { $0 == ":" || $0 == "：" })
        else { return false }
        let window = String(String.UnicodeScalarView(scalars[index..<end]))
        if let label = ListLabel.parse(window), label.style != .circled,
            label.length < window.unicodeScalars.count
        {
            return true
        }
        return ResponsibilityAnnotation.opensRoleLabel(window)
    }
}
