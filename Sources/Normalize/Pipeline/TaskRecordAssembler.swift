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
        for (index, milestone) in draft.milestones.enumerated() { collect(milestone, field: "milestones[\(index)]") }
        return TaskRecord(
            id: "", docID: info.docID, seq: seq, number: draft.number, section: draft.section, title: draft.title,
            target: draft.target, measures: draft.measures, milestones: milestones, leaders: draft.leaders,
            leadUnits: draft.leadUnits, supportUnits: draft.supportUnits, quantities: quantities, fields: draft.fields,
            source: TaskSource(path: info.path, span: draft.span), warnings: draft.warnings)
    }

    /// The period a milestone opens with: a time expression at its very start, after any
    /// heading it was given (公办中小学学位方面：一季度，…) or a list label.
    static func leadingTime(of text: String, year: Int?) -> TimeExpression? {
        for line in text.split(separator: "\n", maxSplits: 1) {
            for start in candidateStarts(in: line) {
                let piece = String(line[start...])
                if let match = TimeParser.parse(piece, year: year).first, match.range.lowerBound == piece.startIndex {
                    return match.time
                }
            }
        }
        return nil
    }

    /// Where a period may begin: the line start, after a list label, after a heading's colon
    /// or full stop.
    static func candidateStarts(in line: Substring) -> [Substring.Index] {
        var starts: [Substring.Index] = []
        var start = line.unicodeScalars.firstIndex { !$0.isCollapsibleSpace } ?? line.endIndex
        if let label = ListLabel.parse(line[start...]) {
            start = line.index(start, offsetBy: label.length)
        }
        starts.append(start)
        let scalars = line.unicodeScalars
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar.endsClause, index < scalars.endIndex { starts.append(index) }
        }
        return starts
    }
}
