import PlanModel

/// Runs damage repair, then Unicode cleanup, over every piece of text a reader produced,
/// keeping each piece's source line so that repairs can say where they happened.
///
/// Repair comes first because it reads the very characters cleanup removes (private-use
/// characters are part of the signature of a GBK byte slip).
enum TextRepairStage {
    static func apply(to document: SourceDocument) -> (document: SourceDocument, repairs: [Repair]) {
        var repairs: [Repair] = []
        func clean(_ text: String, line: Int) -> String {
            guard !text.isEmpty else { return text }
            let repaired = DamageRepairer.repair(text, firstLine: line)
            repairs += repaired.repairs
            return UnicodeCleaner.clean(repaired.text)
        }
        func clean(_ row: Row) -> Row {
            var row = row
            for index in row.cells.indices {
                row.cells[index].text = clean(row.cells[index].text, line: row.cells[index].span.lineStart)
            }
            return row
        }
        var result = document
        result.blocks = document.blocks.map { block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.text = clean(paragraph.text, line: paragraph.span.lineStart)
                return .paragraph(paragraph)
            case .table(var table):
                table.headerRows = table.headerRows.map(clean)
                table.rows = table.rows.map(clean)
                return .table(table)
            }
        }
        result.metadata = document.metadata.map { field in
            var field = field
            field.value = clean(field.value, line: field.line)
            return field
        }
        // In file order, whichever block or metadata line each came from.
        repairs = document.repairs + repairs
        return (result, repairs.sorted { ($0.line, $0.before) < ($1.line, $1.before) })
    }
}
