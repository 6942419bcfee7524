/// A number found in task text, made machine-readable (SPEC §3.3):
/// `400个以上` → value 400, unit 个, cmp >=.
public struct Quantity: Hashable, Sendable {
    /// The text as found (after script conversion).
    public var text: String
    /// Set for a single value; nil for `between`.
    public var value: ExactDecimal?
    /// Set for `between` (ranges `50-100亿元`).
    public var min: ExactDecimal?
    public var max: ExactDecimal?
    /// Classifier or measure in simplified script (个, 家, 公里, %, 元), or nil.
    public var unit: String?
    public var comparator: Comparator
    /// Denominators of a rate: `每人每月980元` → [人, 月]; `302元/人` → [人].
    public var per: [String]
    /// `CNY` for money.
    public var currency: String?
    /// A goal the text strives for (力争 ...).
    public var isTarget: Bool
    /// Where in the task it was found: `title`, `target`, `measures`, `milestones[2]`,
    /// `fields.<header>`. Nil outside a task (the `extract` command).
    public var field: String?
    /// A note printed beside the value in its cell (`120（扩招）` → `扩招`), kept apart from it.
    public var note: String?

    public enum Comparator: String, Hashable, Sendable, CaseIterable {
        case equal = "="
        case atLeast = ">="
        case greaterThan = ">"
        case atMost = "<="
        case lessThan = "<"
        case approximately = "approx"
        case between = "between"
    }

    /// Inlinable: the scanners make one per amount, and a call across the module boundary
    /// cost more than the stores themselves.
    @inlinable
    public init(
        text: String, value: ExactDecimal? = nil, min: ExactDecimal? = nil, max: ExactDecimal? = nil,
        unit: String? = nil, comparator: Comparator = .equal, per: [String] = [], currency: String? = nil,
        isTarget: Bool = false, field: String? = nil, note: String? = nil
    ) {
        self.note = note
        self.text = text
        self.value = value
        self.min = min
        self.max = max
        self.unit = unit
        self.comparator = comparator
        self.per = per
        self.currency = currency
        self.isTarget = isTarget
        self.field = field
    }
}
