/// A period or point in time found in text, resolved against the document's year
/// (SPEC §3.4): `二、三季度` → interval 2023-Q2/2023-Q3, 2023-04-01 … 2023-09-30; `一、三季度`
/// → set 2023-Q1,2023-Q3 of two parts (SPEC §5: no time covers a period the text does not name).
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
    /// The periods of a `set`, in the order printed; empty for every other kind.
    public var parts: [TimeExpression]

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
        /// Several periods that do not join up (一、三季度; 2023年4月、6月; 6月底、9月前): each is
        /// one of `parts`, and `start`/`end` are nil — no one span covers them.
        case set
    }

    /// Finest first.
    public enum Grain: String, Hashable, Sendable, CaseIterable {
        case day, xun, month, quarter, half, year

        /// The finer of two grains (a range from a month to a day is read by the day).
        public static func finer(_ first: Grain, _ second: Grain) -> Grain {
            allCases.firstIndex(of: first)! <= allCases.firstIndex(of: second)! ? first : second
        }
    }

    public init(kind: Kind, grain: Grain, ref: String, start: CalendarDate?, end: CalendarDate?, isAmbiguous: Bool = false) {
        self.kind = kind
        self.grain = grain
        self.ref = ref
        self.start = start
        self.end = end
        self.isAmbiguous = isAmbiguous
        self.parts = []
    }

    /// A set of `parts`: its ref lists theirs (`2023-Q1,2023-Q3`), its grain is the finest of
    /// theirs, and it is a guess when any part is.
    public init(set parts: [TimeExpression]) {
        self.kind = .set
        self.grain = parts.map(\.grain).reduce(parts.first?.grain ?? .day, Grain.finer)
        self.ref = parts.map(\.ref).joined(separator: ",")
        self.start = nil
        self.end = nil
        self.isAmbiguous = parts.contains { $0.isAmbiguous }
        self.parts = parts
    }
}
