/// Finds and resolves time expressions in simplified-script text (SPEC §3.4).
///
/// Lists and ranges are one match each: `二、三季度` is one interval `2023-Q2/2023-Q3`;
/// `2023年4月、6月、10月` is one interval whose ref lists the months
/// (`2023-04,2023-06,2023-10`) and whose start and end span them all; a list with 前
/// (`2023年6月底、2023年9月、12月前`) is one deadline whose ref lists each bound.
public enum TimeParser {
    /// Every time expression in `text`, in order. `year` fills in years the text leaves out.
    public static func parse(_ text: String, year: Int?) -> [TimeMatch] {
        var scanner = TimeScanner(ScalarText(text), documentYear: year)
        return scanner.scan()
    }

    /// The period a schedule line opens with — at its very start, or after leading spaces or
    /// a list label (`1、`, `2.`, `（3）`, `①`): `一季度，…`, `二、三季度…`, `3、到2023年8月底，…`.
    /// Nil for a line that opens with anything else (a heading such as `公办中小学学位方面：`).
    public static func leadingMatch(in line: String, year: Int?) -> TimeMatch? {
        leadingMatch(in: ScalarText(line), year: year)
    }

    static func leadingMatch(in text: ScalarText, year: Int?) -> TimeMatch? {
        var scanner = TimeScanner(text, documentYear: year)
        guard let first = scanner.next() else { return nil }
        return LineLabel.contentStarts(in: text).contains(first.start) ? scanner.match(first) : nil
    }
}
