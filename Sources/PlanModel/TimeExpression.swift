/// A period or point in time found in text, resolved against the document's year
/// (SPEC §3.4): `二、三季度` → interval 2023-Q2/2023-Q3, 2023-04-01 … 2023-09-30.
public struct TimeExpression: Hashable, Sendable {
    public var kind: Kind
    public var grain: Grain
    /// A compact reference: `2023-Q2/2023-Q3`, `2023-H1`, `2023-03-16`, `2023-07`, `2023`.
    public var ref: String
    /// Inclusive ISO dates; nil where the expression leaves that end open.
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The reading is a guess (for example the year was not printed and had to be assumed).
    public var isAmbiguous: Bool

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A stretch of time: a quarter, a half, a month range, the whole year.
        case interval
        /// One day.
        case date
        /// Something due by `end` (月底前, 年底前).
        case deadline
        /// A state as of `end` (截至).
        case asOf = "as_of"
        /// From `start` on, open-ended (X月起).
        case from
        /// Repeating every `grain` (每月, 每季度); `start`/`end` bound it where known.
        case recurrence
    }

    public enum Grain: String, Hashable, Sendable, CaseIterable {
        case day, xun, month, quarter, half, year
    }

    public init(kind: Kind, grain: Grain, ref: String, start: CalendarDate?, end: CalendarDate?, isAmbiguous: Bool = false) {
        self.kind = kind
        self.grain = grain
        self.ref = ref
        self.start = start
        self.end = end
        self.isAmbiguous = isAmbiguous
    }
}
