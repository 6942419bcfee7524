/// The text-bearing parts of a task. A task record holds them in simplified script;
/// `original` holds the same parts as printed where script conversion changed them.
public struct TaskText: Hashable, Sendable {
    public var section: [SectionRef]
    public var title: String
    public var target: String?
    public var measures: String?
    /// The text of each milestone, in order.
    public var milestones: [String]
    public var leaders: [String]
    public var leadUnits: [String]
    public var supportUnits: [String]
    public var fields: [FieldValue]

    public init(
        section: [SectionRef] = [], title: String = "", target: String? = nil, measures: String? = nil,
        milestones: [String] = [], leaders: [String] = [], leadUnits: [String] = [], supportUnits: [String] = [],
        fields: [FieldValue] = []
    ) {
        self.section = section
        self.title = title
        self.target = target
        self.measures = measures
        self.milestones = milestones
        self.leaders = leaders
        self.leadUnits = leadUnits
        self.supportUnits = supportUnits
        self.fields = fields
    }
}
