/// One period of a task's schedule: `{when: 2023-Q1, text: "一季度，完成……"}`.
public struct Milestone: Hashable, Sendable {
    /// Nil when the text names no period the parser could resolve.
    public var when: TimeExpression?
    /// The line as printed (cleaned), period text included.
    public var text: String

    public init(when: TimeExpression?, text: String) {
        self.when = when
        self.text = text
    }
}
