import PlanModel

/// A `<table>` as written, before spans are expanded: its rows of cells with their text,
/// and what the reader needs to tell a data table from a layout table.
struct HTMLRawTable: Sendable {
    struct RawCell: Sendable {
        /// Lines of the cell (`<br>` and block elements break them).
        var lines: [HTMLTextLine]
        /// Where the cell starts, for an empty cell's span.
        var line: Int
        var rowSpan: Int
        var colSpan: Int
        /// A `<th>`.
        var isHeaderCell: Bool

        var text: String { lines.map(\.text).joined(separator: "\n") }

        var span: SourceSpan {
            lines.reduce(SourceSpan(line: line)) { $0.union($1.span) }
        }
    }

    struct RawRow: Sendable {
        var cells: [RawCell]
        var line: Int
        /// Rows of one `<thead>`, `<tbody>` or `<tfoot>` share a group; a `rowspan` never
        /// reaches past its group.
        var group: Int
        var isInHead: Bool
    }

    var rows: [RawRow]
    /// `<caption>` lines.
    var captions: [HTMLTextLine]
    /// Text found between rows (not in any cell); browsers show it above the table.
    var strayLines: [HTMLTextLine]
    var line: Int

    var originCellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }

    /// The number of columns the expanded grid will have, ignoring `rowspan` overlap (an
    /// upper bound is enough to tell one column from several).
    var widestRow: Int { rows.map { $0.cells.reduce(0) { $0 + $1.colSpan } }.max() ?? 0 }

    /// Reads the rows of `table` without entering nested tables. Rows missing their `<tr>`
    /// (cells straight in the table or its body) form one row per run of cells, and rows
    /// wrapped in a stray element (`<table><form><tr>` on old ASP.NET pages) are found.
    init(_ table: HTMLNode) {
        line = table.line
        rows = []
        captions = []
        strayLines = []
        var group = 0
        collectRows(in: table, group: &group, isInHead: false)
    }

    private mutating func collectRows(in container: HTMLNode, group: inout Int, isInHead: Bool) {
        var looseCells: [RawCell] = []
        var looseLine = container.line
        func flushLooseCells(_ rows: inout [RawRow]) {
            if !looseCells.isEmpty {
                rows.append(RawRow(cells: looseCells, line: looseLine, group: group, isInHead: isInHead))
                looseCells = []
            }
        }
        for child in container.children {
            switch child.tagName {
            case "tr":
                flushLooseCells(&rows)
                let cells = child.children.compactMap(Self.rawCell)
                rows.append(RawRow(cells: cells, line: child.line, group: group, isInHead: isInHead))
            case "td", "th":
                if looseCells.isEmpty { looseLine = child.line }
                if let cell = Self.rawCell(child) { looseCells.append(cell) }
            case "thead", "tbody", "tfoot":
                flushLooseCells(&rows)
                group += 1
                collectRows(in: child, group: &group, isInHead: child.tagName == "thead")
                group += 1
            case "caption":
                var builder = HTMLLineBuilder()
                builder.appendContent(of: child)
                captions += builder.takeLines()
            case "colgroup", "col", "table":
                continue
            case .some where child.contents.contains(.tableRowOrCell):
                flushLooseCells(&rows)
                collectRows(in: child, group: &group, isInHead: isInHead)
            default:
                var builder = HTMLLineBuilder()
                builder.appendContent(of: child)
                strayLines += builder.takeLines()
            }
        }
        flushLooseCells(&rows)
    }

    private static func rawCell(_ node: HTMLNode) -> RawCell? {
        guard node.tagName == "td" || node.tagName == "th" else { return nil }
        var builder = HTMLLineBuilder()
        builder.appendContent(of: node)
        return RawCell(
            lines: builder.takeLines(), line: node.line,
            rowSpan: spanValue(node.attribute("rowspan"), default: 1, range: 0...65534),
            colSpan: spanValue(node.attribute("colspan"), default: 1, range: 1...1000),
            isHeaderCell: node.tagName == "th")
    }

    /// `rowspan`/`colspan` parsed as browsers do: leading digits count (`2px` is 2),
    /// anything unreadable is the default, values are clamped to what HTML allows.
    private static func spanValue(_ attribute: String?, default defaultValue: Int, range: ClosedRange<Int>) -> Int {
        guard let attribute else { return defaultValue }
        let digits = attribute.trimmingWhiteSpace().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return defaultValue }
        guard let value = Int(digits.prefix(6)) else { return defaultValue }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
