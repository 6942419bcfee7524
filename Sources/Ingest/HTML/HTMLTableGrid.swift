import PlanModel

/// Expands a data table's `rowspan` and `colspan` into a full grid and separates its header
/// rows from its body rows.
///
/// Every grid position gets a cell: a spanning cell's text is repeated in each position it
/// covers, the copies marked `isSpanCopy` and the origin keeping its `rowSpan`/`colSpan`.
/// Copies keep the origin's span, so a value always leads back to the line it was read from.
enum HTMLTableGrid {
    struct Result: Sendable {
        /// Leading rows holding a single cell (a title written inside the table).
        var captionLines: [HTMLTextLine]
        var table: Table
    }

    /// How many leading rows form the header at most; a guard against a data table whose
    /// every row is (wrongly) a `<th>` row.
    static let maximumHeaderRows = 4

    /// Bounds on the expanded grid (rows × widest row, padding included), per table and for all
    /// the tables of a document. Spans are clamped as browsers clamp them (colspan ≤ 1000,
    /// rowspan ≤ 65534 and never past the end of the row group: see `HTMLRawTable`), yet a few
    /// kilobytes of `rowspan="0" colspan="1000"` still grow quadratically; past the bound,
    /// spans are no longer repeated (each cell fills one position) and the table says so.
    /// A real plan table is a few thousand cells.
    static let maximumCellsPerTable = 200_000
    static let maximumCellsPerDocument = 1_000_000

    /// - Parameter budget: grid positions the document has left; what this table uses is taken off.
    static func build(_ raw: HTMLRawTable, budget: inout Int) -> Result? {
        var grid = expand(raw.rows, limit: min(maximumCellsPerTable, max(budget, 0)))
        budget -= grid.count * (grid.map(\.cells.count).max() ?? 0)

        // A title written as the table's first row (one cell, however wide its colspan) is
        // a caption, not a header; it is taken out before the width is measured so that a
        // careless `colspan="10"` does not widen a six-column table.
        var widestFrom = Array(repeating: 0, count: grid.count + 1)
        for index in grid.indices.reversed() { widestFrom[index] = max(widestFrom[index + 1], grid[index].cells.count) }
        var captionLines: [HTMLTextLine] = []
        var captionRows = 0
        while captionRows + 1 < grid.count, widestFrom[captionRows + 1] > 1, grid[captionRows].inheritedCount == 0,
            grid[captionRows].originCount == 1, grid[captionRows].origins[0].cell.rowSpan <= 1
        {
            captionLines += grid[captionRows].originLines
            captionRows += 1
        }
        grid.removeFirst(captionRows)

        let width = grid.map(\.cells.count).max() ?? 0
        guard width > 0 else { return nil }
        // Pad ragged rows so that every row has `width` cells.
        for index in grid.indices where grid[index].cells.count < width || grid[index].cells.contains(where: { $0 == nil }) {
            grid[index].cells += Array(repeating: nil, count: max(0, width - grid[index].cells.count))
            let present = grid[index].cells.filter { $0 != nil }.count
            grid[index].diagnostics.append(
                Diagnostic(
                    .raggedRow, "row has \(present) of \(width) cells; padded with empty cells",
                    line: grid[index].span.lineStart))
        }

        let headerCount = headerRowCount(grid, width: width)
        let rows = grid.map { $0.row }
        let table = Table(
            headerRows: Array(rows[..<headerCount]), rows: Array(rows[headerCount...]),
            span: rows.reduce(SourceSpan(line: raw.line)) { $0.union($1.span) })
        return Result(captionLines: captionLines, table: table)
    }

    // MARK: Expansion

    /// A row of the grid while it is being filled: nil where no cell landed yet.
    struct GridRow {
        var cells: [Cell?]
        var span: SourceSpan
        var diagnostics: [Diagnostic] = []
        var isInHead: Bool
        /// The origin cells of this row, with their column, in order.
        var origins: [(column: Int, cell: HTMLRawTable.RawCell)] = []

        /// Positions filled by a cell of a row above (`rowspan`).
        var inheritedCount = 0

        var originCount: Int { origins.count }
        var originLines: [HTMLTextLine] { origins.flatMap(\.cell.lines) }

        var row: Row {
            Row(
                cells: cells.map { $0 ?? Cell(text: "", span: span) },
                span: span, diagnostics: diagnostics)
        }
    }

    /// - Parameter limit: the most grid positions (rows × widest row) spans may expand to.
    static func expand(_ rows: [HTMLRawTable.RawRow], limit: Int = maximumCellsPerTable) -> [GridRow] {
        var grid = rows.map { GridRow(cells: [], span: SourceSpan(line: $0.line), isInHead: $0.isInHead) }
        var width = 0
        var spansRepeated = true
        // The last row of each row's group: rowspan stops there (and rowspan="0" reaches it).
        var groupEnd = Array(repeating: 0, count: rows.count)
        var index = rows.count - 1
        while index >= 0 {
            groupEnd[index] = index + 1 < rows.count && rows[index + 1].group == rows[index].group ? groupEnd[index + 1] : index
            index -= 1
        }

        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for raw in row.cells {
                while column < grid[rowIndex].cells.count, grid[rowIndex].cells[column] != nil { column += 1 }
                let reach = groupEnd[rowIndex] - rowIndex + 1
                var rowSpan = raw.rowSpan == 0 ? reach : min(raw.rowSpan, reach)
                var colSpan = raw.colSpan
                if spansRepeated, rows.count * max(width, column + colSpan) > limit {
                    spansRepeated = false
                    grid[rowIndex].diagnostics.append(
                        Diagnostic(
                            .spanBoundReached,
                            "the table's rowspan/colspan would expand past \(limit) cells; from here on each cell fills one position",
                            line: raw.span.lineStart))
                }
                if !spansRepeated {
                    rowSpan = 1
                    colSpan = 1
                }
                width = max(width, column + colSpan)
                let origin = Cell(text: raw.text, span: raw.span, rowSpan: rowSpan, colSpan: colSpan)
                var copy = origin
                copy.rowSpan = 1
                copy.colSpan = 1
                copy.isSpanCopy = true
                for rowOffset in 0..<rowSpan {
                    let target = rowIndex + rowOffset
                    if grid[target].cells.count < column + colSpan {
                        grid[target].cells += Array(repeating: nil, count: column + colSpan - grid[target].cells.count)
                    }
                    for columnOffset in 0..<colSpan where grid[target].cells[column + columnOffset] == nil {
                        grid[target].cells[column + columnOffset] = rowOffset == 0 && columnOffset == 0 ? origin : copy
                        if rowOffset > 0 { grid[target].inheritedCount += 1 }
                    }
                }
                var placed = raw
                if !spansRepeated {
                    placed.rowSpan = 1
                    placed.colSpan = 1
                }
                grid[rowIndex].origins.append((column, placed))
                grid[rowIndex].span = grid[rowIndex].span.union(raw.span)
                column += colSpan
            }
        }
        return grid
    }

    // MARK: Header rows

    /// `<thead>` rows; else leading rows of `<th>` only; else the first row, extended
    /// downwards while it groups columns: a cell spanning some (not all) columns has its
    /// sub-headers in the row below, and the cells beside it span down to that row
    /// (季度进度安排 over 一季度 … 四季度 makes two header rows).
    static func headerRowCount(_ grid: [GridRow], width: Int) -> Int {
        guard !grid.isEmpty else { return 0 }
        let headRows = grid.prefix { $0.isInHead }.count
        if headRows > 0 { return min(headRows, grid.count) }

        let thRows = grid.prefix { !$0.origins.isEmpty && $0.origins.allSatisfy(\.cell.isHeaderCell) }.count
        if thRows > 0 { return min(thRows, maximumHeaderRows, grid.count) }

        var count = 1
        var groupsColumns = false
        var changed = true
        while changed {
            changed = false
            for rowIndex in 0..<count {
                for origin in grid[rowIndex].origins {
                    var needed = 0
                    if origin.cell.colSpan > 1 && origin.cell.colSpan < width {
                        groupsColumns = true
                        needed = rowIndex + max(origin.cell.rowSpan, 1) + 1
                    } else if groupsColumns {
                        needed = rowIndex + max(origin.cell.rowSpan, 1)
                    }
                    let capped = min(needed, maximumHeaderRows, grid.count)
                    if capped > count {
                        count = capped
                        changed = true
                    }
                }
            }
        }
        return count
    }
}
