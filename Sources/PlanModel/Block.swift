/// One top-level piece of a document, in reading order.
public enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)

    public var span: SourceSpan {
        switch self {
        case .paragraph(let paragraph): paragraph.span
        case .table(let table): table.span
        }
    }
}
