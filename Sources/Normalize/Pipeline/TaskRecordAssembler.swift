import PlanModel

/// Makes the final task record from a converted draft: milestones get their `when`, the
/// task's text fields their quantities.
enum TaskRecordAssembler {
    static func assemble(_ draft: TaskDraft, seq: Int, info: SourceInfo, docID: String, year: Int?) -> TaskRecord {
        // Each milestone is decoded once, for its time and its quantities.
        var milestoneTexts: [ScalarText] = []
        var milestones: [Milestone] = []
        milestoneTexts.reserveCapacity(draft.milestones.count)
        milestones.reserveCapacity(draft.milestones.count)
        for text in draft.milestones {
            let scalars = ScalarText(text)
            milestones.append(Milestone(when: leadingTime(of: scalars, year: year), text: text))
            milestoneTexts.append(scalars)
        }
        var quantities: [Quantity] = []
        // The field's name is written only for a text that has quantities.
        func collect(_ text: String?, field: @autoclosure () -> String) {
            // Most titles and many short texts hold no numeral: nothing to decode or scan.
            guard let text, !text.isEmpty, QuantityScanner.mayFindQuantity(in: text) else { return }
            collect(ScalarText(text), field: field())
        }
        func collect(_ text: ScalarText, field: @autoclosure () -> String) {
            guard text.count > 0 else { return }
            // Found quantities go straight into the record's list; their field is set there.
            let found = QuantityScanner.scan(text, appendingTo: &quantities)
            guard found > 0 else { return }
            let name = field()
            for index in quantities.count - found..<quantities.count { quantities[index].field = name }
        }
        collect(draft.title, field: "title")
        collect(draft.target, field: "target")
        collect(draft.measures, field: "measures")
        if !draft.milestonesRepeatText {
            for (index, milestone) in milestoneTexts.enumerated() { collect(milestone, field: "milestones[\(index)]") }
        }
        for index in draft.unmappedFields where index < draft.fields.count {
            collect(draft.fields[index].text, field: "fields.\(draft.fields[index].header)")
        }
        quantities += draft.cellQuantities
        return TaskRecord(
            id: "", docID: docID, seq: seq, number: draft.number, section: draft.section, title: draft.title,
            target: draft.target, measures: draft.measures, milestones: milestones, leaders: draft.leaders,
            leadUnits: draft.leadUnits, supportUnits: draft.supportUnits, quantities: quantities, fields: draft.fields,
            source: TaskSource(path: info.path, span: draft.span), warnings: draft.warnings)
    }

    /// The period a milestone opens with: its first dated item, after any heading line it was
    /// given (公办中小学学位方面：) or a heading on its own line (莞番高速三期工程：一季度，…).
    static func leadingTime(of text: String, year: Int?) -> TimeExpression? {
        leadingTime(of: ScalarText(text), year: year)
    }

    /// `leadingTime(of:year:)` of a decoded text. Each line is scanned only up to its first
    /// dated item.
    static func leadingTime(of text: ScalarText, year: Int?) -> TimeExpression? {
        // Most milestones are one line: its scan for the first item reads every expression
        // when it finds none, so the first of them that is no recurrence is the fallback's
        // answer too (the same text, year and scanner), without a second scan.
        if !text.containsLineFeed {
            guard text.count > 0 else { return nil }
            return ScheduleSplitter.firstItemOrTime(in: text, year: year)?.resolution.time
        }
        var lineStart = 0
        // Lines as `TextCleanup.forEachLine` cuts them: at LF, not at a CR LF pair.
        while lineStart <= text.count {
            let index = text.withScalars { scalars in
                var index = lineStart
                while index < scalars.count, scalars[index] != "\n" || (index > 0 && scalars[index - 1] == "\r") { index += 1 }
                return index
            }
            defer { lineStart = index + 1 }
            guard index > lineStart else { continue }
            let line = lineStart == 0 && index == text.count ? text : text.slice(lineStart..<index)
            if let first = ScheduleSplitter.firstItem(in: line, year: year) { return first.resolution.time }
        }
        // A sentence that names its time inside it (在2012年10月底前出台…): its first time.
        var scanner = TimeScanner(text, documentYear: year)
        while let next = scanner.next() {
            if next.kind != .recurrence { return next.resolution.time }
        }
        return nil
    }
}
