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
