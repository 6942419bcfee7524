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
        let contentStarts = LineLabel.contentStarts(in: text)
        let scanner = TimeScanner(text, documentYear: year)
        let starts = itemStarts(in: text, year: year, contentStarts: contentStarts)
        guard let first = starts.first else { return [] }

        let heading = contentStarts.contains(first.start) ? nil : headingText(in: text, before: first.start, contentStart: contentStarts.first)
        var items: [ScheduleItem] = []
        for (offset, start) in starts.enumerated() {
            var end = offset + 1 < starts.count ? starts[offset + 1].start : text.count
            while end > start.start, text[end - 1] == " " || text[end - 1] == ";" || text[end - 1] == "\t" { end -= 1 }
            items.append(
                ScheduleItem(when: scanner.match(start), text: text.string(start.start..<end), range: text.range(start.start..<end), heading: heading))
        }
        return items
    }

    /// The time the line's first item opens with, or nil when the line has no dated item:
    /// `split(…).first?.when`, without reading the rest of the line.
    static func firstItemTime(in text: ScalarText, year: Int?) -> TimeMatch? {
        firstItem(in: text, year: year).map { TimeScanner(text, documentYear: year).match($0) }
    }

    /// The line's first dated item as the scanner found it (its time not yet written out).
    static func firstItem(in text: ScalarText, year: Int?) -> TimeScanner.Found? {
        var first: TimeScanner.Found?
        forEachItemStart(in: text, year: year, contentStarts: LineLabel.contentStarts(in: text)) { found in
            first = found
            return false
        }
        return first
    }

    /// The line's first dated item, else (no item in the line) the first expression found
    /// that is no recurrence: `firstItem`, then a `TimeScanner` of the whole line's first
    /// non-recurrence, in one scan. When no item starts, `forEachItemStart` reads every
    /// expression of the line in order, as a scanner of its own would.
    static func firstItemOrTime(in text: ScalarText, year: Int?) -> TimeScanner.Found? {
        var scanner = TimeScanner(text, documentYear: year)
        let contentStarts = LineLabel.contentStarts(in: text)
        var firstTime: TimeScanner.Found?
        while let found = scanner.next() {
            // Until an item is found there is no first grain, and every expression is read.
            if isItemStart(found, in: text, firstGrain: nil, contentStarts: contentStarts) { return found }
            if firstTime == nil, found.kind != .recurrence { firstTime = found }
        }
        return firstTime
    }

    /// The periods the items of the line open with (each found where the item starts); at
    /// most `limit` of them. `contentStarts` are the line's `LineLabel.contentStarts`.
    static func itemStarts(in text: ScalarText, year: Int?, contentStarts: LineLabel.Starts, limit: Int = .max) -> [TimeScanner.Found] {
        var starts: [TimeScanner.Found] = []
        guard limit > 0 else { return starts }
        forEachItemStart(in: text, year: year, contentStarts: contentStarts) { found in
            starts.append(found)
            return starts.count < limit
        }
        return starts
    }

    /// Hands each item start to `body` in order, until `body` returns false (no expression
    /// after that one is read).
    @inline(__always)
    static func forEachItemStart(
        in text: ScalarText, year: Int?, contentStarts: LineLabel.Starts, _ body: (TimeScanner.Found) -> Bool
    ) {
        var scanner = TimeScanner(text, documentYear: year)
        var firstGrain: TimeExpression.Grain?
        // Once the first item is found, a later one must follow `。` or `;`: no expression is
        // read past the last place that does (`lastIndexAfterStop`).
        var lastAfterStop = Int.max
        while let found = scanner.next() {
            guard found.start <= lastAfterStop else { return }
            if isItemStart(found, in: text, firstGrain: firstGrain, contentStarts: contentStarts) {
                guard body(found) else { return }
                if firstGrain == nil {
                    firstGrain = found.grain
                    lastAfterStop = lastIndexAfterStop(in: text)
                }
            }
            // The next expression starts where this one ends, or later.
            guard found.end <= lastAfterStop else { return }
        }
    }

    /// Whether `found` opens an item: the first one opens the line or follows `:` `。` `;`
    /// (or `，` for a quarter); later ones follow `。` or `;` and are schedule periods or of
    /// the first one's grain.
    @inline(__always)
    private static func isItemStart(
        _ found: TimeScanner.Found, in text: ScalarText, firstGrain: TimeExpression.Grain?, contentStarts: LineLabel.Starts
    ) -> Bool {
        guard found.kind != .recurrence else { return false }
        let mark = markBefore(found.start, in: text)
        if let firstGrain {
            guard mark == "。" || mark == ";" else { return false }
            let grain = found.grain
            return isSchedulePeriod(grain) || grain == firstGrain
        }
        let opensLine = contentStarts.contains(found.start)
        let afterMark = mark == ":" || mark == "。" || mark == ";"
        let afterComma = (mark == "，" || mark == ",") && found.grain == .quarter
        return opensLine || afterMark || afterComma
    }

    /// The last index whose `markBefore` is `。` or `;` — the first scalar but spaces after
    /// the line's last such mark that is followed by any — or -1 when there is none: no
    /// item but the first starts past it.
    static func lastIndexAfterStop(in text: ScalarText) -> Int {
        text.withScalars { scalars in
            var nextNonSpace = -1
            var index = scalars.count - 1
            while index >= 0 {
                let scalar = scalars[index]
                if (scalar == "。" || scalar == ";") && nextNonSpace >= 0 { return nextNonSpace }
                if scalar != " " { nextNonSpace = index }
                index -= 1
            }
            return -1
        }
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

    private static func headingText(in text: ScalarText, before index: Int, contentStart: Int) -> String? {
        var end = index
        while end > contentStart, text[end - 1] == " " || text[end - 1] == ":" || text[end - 1] == "。" || text[end - 1] == "，" {
            end -= 1
        }
        return end > contentStart ? text.string(contentStart..<end) : nil
    }
}
