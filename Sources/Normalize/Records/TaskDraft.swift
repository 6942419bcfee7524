import PlanModel

/// A task as a builder reads it from the source, before script conversion, times and
/// quantities: raw (printed) text, already split into its parts.
struct TaskDraft: Hashable, Sendable {
    var number: String?
    var section: [SectionRef]
    var title: String
    var target: String?
    var measures: String?
    var milestones: [String]
    var leaders: [String]
    var leadUnits: [String]
    var supportUnits: [String]
    var fields: [FieldValue]
    /// Positions in `fields` of columns no canonical key took; their quantities are still read.
    var unmappedFields: [Int] = []
    /// The milestones repeat sentences of the title and measures (an item without a schedule):
    /// their quantities are already counted there.
    var milestonesRepeatText = false
    /// Quantities read from numeric cells (a numeric table's row), with their unit and field.
    var cellQuantities: [Quantity] = []
    var span: SourceSpan
    var warnings: [Diagnostic]
    /// Stable structural path for the id: section markers then the item number.
    var path: [String]

    var text: TaskText {
        get {
            TaskText(
                section: section, title: title, target: target, measures: measures, milestones: milestones,
                leaders: leaders, leadUnits: leadUnits, supportUnits: supportUnits, fields: fields)
        }
        set {
            section = newValue.section
            title = newValue.title
            target = newValue.target
            measures = newValue.measures
            milestones = newValue.milestones
            leaders = newValue.leaders
            leadUnits = newValue.leadUnits
            supportUnits = newValue.supportUnits
            fields = newValue.fields
        }
    }
}
