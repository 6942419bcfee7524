public import PlanModel

/// Reads an HTML page through libxml2's HTML parser into the document model: data tables
/// with `rowspan`/`colspan` expanded into a full grid and header rows separated, paragraphs
/// in reading order for the plain-text path, and page metadata (`<title>`, `<meta>` tags,
/// the gov.cn metadata table). Layout tables, scripts, styles and site chrome give no blocks;
/// what was dropped is summarised in one diagnostic.
///
/// The text is already decoded; any `<meta charset>` in it is ignored. Line numbers in
/// spans are lines of that text, which are the lines of the original file.
public struct HTMLReader: DocumentReader {
    public var format: InputFormat { .html }

    public init() {}

    public func read(_ text: String) -> SourceDocument {
        let parsed = LibXML2HTMLParser.parse(Self.enclosingOrphanRows(text))
        var walker = HTMLDocumentWalker()
        walker.walk(parsed.document)
        walker.finish()

        var diagnostics: [Diagnostic] = []
        if parsed.trouble.count > 0 {
            let first = parsed.trouble.firstMessage.map { "; first: \($0)" } ?? ""
            let errors = parsed.trouble.count == 1 ? "1 markup error" : "\(parsed.trouble.count) markup errors"
            diagnostics.append(
                Diagnostic(.htmlParseError, "recovered from \(errors)\(first)", line: parsed.trouble.firstLine))
        }
        if let dropped = walker.droppedSummary { diagnostics.append(dropped) }
        // Pages also print metadata as body lines (发布日期: … 浏览次数: …), as in plain text.
        var blocks: [Block] = []
        var metadata = walker.metadata
        for block in walker.blocks {
            if case .paragraph(let paragraph) = block,
                let fields = MetadataLineParser.parse(paragraph.text, lineNumber: paragraph.span.lineStart)
            {
                metadata += fields
            } else {
                blocks.append(block)
            }
        }
        return SourceDocument(
            format: .html, blocks: Self.rebuildingFlattenedTables(blocks), metadata: metadata, diagnostics: diagnostics)
    }

    /// A page saved with one `<p>` per cell of a table is a flattened table too: each run of
    /// paragraphs between tables goes through `FlattenedTableRecogniser`.
    static func rebuildingFlattenedTables(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var run: [Paragraph] = []
        for block in blocks {
            if case .paragraph(let paragraph) = block {
                run.append(paragraph)
                continue
            }
            result += FlattenedTableRecogniser.blocks(from: run)
            run = []
            result.append(block)
        }
        return result + FlattenedTableRecogniser.blocks(from: run)
    }

    static let tableParts: Set<String> = ["tbody", "thead", "tfoot", "tr", "td", "th"]

    /// A saved content area cut out of a table (`<tbody><tr><td>…`) has rows but no
    /// `<table>`; an HTML parser drops row and cell tags outside one, so the rows are put
    /// back inside a table. Added on the first and last line, so line numbers stay.
    static func enclosingOrphanRows(_ text: String) -> String {
        let head = text.prefix(4096).lowercased()
        guard !head.contains("<table"), let open = head.firstIndex(of: "<") else { return text }
        let name = head[head.index(after: open)...].prefix { $0.isLetter }
        let startsInTable = tableParts.contains(String(name))
        guard startsInTable || (head.contains("<tr") && !text.lowercased().contains("<table")) else { return text }
        return "<table>" + text + "</table>"
    }
}
