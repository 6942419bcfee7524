public import PlanModel

/// Reads plain text (typically copied from a web page) into one paragraph per non-blank
/// line, taking page-metadata lines (索引号, 发布机构, 成文日期 …) out into `metadata`.
///
/// Numbering, hierarchy, site chrome and task items are recognised later, in Normalize,
/// where the text can be folded to one script.
public struct PlainTextReader: DocumentReader {
    public var format: InputFormat { .text }

    public init() {}

    public func read(_ text: String) -> SourceDocument {
        var document = SourceDocument(format: .text)
        var number = 0
        // Lines split on bytes: Character-wise splitting of Chinese text is several times slower.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = Substring(bytes)
            if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
            if let fields = MetadataLineParser.parse(line, lineNumber: number) {
                document.metadata += fields
                continue
            }
            let content = line.trimmingSeparators
            document.blocks.append(.paragraph(Paragraph(text: content, span: SourceSpan(line: number))))
        }
        return document
    }
}
