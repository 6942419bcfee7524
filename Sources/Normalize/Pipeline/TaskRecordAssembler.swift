import PlanModel

/// Makes the final task record from a converted draft: milestones get their `when`, the
/// task's text fields their quantities.
enum TaskRecordAssembler {
    static func assemble(_ draft: TaskDraft, seq: Int, info: SourceInfo, year: Int?) -> TaskRecord {
        let milestones = draft.milestones.map { text in
            Milestone(when: leadingTime(of: text, year: year), text: text)
        }
        var quantities: [Quantity] = []
        func collect(_ text: String?, field: String) {
            guard let text, !text.isEmpty else { return }
            for var quantity in QuantityParser.parse(text) {
                quantity.field = field
                quantities.append(quantity)
            }
        }
        collect(draft.title, field: "title")
        collect(draft.target, field: "target")
        collect(draft.measures, field: "measures")
        if !draft.milestonesRepeatText {
            for (index, milestone) in draft.milestones.enumerated() { collect(milestone, field: "milestones[\(index)]") }
        }
        for index in draft.unmappedFields where index < draft.fields.count {
            collect(draft.fields[index].text, field: "fields.\(draft.fields[index].header)")
        }
        quantities += draft.cellQuantities
        return TaskRecord(
            id: "", docID: info.docID, seq: seq, number: draft.number, section: draft.section, title: draft.title,
            target: draft.target, measures: draft.measures, milestones: milestones, leaders: draft.leaders,
            leadUnits: draft.leadUnits, supportUnits: draft.supportUnits, quantities: quantities, fields: draft.fields,
            source: TaskSource(path: info.path, span: draft.span), warnings: draft.warnings)
    }

    /// The period a milestone opens with: its first dated item, after any heading line it was
    /// given (公办中小学学位方面：) or a heading on its own line (莞番高速三期工程：一季度，…).
    static func leadingTime(of text: String, year: Int?) -> TimeExpression? {
        for line in text.split(separator: "\n") {
            if let item = ScheduleSplitter.split(String(line), year: year).first { return item.when.time }
        }
        // A sentence that names its time inside it (在2012年10月底前出台…): its first time.
        return TimeParser.parse(text, year: year).first { $0.time.kind != .recurrence }?.time
    }
}
