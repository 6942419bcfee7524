/// One dated item of a schedule cell line (季度进度安排): its period and what is due in it.
public struct ScheduleItem: Hashable, Sendable {
    /// The period the item opens with (its `when`).
    public var when: TimeMatch
    /// The item's text, from its period up to the next item (trailing spaces and a trailing
    /// `；` dropped), and where it is in the line.
    public var text: String
    public var range: Range<String.Index>
    /// What the line says before its first item (`莞番高速三期工程`, `（1）新增养老机构床位300张`),
    /// without the closing `：`/`。`; nil when the line opens with its first period.
    public var heading: String?

    public init(when: TimeMatch, text: String, range: Range<String.Index>, heading: String?) {
        self.when = when
        self.text = text
        self.range = range
        self.heading = heading
    }
}
