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
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(read) ?? Array(text.utf8).withUnsafeBufferPointer(read)
    }

    /// Reads the UTF-8 of a string in one pass over its lines: cells are kept as byte ranges
    /// of it until their table is complete, and each becomes a `String` once.
    private func read(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceDocument {
        var blocks: [Block] = []
        var diagnostics: [Diagnostic] = []
        var layout = TableDumpLayout(source: bytes)
        // Cells are pieces of the text joined by line breaks: a text without the marker has
        // none in any cell, and its cells skip the search.
        layout.mayHoldBookmarks = WordArtifacts.mayHoldBookmarks(bytes)

        TableDumpLine.forEachLine(in: bytes) { number, range in
            switch TableDumpLine.classify(bytes, range) {
            case .blank:
                layout.endRow()
            case .cells(let first):
                // One cell per TAB, up to the next TAB or the line's end.
                let line = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
                var cellStart = first
                while cellStart <= range.upperBound {
                    let index = ByteScan.firstIndex(of: 0x09, in: line, from: cellStart)
                    layout.open(cell: cellStart..<index, line: number)
                    cellStart = index + 1
                }
            case .text:
                if layout.isInRow {
                    layout.continueCell(to: range.upperBound, line: number)
                    return
                }
                let content = TableDumpLayout.string(UnsafeBufferPointer(rebasing: bytes[range]))
                if PageNumber.matches(content[...]) && layout.hasRows {
                    diagnostics.append(Diagnostic(
                        .pageNumberDropped, "dropped page number \"\(content.trimmedSpaces)\" between table rows",
                        line: number))
                } else {
                    // Text outside the table: a preamble above it, or notes below or between tables.
                    if layout.hasRows { layout.flush(into: &blocks, diagnostics: &diagnostics) }
                    let role: Paragraph.Role = blocks.contains { if case .table = $0 { true } else { false } }
                        ? .trailer : .preamble
                    blocks.append(.paragraph(Paragraph(text: content, span: SourceSpan(line: number), role: role)))
                }
            }
        }
        layout.endRow()
        layout.flush(into: &blocks, diagnostics: &diagnostics)
        return SourceDocument(format: .tableDump, blocks: blocks, diagnostics: diagnostics)
    }
}

/// The lines of a table dump, classified.
enum TableDumpLine {
    enum Kind: Equatable {
        case blank
        /// The line opens one cell (or several, when it holds more TABs); the first starts
        /// at the byte index given (after the TAB).
        case cells(Int)
        /// The line continues the current cell, or stands outside the table.
        case text
    }

    /// Calls `body` with the number (from 1) and byte range of each line of `bytes`, cut at
    /// LF (a CR before it stays in the line).
    @inline(__always)
    static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Range<Int>) -> Void) {
        // Split on bytes: Character-wise splitting of Chinese text is several times slower.
        // A final newline does not start another line (a final CR LF, one Character that is
        // no "\n", does).
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A, end < 2 || bytes[end - 2] != 0x0D { end -= 1 }
        var number = 0
        var lineStart = 0
        while lineStart <= end {
            let index = min(ByteScan.firstIndex(of: 0x0A, in: bytes, from: lineStart), end)
            number += 1
            body(number, lineStart..<index)
            lineStart = index + 1
        }
    }

    /// The kind of the line at `range` of `bytes` (UTF-8 of a string).
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Kind {
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
        if first < range.upperBound, bytes[first] == 0x09 { return .cells(first + 1) }
        // Blank: every scalar is a space of some kind. ASCII is told by its byte; the rest
        // (rare) by its Unicode properties.
        var index = first
        while index < range.upperBound, bytes[index] < 0x80 {
            switch bytes[index] {
            case 0x09...0x0D, 0x20: index += 1
            default: return .text
            }
        }
        if index == range.upperBound { return .blank }
        // A CJK ideograph (UTF-8 leads E4–E9, U+4000–U+9FFF, none of them a space) is text.
        if bytes[index] >= 0xE4, bytes[index] <= 0xE9 { return .text }
        // The line's scalars decoded in place: most such lines are text from their first one.
        var scalars = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&scalars) {
            case .scalarValue(let scalar): if !scalar.properties.isWhitespace { return .text }
            case .emptyInput: return .blank
            case .error: return .text  // (U+FFFD, as a String would read it: no space)
            }
        }
    }
}

/// Collects cells into rows and rows into a table, then repairs what page breaks did.
///
/// A cell is a byte range of the source: its continuation lines follow it directly, and the
/// line breaks between them are the ones the cell keeps, so its text is one stretch of the
/// source.
struct TableDumpLayout {
    /// The UTF-8 of the whole text (valid while the layout is used).
    let source: UnsafeBufferPointer<UInt8>
    /// The cells of every row collected so far, the open row's last.
    private var cells: [PendingCell] = []
    private var rows: [PendingRow] = []
    /// The open row: its first cell's index in `cells`, and its span.
    private var current: (firstCell: Int, span: SourceSpan)?
    /// Whether a cell can hold a Word bookmark marker (false when the whole text holds none).
    var mayHoldBookmarks = true

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
    }

    struct PendingCell {
        var range: Range<Int>
        var span: SourceSpan
    }

    struct PendingRow {
        /// The row's cells: a range of `cells`.
        var cells: Range<Int>
        var span: SourceSpan
    }

    var isInRow: Bool { current != nil }
    var hasRows: Bool { !rows.isEmpty || current != nil }

    mutating func open(cell range: Range<Int>, line: Int) {
        let span = SourceSpan(line: line)
        if let open = current {
            current = (open.firstCell, open.span.union(span))
        } else {
            current = (cells.count, span)
        }
        cells.append(PendingCell(range: range, span: span))
    }

    /// The open row's last cell goes on to the end (`upperBound`) of line `line`.
    mutating func continueCell(to upperBound: Int, line: Int) {
        guard let open = current, cells.count > open.firstCell else { return }
        let span = SourceSpan(line: line)
        cells[cells.count - 1].range = cells[cells.count - 1].range.lowerBound..<upperBound
        cells[cells.count - 1].span = cells[cells.count - 1].span.union(span)
        current = (open.firstCell, open.span.union(span))
    }

    mutating func endRow() {
        if let open = current { rows.append(PendingRow(cells: open.firstCell..<cells.count, span: open.span)) }
        current = nil
    }

    /// Turns the collected rows into a table block (header first) and starts over.
    mutating func flush(into blocks: inout [Block], diagnostics: inout [Diagnostic]) {
        endRow()
        defer {
            rows.removeAll(keepingCapacity: true)
            cells.removeAll(keepingCapacity: true)
        }
        guard !rows.isEmpty else { return }
        let all = rows.map(row)

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

    /// A collected row with its cells' texts, each made once from its bytes.
    private func row(_ pending: PendingRow) -> Row {
        var rowCells: [Cell] = []
        rowCells.reserveCapacity(pending.cells.count)
        for cell in cells[pending.cells] {
            let bytes = UnsafeBufferPointer(rebasing: source[cell.range])
            let text = Self.string(bytes)
            // Only a cell whose bytes hold the marker can lose one.
            let marked = mayHoldBookmarks && WordArtifacts.holdsBookmarkMarker(bytes)
            rowCells.append(Cell(text: marked ? WordArtifacts.removingBookmarks(from: text) : text, span: cell.span))
        }
        return Row(cells: rowCells, span: pending.span)
    }

    /// A string of bytes cut from the UTF-8 of a string at ASCII bytes (valid UTF-8), copied
    /// without checking them again.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        if #available(macOS 26, *) {
            return String(copying: UTF8Span(unchecked: bytes.span))
        } else {
            return String(decoding: bytes, as: UTF8.self)
        }
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
    /// What opens Word's bookmark marker (`[bookmark: _GoBack]`).
    private static let marker = "[bookmark:"

    /// Removes `[bookmark: _GoBack]`-style markers (Word's "last edit position" bookmark).
    ///
    /// Cut on the text's bytes where the brackets and the marker plainly stand as characters
    /// of their own (`byteCut`), else by `Character`s.
    static func removingBookmarks(from text: String) -> String {
        var text = text
        text.makeContiguousUTF8()
        if let cut = text.utf8.withContiguousStorageIfAvailable(byteCut), let cut { return cut }
        return removingBookmarksByCharacters(from: text)
    }

    /// `removingBookmarks` by `Character`s (the rule as it is defined).
    static func removingBookmarksByCharacters(from text: String) -> String {
        let hasBracket = text.utf8.withContiguousStorageIfAvailable(hasOpeningBracket) ?? text.utf8.contains(UInt8(ascii: "["))
        guard hasBracket, text.contains(marker) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstRange(of: marker) {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else {
                rest = rest[open.lowerBound...]
                break
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// `removingBookmarks` of UTF-8 `bytes` (a string's), or nil when a marker or its closing
    /// `]` might not be characters of their own (`standsAlone`): the caller then reads
    /// `Character`s.
    private static func byteCut(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var output: [UInt8] = []
        var kept = 0
        var index = ByteScan.firstIndex(of: 0x5B, in: bytes)
        while index + markerBytes.count <= bytes.count {
            guard markerBytes.indices.allSatisfy({ bytes[index + $0] == markerBytes[$0] }) else {
                index = ByteScan.firstIndex(of: 0x5B, in: bytes, from: index + 1)
                continue
            }
            let markerEnd = index + markerBytes.count
            guard standsAlone(bytes, index..<markerEnd) else { return nil }
            let close = ByteScan.firstIndex(of: 0x5D, in: bytes, from: markerEnd)
            // No closing bracket: the rest stays as it is.
            guard close < bytes.count else { break }
            guard standsAlone(bytes, close..<close + 1) else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept..<index]))
            kept = close + 1
            index = ByteScan.firstIndex(of: 0x5B, in: bytes, from: kept)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[kept...]))
        return output.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the ASCII bytes at `range` are whole characters: the scalar before them
    /// cannot join them (ASCII, CJK punctuation or ideograph, full-width form) and the one after
    /// them cannot join them either (below U+0300, CJK punctuation, an ideograph, full-width
    /// ASCII), or the text ends there.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if range.lowerBound > 0 {
            var lead = range.lowerBound - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let byte = bytes[lead]
            guard byte < 0x80 || (byte >= 0xE3 && byte <= 0xE9) || byte == 0xEF else { return false }
        }
        guard range.upperBound < bytes.count else { return true }
        let byte = bytes[range.upperBound]
        if byte < 0x80 { return true }
        guard byte >= 0xE0, byte < 0xF0, range.upperBound + 2 < bytes.count else { return false }
        let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[range.upperBound + 1] & 0x3F) << 6
            | UInt32(bytes[range.upperBound + 2] & 0x3F)
        switch value {
        case 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// Whether UTF-8 `bytes` may hold a bookmark marker: they have a `[` at all (one scan).
    static func mayHoldBookmarks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasOpeningBracket(bytes)
    }

    /// Whether UTF-8 `bytes` hold the bytes of `[bookmark:` (what `removingBookmarks` looks
    /// for): text without them has no marker to remove.
    static func holdsBookmarkMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = ByteScan.firstIndex(of: 0x5B, in: bytes)
        while index + markerBytes.count <= bytes.count {
            if markerBytes.indices.allSatisfy({ bytes[index + $0] == markerBytes[$0] }) { return true }
            index = ByteScan.firstIndex(of: 0x5B, in: bytes, from: index + 1)
        }
        return false
    }

    private static let markerBytes = Array(marker.utf8)

    /// Whether the bytes hold a `[`: every cell passes through this.
    private static func hasOpeningBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteScan.firstIndex(of: 0x5B, in: bytes) < bytes.count
    }
}
