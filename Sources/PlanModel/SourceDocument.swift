/// What a reader makes of a file: its blocks in reading order, page metadata, and what it
/// had to say about the input. No meaning is given to columns or numbering yet; that is
/// Normalize's job.
public struct SourceDocument: Hashable, Sendable {
    public var format: InputFormat
    public var blocks: [Block]
    public var metadata: [MetadataField]
    public var diagnostics: [Diagnostic]
    /// Repairs made before reading (while decoding the bytes), with their lines.
    public var repairs: [Repair] = []

    public init(format: InputFormat, blocks: [Block] = [], metadata: [MetadataField] = [], diagnostics: [Diagnostic] = []) {
        self.format = format
        self.blocks = blocks
        self.metadata = metadata
        self.diagnostics = diagnostics
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
    }
}
