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
        // A key printed alone (`发表时间：`) takes its value from the next line (`2026-02-09 09:45`).
        var awaitingValue: Int?
        var lines: [FlattenedTableRecogniser.Line] = []
        // Lines cut at the LF bytes of the contiguous text: Character-wise splitting of
        // Chinese text, and even a generic split of the UTF-8 view, are several times slower.
        let utf8 = text.utf8
        let lineEnds = utf8.withContiguousStorageIfAvailable(Self.lineEnds) ?? Array(utf8).withUnsafeBufferPointer(Self.lineEnds)
        var lineStart = utf8.startIndex
        for lineEnd in lineEnds {
            let end = utf8.index(utf8.startIndex, offsetBy: lineEnd)
            let line = Substring(utf8[lineStart..<end])
            if end < utf8.endIndex { lineStart = utf8.index(after: end) }
            number += 1
            if line.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
            if let fields = MetadataLineParser.parse(line, lineNumber: number) {
                document.metadata += fields
                awaitingValue = fields.count == 1 && fields[0].value.isEmpty ? document.metadata.count - 1 : nil
                continue
            }
            if let index = awaitingValue {
                awaitingValue = nil
                let value = line.trimmingSeparators
                let key = document.metadata[index].key
                let fits = MetadataLineParser.dateOnlyKeys.contains(key)
                    ? MetadataLineParser.opensWithDate(value)
                    : value.count <= 30 && !value.contains(where: { "。，；！？：:【】[]".contains($0) })
                if fits {
                    document.metadata[index].value = value
                    continue
                }
            }
            lines.append(Paragraph(text: line.trimmingSeparators, span: SourceSpan(line: number)))
        }
        // Tables a web page's copy flattened to one cell per line are rebuilt as tables.
        document.blocks = FlattenedTableRecogniser.blocks(from: lines)
        return document
    }

    /// The byte offset where each line ends: every LF, then the end of the text (so a text
    /// ending in LF has an empty last line, as a split keeping empty pieces gives).
    private static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var ends: [Int] = []
        var index = ByteScan.firstIndex(of: 0x0A, in: bytes)
        while index < bytes.count {
            ends.append(index)
            index = ByteScan.firstIndex(of: 0x0A, in: bytes, from: index + 1)
        }
        ends.append(bytes.count)
        return ends
    }
}
