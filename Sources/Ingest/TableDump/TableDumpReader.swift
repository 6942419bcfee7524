public import PlanModel

/// Reads a Word table pasted as text (a "table dump") into rows of cells.
///
/// The format, as Word writes it: a line that starts with a TAB opens a cell; a line
/// without one continues the current cell (its line break is kept: schedules are one line
/// per quarter); a blank line ends the row. Lines before the first cell are a preamble
/// (附件 2, the title, 制表单位 …). The reader also undoes what page breaks do to a table:
/// a row cut in two is rejoined, a page number standing alone between rows is dropped, a
/// last row missing its trailing empty cell is padded. It gives no meaning to columns;
/// that is Normalize's job.
public struct TableDumpReader: DocumentReader {
    public var format: InputFormat { .tableDump }

    public init() {}

    public func read(_ text: String) -> SourceDocument {
        let lines = TableDumpLine.split(text)
        var blocks: [Block] = []
        var diagnostics: [Diagnostic] = []
        var layout = TableDumpLayout()
        // Cells are pieces of the text joined by line breaks: a text without the marker has
        // none in any cell, and its cells skip the search.
        layout.mayHoldBookmarks = WordArtifacts.mayHoldBookmarks(text)

        var index = 0
        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .blank:
                layout.endRow()
            case .cells(let cells):
                layout.open(cells: cells, line: line.number)
            case .text(let content):
                if layout.isInRow {
                    layout.continueCell(with: content, line: line.number)
                } else if PageNumber.matches(content) && layout.hasRows {
                    diagnostics.append(Diagnostic(
                        .pageNumberDropped, "dropped page number \"\(content.trimmedSpaces)\" between table rows",
                        line: line.number))
                } else {
                    // Text outside the table: a preamble above it, or notes below or between tables.
                    if layout.hasRows { layout.flush(into: &blocks, diagnostics: &diagnostics) }
                    let role: Paragraph.Role = blocks.contains { if case .table = $0 { true } else { false } }
                        ? .trailer : .preamble
                    blocks.append(.paragraph(Paragraph(text: String(content), span: SourceSpan(line: line.number), role: role)))
                }
            }
            index += 1
        }
        layout.endRow()
        layout.flush(into: &blocks, diagnostics: &diagnostics)
        return SourceDocument(format: .tableDump, blocks: blocks, diagnostics: diagnostics)
    }
}

/// One line of a table dump, classified.
struct TableDumpLine {
    enum Kind {
        case blank
        /// The line opens one cell (or several, when it holds more TABs), with their texts.
        case cells([Substring])
        /// The line continues the current cell, or stands outside the table.
        case text(Substring)
    }

    var number: Int
    var kind: Kind

    static func split(_ text: String) -> [TableDumpLine] {
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        var result: [TableDumpLine] = []
        // Split on bytes: Character-wise splitting of Chinese text is several times slower.
        _ = utf8.withContiguousStorageIfAvailable { bytes in
            // A final newline does not start another line (a final CR LF, one Character that
            // is no "\n", does).
            var end = bytes.count
            if end > 0, bytes[end - 1] == 0x0A, end < 2 || bytes[end - 2] != 0x0D { end -= 1 }
            var number = 0
            var lineStart = 0
            while lineStart <= end {
                let index = min(ByteScan.firstIndex(of: 0x0A, in: bytes, from: lineStart), end)
                number += 1
                result.append(TableDumpLine(number: number, kind: classify(bytes, lineStart..<index, of: utf8)))
                lineStart = index + 1
            }
        }
        return result
    }

    /// The kind of the line at `range` of `bytes`, the contiguous UTF-8 of `utf8`.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, of utf8: String.UTF8View) -> Kind {
        func substring(_ lower: Int, _ upper: Int) -> Substring {
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
        }
        // Word sometimes puts alignment spaces (ASCII or U+3000, E3 80 80) before the TAB that
        // opens a cell (` \t原文表述`).
        var first = range.lowerBound
        while first < range.upperBound {
            if bytes[first] == 0x20 {
                first += 1
            } else if bytes[first] == 0xE3, first + 2 < range.upperBound, bytes[first + 1] == 0x80, bytes[first + 2] == 0x80 {
                first += 3
            } else {
                break
            }
        }
        if first < range.upperBound, bytes[first] == 0x09 {
            var cells: [Substring] = []
            var cellStart = first + 1
            let line = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
            while cellStart <= range.upperBound {
                let index = ByteScan.firstIndex(of: 0x09, in: line, from: cellStart)
                cells.append(substring(cellStart, index))
                cellStart = index + 1
            }
            return .cells(cells)
        }
        // Blank: every scalar is a space of some kind. ASCII is told by its byte; the rest
        // (rare) by its Unicode properties.
        var index = first
        while index < range.upperBound, bytes[index] < 0x80 {
            switch bytes[index] {
            case 0x09...0x0D, 0x20: index += 1
            default: return .text(substring(range.lowerBound, range.upperBound))
            }
        }
        let line = substring(range.lowerBound, range.upperBound)
        if index == range.upperBound || line.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return .blank }
        return .text(line)
    }
}

/// Collects cells into rows and rows into a table, then repairs what page breaks did.
struct TableDumpLayout {
    private var rows: [PendingRow] = []
    private var current: PendingRow?
    /// Whether a cell can hold a Word bookmark marker (false when the whole text holds none).
    var mayHoldBookmarks = true

    struct PendingCell {
        var lines: [Substring]
        var span: SourceSpan
    }

    struct PendingRow {
        var cells: [PendingCell]
        var span: SourceSpan
    }

    var isInRow: Bool { current != nil }
    var hasRows: Bool { !rows.isEmpty || current != nil }

    mutating func open(cells: [Substring], line: Int) {
        var row = current ?? PendingRow(cells: [], span: SourceSpan(line: line))
        for cell in cells {
            row.cells.append(PendingCell(lines: [cell], span: SourceSpan(line: line)))
        }
        row.span = row.span.union(SourceSpan(line: line))
        current = row
    }

    mutating func continueCell(with text: Substring, line: Int) {
        guard var row = current, !row.cells.isEmpty else { return }
        row.cells[row.cells.count - 1].lines.append(text)
        row.cells[row.cells.count - 1].span = row.cells[row.cells.count - 1].span.union(SourceSpan(line: line))
        row.span = row.span.union(SourceSpan(line: line))
        current = row
    }

    mutating func endRow() {
        if let row = current { rows.append(row) }
        current = nil
    }

    /// Turns the collected rows into a table block (header first) and starts over.
    mutating func flush(into blocks: inout [Block], diagnostics: inout [Diagnostic]) {
        endRow()
        defer { rows = [] }
        guard !rows.isEmpty else { return }
        let all = rows.map { Self.row(from: $0, mayHoldBookmarks: mayHoldBookmarks) }

        // A table that continues after text (notes between pages) keeps the earlier header.
        let previousHeader: [Row]? = blocks.last { if case .table = $0 { true } else { false } }.flatMap {
            if case .table(let table) = $0 { table.headerRows } else { nil }
        }
        var header: [Row] = []
        var body = all[...]
        if let first = all.first, HeaderHeuristics.looksLikeHeader(first) {
            header = [first]
            body = all.dropFirst()
        } else if let previousHeader, case .table(let previous)? = blocks.last {
            // Continue the previous table instead of starting a headerless one.
            let width = previous.width
            let repaired = Self.repairPageBreaks(Array(body), width: width, diagnostics: &diagnostics)
            blocks[blocks.count - 1] = .table(Table(
                headerRows: previousHeader, rows: previous.rows + repaired,
                span: previous.span.union(all.last!.span)))
            return
        }
        let width = header.first?.cells.count ?? Self.commonWidth(of: Array(body))
        let repaired = Self.repairPageBreaks(Array(body), width: width, diagnostics: &diagnostics)
        let span = all.first!.span.union(all.last!.span)
        blocks.append(.table(Table(headerRows: header, rows: repaired, span: span)))
    }

    static func row(from pending: PendingRow, mayHoldBookmarks: Bool = true) -> Row {
        Row(
            cells: pending.cells.map {
                let text = joined($0.lines)
                return Cell(text: mayHoldBookmarks ? WordArtifacts.removingBookmarks(from: text) : text, span: $0.span)
            },
            span: pending.span)
    }

    /// A cell's lines joined by "\n": appended one by one (most cells are one line), not
    /// through the generic `joined(separator:)`.
    static func joined(_ lines: [Substring]) -> String {
        guard let first = lines.first else { return "" }
        var text = String(first)
        for line in lines.dropFirst() {
            text += "\n"
            text += line
        }
        return text
    }

    /// The most frequent cell count, for a table without a header.
    static func commonWidth(of rows: [Row]) -> Int {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.cells.count, default: 0] += 1 }
        return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
    }

    /// Drops page-number rows, rejoins rows a page break cut in two, pads short rows.
    static func repairPageBreaks(_ rows: [Row], width: Int, diagnostics: inout [Diagnostic]) -> [Row] {
        var kept: [Row] = []
        for row in rows {
            if width > 1, row.cells.count == 1, PageNumber.matches(Substring(row.cells[0].text)) {
                diagnostics.append(Diagnostic(
                    .pageNumberDropped, "dropped page number \"\(row.cells[0].text.trimmedSpaces)\" between table rows",
                    line: row.span.lineStart))
                continue
            }
            if row.cells.allSatisfy(\.isBlank) {
                continue
            }
            kept.append(row)
        }

        var result: [Row] = []
        var index = 0
        while index < kept.count {
            var row = kept[index]
            let next = index + 1 < kept.count ? kept[index + 1] : nil
            if let next, row.cells.count > 1 || width == 2, row.cells.count < width, next.cells.count < width {
                let total = row.cells.count + next.cells.count
                if total == width {
                    row = Row(
                        cells: row.cells + next.cells, span: row.span.union(next.span),
                        diagnostics: row.diagnostics + next.diagnostics + [Diagnostic(
                            .rowRejoined,
                            "row cut by a page break: \(row.cells.count) + \(next.cells.count) cells rejoined",
                            line: next.span.lineStart)])
                    index += 1
                } else if total == width + 1 {
                    // The break fell inside a cell: its two halves become one cell again.
                    var cells = row.cells
                    let tail = next.cells[0]
                    cells[cells.count - 1].text += "\n" + tail.text
                    cells[cells.count - 1].span = cells[cells.count - 1].span.union(tail.span)
                    row = Row(
                        cells: cells + next.cells.dropFirst(), span: row.span.union(next.span),
                        diagnostics: row.diagnostics + next.diagnostics + [Diagnostic(
                            .rowRejoined,
                            "row cut by a page break inside a cell: \(row.cells.count) + \(next.cells.count) cells rejoined",
                            line: next.span.lineStart)])
                    index += 1
                }
            }
            // A one-cell row may be a heading spanning the table; only wider rows are padded.
            if row.cells.count < width, row.cells.count > 1 {
                let missing = width - row.cells.count
                row.diagnostics.append(Diagnostic(
                    .raggedRow, "row has \(row.cells.count) of \(width) cells; \(missing) empty cell(s) added",
                    line: row.span.lineStart))
                let end = SourceSpan(line: row.span.lineEnd)
                row.cells += Array(repeating: Cell(text: "", span: end), count: missing)
            } else if row.cells.count > width, width > 0 {
                row.diagnostics.append(Diagnostic(
                    .extraCells, "row has \(row.cells.count) cells, the header \(width)", line: row.span.lineStart))
            }
            result.append(row)
            index += 1
        }
        return result
    }
}

/// Whether a line or one-cell row is only a page number: `12`, `- 12 -`, `第12页`, `12/30`.
enum PageNumber {
    static func matches(_ text: Substring) -> Bool {
        var digits = 0
        var others = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case " ", "\u{3000}", "\t", "-", "—", "－", "/", "第", "页", "頁", "共", "·": others += 1
            default: return false
            }
        }
        return digits > 0 && digits <= 4 && others <= 6
    }
}

/// Recognises a header row without knowing the vocabulary: short labels, no item numbers.
enum HeaderHeuristics {
    static func looksLikeHeader(_ row: Row) -> Bool {
        let filled = row.cells.filter { !$0.isBlank }
        guard filled.count >= 2 else { return false }
        for cell in filled {
            let text = cell.text.trimmedSpaces
            if text.count > 30 { return false }
            if text.split(separator: "\n").count > 3 { return false }
            if let first = text.unicodeScalars.first, ("0"..."9").contains(first) && !text.contains("年") { return false }
            if text.hasPrefix("（") || text.hasPrefix("(") { return false }
            if let second = text.dropFirst().first, second == "、", let first = text.first, "一二三四五六七八九十".contains(first) {
                return false
            }
        }
        return true
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces (ASCII, ideographic, no-break) and tabs.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}

/// Markers Word's text export leaves in cells.
enum WordArtifacts {
    /// Removes `[bookmark: _GoBack]`-style markers (Word's "last edit position" bookmark).
    static func removingBookmarks(from text: String) -> String {
        let hasBracket = text.utf8.withContiguousStorageIfAvailable(hasOpeningBracket) ?? text.utf8.contains(UInt8(ascii: "["))
        guard hasBracket, text.contains("[bookmark:") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "[bookmark:") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else {
                rest = rest[open.lowerBound...]
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Whether `text` may hold a bookmark marker: it has a `[` at all (one scan of the bytes).
    static func mayHoldBookmarks(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(hasOpeningBracket) ?? true
    }

    /// Whether the bytes hold a `[`: every cell passes through this.
    private static func hasOpeningBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstIndex(of: 0x5B, in: bytes) < bytes.count
    }
}
