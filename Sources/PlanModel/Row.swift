/// One table row: its cells in column order, and the lines it covers.
public struct Row: Hashable, Sendable {
    public var cells: [Cell]
    public var span: SourceSpan
    /// What the reader had to do to make this row whole (rejoined across a page break,
    /// padded, ...). The task built from the row carries these.
    public var diagnostics: [Diagnostic]

    public init(cells: [Cell], span: SourceSpan, diagnostics: [Diagnostic] = []) {
        self.cells = cells
        self.span = span
        self.diagnostics = diagnostics
    }
}
