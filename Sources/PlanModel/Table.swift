/// A table as read from the source, before any meaning is given to its columns.
public struct Table: Hashable, Sendable {
    /// Header rows, top first. A header cell spanning several lines keeps them joined by `\n`;
    /// several header rows (HTML multi-row headers) are kept as rows here and joined with `/`
    /// by whoever maps them (`季度进度安排/一季度`).
    public var headerRows: [Row]
    public var rows: [Row]
    public var span: SourceSpan

    public init(headerRows: [Row], rows: [Row], span: SourceSpan) {
        self.headerRows = headerRows
        self.rows = rows
        self.span = span
    }

    /// The number of columns: the widest header row.
    public var width: Int { headerRows.map(\.cells.count).max() ?? rows.map(\.cells.count).max() ?? 0 }
}
