/// The `task` record: one per task row or numbered task item (SPEC §3.2).
public struct TaskRecord: Hashable, Sendable {
    /// `<doc_id>/<structural path>`: stable across runs and renames.
    public var id: String
    public var docID: String
    /// 1-based position in the document.
    public var seq: Int
    /// The item's own label as printed (`7`, `70`), or nil.
    public var number: String?
    public var section: [SectionRef]
    public var title: String
    public var target: String?
    public var measures: String?
    public var milestones: [Milestone]
    public var leaders: [String]
    public var leadUnits: [String]
    public var supportUnits: [String]
    public var quantities: [Quantity]
    public var fields: [FieldValue]
    public var source: TaskSource
    /// Only where script conversion changed something: the changed parts as printed.
    /// Parts conversion left alone are nil/empty here.
    public var original: TaskOriginal?
    public var warnings: [Diagnostic]

    public init(
        id: String, docID: String, seq: Int, number: String? = nil, section: [SectionRef] = [], title: String,
        target: String? = nil, measures: String? = nil, milestones: [Milestone] = [], leaders: [String] = [],
        leadUnits: [String] = [], supportUnits: [String] = [], quantities: [Quantity] = [], fields: [FieldValue] = [],
        source: TaskSource, original: TaskOriginal? = nil, warnings: [Diagnostic] = []
    ) {
        self.id = id
        self.docID = docID
        self.seq = seq
        self.number = number
        self.section = section
        self.title = title
        self.target = target
        self.measures = measures
        self.milestones = milestones
        self.leaders = leaders
        self.leadUnits = leadUnits
        self.supportUnits = supportUnits
        self.quantities = quantities
        self.fields = fields
        self.source = source
        self.original = original
        self.warnings = warnings
    }
}
