import PlanModel

/// Splits one line of a schedule cell into its dated items. Schedules are mostly one period
/// per line (`一季度，…`), but a line may hold several (`一季度，…。二季度，…`), and may open
/// with a heading (`莞番高速三期工程：一季度，完成投资3亿元；二季度，…`).
///
/// An item starts at a time expression that opens a clause:
/// - the first one at the start of the line (after spaces or a list label), or right after
///   `：` `。` `；` — or after `，` when it is a quarter (`在落实专项债的前提下，一季度，…`);
/// - later ones right after `。` or `；`, when they are schedule periods (quarters, halves,
///   years) or have the grain of the first item. So `6月底前` inside a quarter's item, or
///   `前三季度` after `三季度，`, stay part of the item's text.
public enum ScheduleSplitter {
    public static func split(_ line: String, year: Int?) -> [ScheduleItem] {
        let text = ScalarText(line)
        var scanner = TimeScanner(text, documentYear: year)
        let matches = scanner.scan()
        let contentStarts = LineLabel.contentStarts(in: text)

        var starts: [(match: TimeMatch, index: Int)] = []
        for match in matches where match.time.kind != .recurrence {
            let index = scalarIndex(of: match.range.lowerBound, in: text)
            let mark = markBefore(index, in: text)
            if let first = starts.first {
                guard mark == "。" || mark == ";" else { continue }
                let grain = match.time.grain
                guard isSchedulePeriod(grain) || grain == first.match.time.grain else { continue }
            } else {
                let opensLine = contentStarts.contains(index)
                let afterMark = mark == ":" || mark == "。" || mark == ";"
                let afterComma = (mark == "，" || mark == ",") && match.time.grain == .quarter
                guard opensLine || afterMark || afterComma else { continue }
            }
            starts.append((match, index))
        }
        guard let first = starts.first else { return [] }

        let heading = contentStarts.contains(first.index) ? nil : headingText(in: text, before: first.index, contentStart: contentStarts[0])
        var items: [ScheduleItem] = []
        for (offset, start) in starts.enumerated() {
            var end = offset + 1 < starts.count ? starts[offset + 1].index : text.count
            while end > start.index, text[end - 1] == " " || text[end - 1] == ";" || text[end - 1] == "\t" { end -= 1 }
            items.append(ScheduleItem(when: start.match, text: text.string(start.index..<end), range: text.range(start.index..<end), heading: heading))
        }
        return items
    }

    private static func isSchedulePeriod(_ grain: TimeExpression.Grain) -> Bool {
        grain == .quarter || grain == .half || grain == .year
    }

    /// The mark right before `index`, skipping spaces; nil at the start of the line.
    private static func markBefore(_ index: Int, in text: ScalarText) -> Unicode.Scalar? {
        var cursor = index - 1
        while cursor >= 0, text[cursor] == " " { cursor -= 1 }
        return cursor >= 0 ? text[cursor] : nil
    }

    private static func scalarIndex(of stringIndex: String.Index, in text: ScalarText) -> Int {
        // The scalar whose UTF-8 offset is the match's: a binary search over the offsets.
        var low = 0
        var high = text.count
        while low < high {
            let middle = (low + high) / 2
            if text.stringIndex(middle) < stringIndex { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func headingText(in text: ScalarText, before index: Int, contentStart: Int) -> String? {
        var end = index
        while end > contentStart, text[end - 1] == " " || text[end - 1] == ":" || text[end - 1] == "。" || text[end - 1] == "，" {
            end -= 1
        }
        return end > contentStart ? text.string(contentStart..<end) : nil
    }
}
