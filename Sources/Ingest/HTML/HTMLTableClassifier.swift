import PlanModel

/// Tells what a `<table>` is for. Only data tables become `Block.table`; layout tables are
/// read as containers (the data table inside is then found on its own), navigation tables
/// are dropped, and the gov.cn metadata table goes to the document's metadata.
enum HTMLTableClassifier {
    enum Kind: Sendable {
        case data(HTMLRawTable)
        /// Page layout: a table holding another table, a form, headings, a single cell, a
        /// single row or a single column.
        case layout
        /// Mostly links: a menu laid out as a table.
        case navigation
        /// 索引号 / 发文机关 / 成文日期 … label cells with their values.
        case metadata([MetadataField])
    }

    static func classify(_ table: HTMLNode) -> Kind {
        // Checked from the subtree summary first: a layout table holding the data table is
        // not read cell by cell at all.
        if table.contents.contains(.table) || table.contents.contains(.formControl) { return .layout }
        let raw = HTMLRawTable(table)
        if let fields = metadataFields(raw) { return .metadata(fields) }
        if raw.rows.count < 2 || raw.originCellCount < 2 || raw.widestRow < 2 { return .layout }
        if table.contents.contains(.heading) { return .layout }
        let stats = table.textStats
        if stats.links >= 3 && stats.linkCharacters * 10 >= stats.characters * 6 { return .navigation }
        if raw.rows.allSatisfy({ $0.cells.allSatisfy(\.lines.isEmpty) }) { return .layout }
        return .data(raw)
    }

    /// The label/value pairs of a metadata table, or nil when `raw` is not one: at least
    /// two different known labels, and labels making up a third or more of the filled
    /// cells (a data table with a 名称 column is not a metadata table).
    static func metadataFields(_ raw: HTMLRawTable) -> [MetadataField]? {
        let cells = raw.rows.flatMap(\.cells).filter { !$0.lines.isEmpty }
        var labels: Set<String> = []
        var labelCells = 0
        for cell in cells {
            let text = cell.text
            if let label = GovMetadataLabels.label(in: text) ?? GovMetadataLabels.labelledValue(in: text)?.key {
                labels.insert(label)
                labelCells += 1
            }
        }
        guard labels.count >= 2, labelCells * 3 >= cells.count else { return nil }

        var fields: [MetadataField] = []
        var pendingLabel: (key: String, line: Int)?
        for cell in cells {
            let text = cell.lines.map(\.text).joined(separator: " ")
            if GovMetadataLabels.label(in: text) != nil {
                pendingLabel = (GovMetadataLabels.labelKey(text), cell.span.lineStart)
            } else if let (key, value) = GovMetadataLabels.labelledValue(in: text) {
                pendingLabel = nil
                if !value.isEmpty { fields.append(MetadataField(key: key, value: value, line: cell.span.lineStart)) }
            } else if let label = pendingLabel {
                pendingLabel = nil
                let value = text.trimmingWhiteSpace()
                if !value.isEmpty { fields.append(MetadataField(key: label.key, value: value, line: cell.span.lineStart)) }
            }
        }
        return fields
    }
}
