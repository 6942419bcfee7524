import PlanModel

/// Finds tables that a copy from a web page flattened into one cell per line, and rebuilds
/// them as tables:
///
/// ```
/// 序号              ← a header: a row-number header (RowNumberHeader) and the column names,
/// 重点任务             one per line (or on one line separated by spaces)
/// 牵头单位
/// 配合单位
/// 1                 ← each row starts with its number, the next in sequence
/// 推进老旧小区改造
/// 市住建局
/// 市财政局           ← the units of one cell on separate lines
/// 各区政府
/// 2
/// …
/// 序号 …            ← the header repeated after a page break is dropped
/// ```
///
/// A row holding exactly one line per cell teaches each column its shape (names of units,
/// dates, numbers, long statements); the lines of a row with more or fewer lines are then
/// split into cells so that each cell's lines fit its column best, several names in a row
/// going to a column of names. Done in Ingest, where lines still carry their source lines
/// and the result is an ordinary `Table`, so every table rule downstream (column meanings,
/// merged cells, sections, numeric tables) applies unchanged.
enum FlattenedTableRecogniser {
    /// One line of the copy: a paragraph of plain text, or of an HTML page saved with one
    /// `<p>` per cell.
    typealias Line = Paragraph

    /// The blocks for `lines`: the paragraphs, with each flattened table found in them as a table.
    static func blocks(from lines: [Line]) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            if let found = table(at: index, in: lines) {
                blocks.append(.table(found.table))
                index = found.end
                continue
            }
            blocks.append(.paragraph(lines[index]))
            index += 1
        }
        return blocks
    }

    /// Header names at most this long, each.
    static let maximumHeaderLength = 12
    static let maximumColumns = 12

    /// The header at `index`: its column names and the index of the line after it.
    static func header(at index: Int, in lines: [Line]) -> (names: [String], end: Int)? {
        let first = lines[index].text
        // Most lines are rejected here: a header opens with a row-number header.
        guard let opening = first.unicodeScalars.first, openings.contains(opening) else { return nil }
        // On one line: 序号 重点任务 牵头单位 配合单位.
        let words = first.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)
        if words.count >= 3, words.count <= maximumColumns, RowNumberHeader.matches(words[0]),
            words.allSatisfy({ $0.count <= maximumHeaderLength && isHeaderWord($0) })
        {
            return (words, index + 1)
        }
        guard RowNumberHeader.matches(first) else { return nil }
        var end = index + 1
        while end < lines.count, end - index < maximumColumns, isHeaderWord(lines[end].text),
            lines[end].text.count <= maximumHeaderLength, !isRowNumber(lines[end].text, 1)
        {
            end += 1
        }
        guard end - index >= 3 else { return nil }
        return (lines[index..<end].map(\.text), end)
    }

    static let openings = Set(RowNumberHeader.words.compactMap { $0.unicodeScalars.first } + ["N"])

    /// A column name: no sentence punctuation, no number of its own.
    static func isHeaderWord(_ text: String) -> Bool {
        !text.isEmpty && !text.contains(where: { "。，；！？".contains($0) }) && !text.allSatisfy(\.isASCII)
    }

    /// `7`, `7.`, `7、` as the whole line, with the expected value.
    static func isRowNumber(_ text: String, _ expected: Int) -> Bool {
        var digits = Substring(text.filter { !$0.isWhitespace })
        if let last = digits.last, ".、．".contains(last) { digits.removeLast() }
        return !digits.isEmpty && digits.allSatisfy(\.isLatinDigit) && Int(digits) == expected
    }

    private static func table(at index: Int, in lines: [Line]) -> (table: Table, end: Int)? {
        guard let header = header(at: index, in: lines), header.end < lines.count,
            isRowNumber(lines[header.end].text, 1)
        else { return nil }
        let width = header.names.count
        var rows: [(number: Line, lines: [Line], diagnostics: [Diagnostic])] = []
        var lastRowIndices: [Int] = []
        var cursor = header.end
        var expected = 1
        var lastRowStart = cursor
        while cursor < lines.count, isRowNumber(lines[cursor].text, expected) {
            let numberLine = lines[cursor]
            cursor += 1
            lastRowStart = cursor
            var cellLines: [Line] = []
            lastRowIndices = []
            var diagnostics: [Diagnostic] = []
            // A row runs to the next number; without one in reach (the table ended, or a
            // number is missing) it stops here and the table ends with it.
            let reach = max(3 * width, 24)
            while cursor < lines.count, cellLines.count < reach {
                let text = lines[cursor].text
                if isRowNumber(text, expected + 1) { break }
                // The header again, after a page break.
                if let repeated = self.header(at: cursor, in: lines), repeated.names == header.names {
                    diagnostics.append(Diagnostic(
                        .headerRepeated, "the table's header repeated after a page break; dropped", line: lines[cursor].span.lineStart))
                    cursor = repeated.end
                    lastRowStart = cursor
                    continue
                }
                cellLines.append(lines[cursor])
                lastRowIndices.append(cursor)
                cursor += 1
            }
            rows.append((numberLine, cellLines, diagnostics))
            expected += 1
        }
        guard rows.count >= 2 else { return nil }
        // The last row has no next number to end it: it keeps no more lines than the longest
        // row before it, and stops at prose once it has a line per cell.
        var last = rows[rows.count - 1]
        let typical = max(width - 1, rows.dropLast().map { $0.lines.count }.max() ?? 0)
        var keep = 0
        while keep < last.lines.count, keep < typical, !(keep >= width - 1 && isProse(last.lines[keep].text)) { keep += 1 }
        last.lines = Array(last.lines.prefix(keep))
        rows[rows.count - 1] = last

        let profiles = ColumnProfile.learn(
            rows: rows.map { $0.lines.map(\.text) }, width: width - 1, headers: Array(header.names.dropFirst()))
        // Nor does it keep, past a line a cell, lines its last column never shows (a 分享到 link
        // under the table): they are the page's, left to the paragraphs after it.
        if let lastColumn = profiles.last {
            while keep > width - 1, lastColumn.share(ColumnProfile.shape(of: last.lines[keep - 1].text)) == 0 { keep -= 1 }
            last.lines = Array(last.lines.prefix(keep))
            rows[rows.count - 1] = last
        }
        cursor = keep > 0 ? lastRowIndices[keep - 1] + 1 : lastRowStart
        let headerSpan = lines[index].span.union(lines[header.end - 1].span)
        let headerRow = Row(
            cells: header.names.map { Cell(text: $0, span: headerSpan) }, span: headerSpan)
        var tableRows: [Row] = []
        for row in rows {
            let numberCell = Cell(text: row.number.text.filter { $0.isLatinDigit }, span: row.number.span)
            let texts = row.lines.map(\.text)
            let first: [Int], second: [Int]
            switch ColumnProfile.split(texts, into: profiles) {
            case .one(let sizes):
                let cells = [numberCell] + Self.cells(of: row.lines[...], sizes: sizes, number: row.number)
                tableRows.append(Row(cells: cells, span: cells.reduce(row.number.span) { $0.union($1.span) }, diagnostics: row.diagnostics))
                continue
            case let .twoUnderMergedNumber(upper, lower):
                (first, second) = (upper, lower)
            }
            // Two rows under one merged number: the second repeats the first's merged cells,
            // as a spanning HTML cell repeats in every row it covers.
            let cut = first.reduce(0, +)
            let upper = [numberCell] + Self.cells(of: row.lines[..<cut], sizes: first, number: row.number)
            var lower = [numberCell] + Self.cells(of: row.lines[cut...], sizes: second, number: row.number)
            for column in lower.indices where column == 0 || second[column - 1] == 0 {
                lower[column] = upper[column]
                lower[column].isSpanCopy = true
            }
            let lowerStart = row.lines[cut].span
            tableRows.append(Row(cells: upper, span: upper.reduce(row.number.span) { $0.union($1.span) }, diagnostics: row.diagnostics))
            tableRows.append(Row(
                cells: lower, span: lower.filter { !$0.isSpanCopy }.reduce(lowerStart) { $0.union($1.span) },
                diagnostics: [Diagnostic(
                    .mergedCellInherited, "row \(numberCell.text) holds two rows under one merged number; the second took its merged cells",
                    line: lowerStart.lineStart)]))
        }
        let span = headerSpan.union(tableRows.last!.span)
        return (Table(headerRows: [headerRow], rows: tableRows, span: span), cursor)
    }

    /// The cells `sizes` lines each of `lines` make, in order (an empty cell where a size is 0).
    private static func cells(of lines: ArraySlice<Line>, sizes: [Int], number: Line) -> [Cell] {
        var cells: [Cell] = []
        var taken = lines.startIndex
        for size in sizes {
            let part = lines[taken..<(taken + size)]
            taken += size
            let span = part.isEmpty ? number.span : part.first!.span.union(part.last!.span)
            cells.append(Cell(text: part.map(\.text).joined(separator: "\n"), span: span))
        }
        return cells
    }

    /// A sentence of running text rather than a cell: punctuated like one, and not short.
    static func isProse(_ text: String) -> Bool {
        text.count > 20 && text.contains(where: { "。；！".contains($0) })
    }
}

extension Character {
    /// 0–9 (not full-width or other scripts' digits).
    var isLatinDigit: Bool { isASCII && isNumber }
}
