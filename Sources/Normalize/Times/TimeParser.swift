// STUB — replaced by the time parser (issue 3).
public import PlanModel

/// A time expression found in text.
public struct TimeMatch: Hashable, Sendable {
    /// The matched text.
    public var text: String
    /// Where it was found in the text given to the parser.
    public var range: Range<String.Index>
    public var time: TimeExpression

    public init(text: String, range: Range<String.Index>, time: TimeExpression) {
        self.text = text
        self.range = range
        self.time = time
    }
}

/// Finds and resolves time expressions in simplified-script text (SPEC §3.4).
public enum TimeParser {
    /// Every time expression in `text`, in order. `year` fills in years the text leaves out.
    public static func parse(_ text: String, year: Int?) -> [TimeMatch] { [] }
}
