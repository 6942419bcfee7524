public import PlanModel

/// The document model as a reader left it (`--blocks`): one JSON object per block, for
/// seeing why a document gave the records it gave.
public enum BlockEncoder {
    public static func encode(_ document: SourceDocument, docID: String) -> [JSONValue] {
        var values: [JSONValue] = [
            .object([
                ("type", .string("source")),
                ("doc_id", .string(docID)),
                ("format", .string(document.format.rawValue)),
                ("metadata", .array(document.metadata.map { field in
                    .object([("key", .string(field.key)), ("value", .string(field.value)), ("line", .integer(field.line))])
                })),
                ("diagnostics", .array(document.diagnostics.map(RecordEncoder.encode))),
            ])
        ]
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                values.append(.object([
                    ("type", .string("paragraph")),
                    ("doc_id", .string(docID)),
                    ("role", .string(paragraph.role.rawValue)),
                    ("text", .string(paragraph.text)),
                    ("line_start", .integer(paragraph.span.lineStart)),
                    ("line_end", .integer(paragraph.span.lineEnd)),
                ]))
            case .table(let table):
                values.append(.object([
                    ("type", .string("table")),
                    ("doc_id", .string(docID)),
                    ("header_rows", .array(table.headerRows.map(encode))),
                    ("rows", .array(table.rows.map(encode))),
                    ("line_start", .integer(table.span.lineStart)),
                    ("line_end", .integer(table.span.lineEnd)),
                ]))
            }
        }
        return values
    }

    static func encode(_ row: Row) -> JSONValue {
        .object([
            ("line_start", .integer(row.span.lineStart)),
            ("line_end", .integer(row.span.lineEnd)),
            ("cells", .array(row.cells.map { cell in
                var pairs: [(String, JSONValue)] = [("text", .string(cell.text)), ("line", .integer(cell.span.lineStart))]
                if cell.rowSpan > 1 { pairs.append(("rowspan", .integer(cell.rowSpan))) }
                if cell.colSpan > 1 { pairs.append(("colspan", .integer(cell.colSpan))) }
                if cell.isSpanCopy { pairs.append(("span_copy", .bool(true))) }
                return .object(pairs)
            })),
            ("diagnostics", .array(row.diagnostics.map(RecordEncoder.encode))),
        ])
    }
}
