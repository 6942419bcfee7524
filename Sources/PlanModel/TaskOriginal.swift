/// The parts of a task as printed, kept only where script conversion changed them:
/// each property is nil when conversion left that part alone.
public struct TaskOriginal: Hashable, Sendable {
    public var section: [SectionRef]?
    public var title: String?
    public var target: String?
    public var measures: String?
    public var milestones: [String]?
    public var leaders: [String]?
    public var leadUnits: [String]?
    public var supportUnits: [String]?
    public var fields: [FieldValue]?

    public init() {}

    /// Keeps from `printed` exactly the parts that differ from `converted`; nil when none do.
    public init?(printed: TaskText, converted: TaskText) {
        if printed.section != converted.section { section = printed.section }
        if printed.title != converted.title { title = printed.title }
        if printed.target != converted.target { target = printed.target }
        if printed.measures != converted.measures { measures = printed.measures }
        if printed.milestones != converted.milestones { milestones = printed.milestones }
        if printed.leaders != converted.leaders { leaders = printed.leaders }
        if printed.leadUnits != converted.leadUnits { leadUnits = printed.leadUnits }
        if printed.supportUnits != converted.supportUnits { supportUnits = printed.supportUnits }
        if printed.fields != converted.fields { fields = printed.fields }
        if self == TaskOriginal() { return nil }
    }
}
