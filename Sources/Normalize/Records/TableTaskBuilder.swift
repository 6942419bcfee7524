import PlanModel

/// Turns the tables of a document into task drafts: one per task row.
///
/// What a Word table leaves behind is undone here, by general rules rather than per
/// document: a vertically merged cell is empty in every row but its first, so an empty
/// section, title, leader or lead-unit cell inherits from the row above (with a warning); a
/// cell holding only an auto-number (`23. `, `（4） `) is a merged cell too; a row holding
/// only a section heading opens a section.
struct TableTaskBuilder {
    var drafts: [TaskDraft] = []
    var columns: [ColumnMapping] = []
    var sections: [SectionNode] = []
    var diagnostics: [Diagnostic] = []
    /// Index into `sections` of a heading printed above the tables that declares how many
    /// rows they hold (`一、推广的改革举措（共23项）` over an attachment table).
    private var enclosingIndex: Int?

    /// A section met while reading, with the tasks found under it.
    struct SectionNode {
        var path: [SectionRef]
        var declared: Int?
        var line: Int
        var found = 0
    }

    /// Tables from here on are under a heading printed above them whose declared count
    /// (（共23项）) counts their rows: it is reported with the rows found, and checked. The
    /// tasks keep the sections the tables print; the heading is the covering text's.
    mutating func enclose(under heading: SectionRef, declared: Int, line: Int) {
        enclosingIndex = openSection(path: [heading], declared: declared, line: line)
    }

    /// A column that numbers the rows (`RowNumberHeader`).
    static func isNumberHeader(_ header: String) -> Bool {
        RowNumberHeader.matches(CharacterFold.simplifiedKey(header))
    }

    /// Adds the task rows of `table`; `context` holds the lines printed just above it (its
    /// title, its unit line).
    mutating func add(_ table: Table, context: [String] = []) {
        let headers = Self.headers(of: table)
        var mapping = ColumnMapper.map(headers: headers, rows: table.rows)
        if let numeric = NumericTable.detect(table, headers: headers, mapping: mapping, context: context) {
            mapping = headers.indices.map { ColumnMapping(header: headers[$0], field: $0 == numeric.labelColumn ? .title : nil) }
            if columns.isEmpty { columns = mapping }
            addNumeric(table, headers: headers, numeric: numeric)
            return
        }
        if columns.isEmpty { columns = mapping }
        guard mapping.contains(where: { $0.field == .title }) else {
            diagnostics.append(Diagnostic(
                .noTitleColumn, "no column holds task statements (headers: \(headers.joined(separator: " | ")))",
                line: table.span.lineStart))
            return
        }
        // A 序号 column numbers tasks whose statements carry no label of their own.
        let numberColumn = headers.firstIndex(where: Self.isNumberHeader)
        let headerPeriods = mapping.map { $0.field == .milestones ? Self.headerPeriod($0.header) : nil }
        var state = RowState(columns: mapping.count)
        for row in table.rows {
            read(row, mapping: mapping, headerPeriods: headerPeriods, numberColumn: numberColumn, state: &state)
        }
    }

    /// Each column's header, its lines and header rows joined with `/` (季度进度安排/一季度),
    /// repeated parts (a header spanning two rows) written once. Columns without a header are
    /// named by position so that `fields` never loses them.
    static func headers(of table: Table) -> [String] {
        let width = table.rows.reduce(table.width) { max($0, $1.cells.count) }
        return (0..<width).map { column in
            var parts: [String] = []
            var above: String?
            for row in table.headerRows where column < row.cells.count {
                // A header cell spanning rows repeats below; it counts once. One spanning
                // columns (责任分工 over three) names each of them.
                let text = row.cells[column].text
                defer { above = text }
                if text == above { continue }
                for line in text.split(separator: "\n") {
                    let part = TextCleanup.singleLine(line)
                    if !part.isEmpty, parts.last != part { parts.append(part) }
                }
            }
            return parts.isEmpty ? "第\(column + 1)列" : parts.joined(separator: "/")
        }
    }

    /// Whether `text` is plainly no bare auto-number (`SectionHeading.isBareLabel`): its first
    /// scalar (spaces and line breaks aside) opens no list label, or it holds more than the 16
    /// scalars a label can take.
    /// Read from the text's UTF-8, decoding only its opening scalars.
    static func cannotBeBareLabel(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                let (scalar, length) = TextCleanup.decodeScalar(bytes, at: index)
                index += length
                if scalar.isLineSpace { continue }
                if count == 0, !scalar.mayOpenLabel { return true }
                count += 1
                if count > 16 { return true }
            }
            return false
        } ?? false
    }

    /// How many of the row's cells are filled (neither a span copy nor blank), counted up to
    /// two, and the first of them.
    static func filledCells(of row: Row) -> (count: Int, first: Int?) {
        var count = 0
        var first: Int?
        for (index, cell) in row.cells.enumerated() where !cell.isSpanCopy && !TextCleanup.isBlank(cell.text) {
            if first == nil { first = index }
            count += 1
            if count == 2 { break }
        }
        return (count, first)
    }

    /// What the rows above left for merged cells below.
    struct RowState {
        var sectionRow: SectionRef?
        /// The open section of each section column (levels left to right: 领域 over 类别).
        var sectionColumns: [Int: SectionRef] = [:] {
            didSet { columnPath = sectionColumns.keys.sorted().compactMap { sectionColumns[$0] } }
        }
        var title: String?
        var number: String?
        var leaders: [String]?
        var leadUnits: [String]?
        /// Each column's last printed cell (what a merged cell below shows).
        var lastCells: [String?]
        /// Indices into `sections` of the open heading-row section and section-column section.
        var rowSectionIndex: Int?
        var columnSectionIndices: [Int: Int] = [:]

        /// The open sections of the columns, outermost first.
        /// Kept as the columns change, read by every row.
        private(set) var columnPath: [SectionRef] = []

        /// Each name column's last split text and its names: a lead unit or leader printed
        /// again in the next row is not split again.
        private var lastSplits: [(text: String, names: [String])?]

        /// Each column's `inheritedWarning` message, made at its first use: every merged cell
        /// of the column shares it.
        private var inheritedMessages: [String?]

        init(columns: Int) {
            lastCells = Array(repeating: nil, count: columns)
            lastSplits = Array(repeating: nil, count: columns)
            inheritedMessages = Array(repeating: nil, count: columns)
        }

        /// `TableTaskBuilder.inheritedWarning` for a cell of `column`.
        mutating func inheritedWarning(column: Int, header: String, cell: Cell) -> Diagnostic {
            let message = inheritedMessages[column] ?? TableTaskBuilder.inheritedMessage(header)
            inheritedMessages[column] = message
            return Diagnostic(.mergedCellInherited, message, line: cell.span.lineStart)
        }

        /// The names `split` gives for `text` in `column`, split again only when the text is
        /// not the column's last one, byte for byte.
        mutating func split(_ text: String, column: Int, _ split: (String) -> [String]) -> [String] {
            if let last = lastSplits[column], Self.sameBytes(last.text, text) { return last.names }
            let names = split(text)
            lastSplits[column] = (text, names)
            return names
        }

        private static func sameBytes(_ first: String, _ second: String) -> Bool {
            guard first.utf8.count == second.utf8.count else { return false }
            var first = first, second = second
            return first.withUTF8 { one in second.withUTF8 { other in ByteSearch.equal(one, other) } }
        }

        /// A new value in a section column closes the levels to its right: merges nest.
        mutating func openColumnSection(_ ref: SectionRef, column: Int) {
            for deeper in sectionColumns.keys where deeper > column { lastCells[deeper] = nil }
            sectionColumns[column] = ref
            for deeper in sectionColumns.keys where deeper > column { sectionColumns[deeper] = nil }
            for deeper in columnSectionIndices.keys where deeper > column { columnSectionIndices[deeper] = nil }
        }
    }

    private mutating func read(
        _ row: Row, mapping: [ColumnMapping], headerPeriods: [String?], numberColumn: Int?, state: inout RowState
    ) {
        var warnings = row.diagnostics
        let line = row.span.lineStart

        // A row whose only content is its first cell (or its section cell) is a heading
        // across the table (in HTML, a cell spanning every column).
        let filled = Self.filledCells(of: row)
        if filled.count == 1, let only = filled.first, only == 0 || mapping[safe: only]?.field == .section,
            row.cells.count == 1 || mapping[safe: only]?.field != .title
        {
            let heading = SectionHeading(row.cells[only].text)
            if heading.label != nil || row.cells.count == 1 {
                state.sectionRow = heading.ref
                state.sectionColumns = [:]
                state.columnSectionIndices = [:]
                state.title = nil
                state.number = nil
                state.rowSectionIndex = openSection(path: [heading.ref], declared: heading.declared, line: line)
                return
            }
        }

        var draft = TaskDraft(
            number: nil, section: [], title: "", target: nil, measures: nil, milestones: [], leaders: [],
            leadUnits: [], supportUnits: [], fields: [], span: row.span, warnings: [], path: [])
        draft.fields.reserveCapacity(mapping.count)
        var hasOwnContent = false

        for (column, mapped) in mapping.enumerated() {
            let cell = column < row.cells.count ? row.cells[column] : Cell(text: "", span: row.span)
            let header = mapped.header
            let printed = TextCleanup.collapsingWhitespace(cell.isSpanCopy ? "" : cell.text)
            // A merged cell: empty in every row but its first (or a copy of a spanning HTML cell).
            let isMerged = cell.isEmpty || cell.isSpanCopy

            switch mapped.field {
            case .section, .title:
                // A merged cell needs no heading; nor does a statement that cannot be a bare label.
                let heading = isMerged || (mapped.field == .title && Self.cannotBeBareLabel(cell.text))
                    ? nil : SectionHeading(cell.text)
                let bareLabel = !isMerged
                    && ((heading?.isBareLabel ?? false) || (mapped.field == .title && TextCleanup.isBlank(cell.text)))
                if isMerged || bareLabel {
                    if bareLabel, heading?.label != nil {
                        warnings.append(Diagnostic(
                            .autoNumberJunk, "\(header): bare auto-number \"\(printed)\" read as a merged cell",
                            line: cell.span.lineStart))
                    }
                    let previous = mapped.field == .section ? state.sectionColumns[column]?.title : state.title
                    if previous != nil { warnings.append(state.inheritedWarning(column: column, header: header, cell: cell)) }
                } else if mapped.field == .section, let heading {
                    state.openColumnSection(heading.ref, column: column)
                    state.lastCells[column] = printed
                    state.columnSectionIndices[column] = openSection(
                        path: [state.sectionRow].compactMap { $0 } + state.columnPath, declared: heading.declared,
                        line: cell.span.lineStart)
                } else {
                    let text = TextCleanup.singleLine(ofCollapsed: printed)
                    let label = ListLabel.parse(text)
                    // The body of one clean line is clean unless the label left the space after it.
                    state.title = label.map { label in
                        let body = label.body(of: text)
                        return body.utf8.first == 0x20 ? TextCleanup.singleLine(body) : String(body)
                    } ?? text
                    state.number = label?.numeral
                    state.lastCells[column] = printed
                    hasOwnContent = true
                }
                if mapped.field == .title {
                    draft.title = state.title ?? ""
                    draft.number = state.number
                }
                draft.fields.append(FieldValue(header: header, text: state.lastCells[column] ?? ""))
            case .leaders, .leadUnits:
                let previous = mapped.field == .leaders ? state.leaders : state.leadUnits
                var values: [String]
                if isMerged, let previous {
                    if !previous.isEmpty { warnings.append(state.inheritedWarning(column: column, header: header, cell: cell)) }
                    values = previous
                } else {
                    values = state.split(cell.text, column: column) {
                        mapped.field == .leaders ? NameListSplitter.split($0) : UnitListSplitter.split($0)
                    }
                    state.lastCells[column] = printed
                }
                if mapped.field == .leaders {
                    draft.leaders = values
                    state.leaders = values
                } else {
                    draft.leadUnits = values
                    state.leadUnits = values
                }
                draft.fields.append(FieldValue(header: header, text: state.lastCells[column] ?? ""))
            case .supportUnits:
                // A cell spanning rows (HTML rowspan) holds the value of every row it covers.
                let carried = cell.isSpanCopy ? TextCleanup.collapsingWhitespace(cell.text) : printed
                draft.supportUnits = state.split(carried, column: column) { UnitListSplitter.split($0) }
                draft.fields.append(FieldValue(header: header, text: carried))
                hasOwnContent = hasOwnContent || !printed.isEmpty
            case .target, .measures, .milestones, nil:
                hasOwnContent = hasOwnContent || !printed.isEmpty
                let carried = cell.isSpanCopy ? TextCleanup.collapsingWhitespace(cell.text) : printed
                switch mapped.field {
                case .target: draft.target = Self.joined(draft.target, carried)
                case .measures: draft.measures = Self.joined(draft.measures, carried)
                case .milestones:
                    let milestones = Self.milestones(fromCollapsed: carried, headerPeriod: headerPeriods[column])
                    if draft.milestones.isEmpty { draft.milestones = milestones } else { draft.milestones += milestones }
                default:
                    if let quantity = Self.headerUnitQuantity(carried, header: header) {
                        draft.cellQuantities.append(quantity)
                    } else {
                        draft.unmappedFields.append(draft.fields.count)
                    }
                }
                draft.fields.append(FieldValue(header: header, text: carried))
            }
        }

        if draft.number == nil, let numberColumn, numberColumn < row.cells.count {
            let printed = TextCleanup.singleLine(row.cells[numberColumn].text)
            if !printed.isEmpty, printed.count <= 4, printed.allSatisfy({ $0.isASCIIDigit || $0.chineseDigitValue != nil }) {
                draft.number = printed
            }
        }
        guard hasOwnContent, !draft.title.isEmpty else {
            if hasOwnContent {
                diagnostics.append(Diagnostic(.textIgnored, "row has content but no task statement above it", line: line))
            }
            return
        }
        if let sectionRow = state.sectionRow { draft.section.append(sectionRow) }
        if !state.sectionColumns.isEmpty { draft.section += state.columnPath }
        draft.warnings = warnings
        draft.path.reserveCapacity(draft.section.count + 1)
        for section in draft.section { draft.path.append(section.marker) }
        draft.path.append(draft.number ?? "")
        if let index = state.rowSectionIndex { sections[index].found += 1 }
        if let index = enclosingIndex { sections[index].found += 1 }
        for index in state.columnSectionIndices.values { sections[index].found += 1 }
        drafts.append(draft)
    }

    /// A bare number in a column whose header names its unit (`年度投资（万元）` over `300`):
    /// the quantity header and cell state together, read as a numeric table reads its cells.
    /// Nil for any other cell, whose text is scanned for quantities as it stands.
    static func headerUnitQuantity(_ text: String, header: String) -> Quantity? {
        guard let unit = NumericTable.headerUnit(header), let cell = NumericCell(text) else { return nil }
        return NumericTable.quantity(cell, unit: unit, header: header)
    }

    // MARK: Numeric tables

    /// One task per labelled row, its numbers as quantities; total rows are checked against
    /// the rows they sum (a mismatch is a warning) and give no task.
    private mutating func addNumeric(_ table: Table, headers: [String], numeric: NumericTable) {
        let numberColumn = headers.firstIndex(where: Self.isNumberHeader)
        let columns = numeric.numericColumns
        var sinceSubtotal: [Int: ExactDecimal] = [:]
        var all: [Int: ExactDecimal] = [:]
        var sectionRow: SectionRef?
        var rowSectionIndex: Int?
        var groups: [Int: String] = [:]
        var lastLabel: String?
        for row in table.rows {
            func text(_ column: Int) -> String {
                column < row.cells.count ? TextCleanup.singleLine(row.cells[column].text) : ""
            }
            let filled = Self.filledCells(of: row)
            if filled.count == 1, let only = filled.first, !columns.contains(only), row.cells.count > 1 {
                let heading = SectionHeading(row.cells[only].text)
                sectionRow = heading.ref
                rowSectionIndex = openSection(path: [heading.ref], declared: heading.declared, line: row.span.lineStart)
                sinceSubtotal = [:]
                continue
            }
            var label = text(numeric.labelColumn)
            var warnings = row.diagnostics
            if label.isEmpty, let lastLabel, numeric.labelColumn < row.cells.count, row.cells[numeric.labelColumn].isEmpty {
                label = lastLabel
                warnings.append(Self.inheritedWarning(headers[numeric.labelColumn], cell: row.cells[numeric.labelColumn]))
            }
            for column in numeric.groupColumns where !text(column).isEmpty { groups[column] = text(column) }
            let values = columns.compactMap { column -> (Int, NumericCell)? in
                NumericCell(text(column)).map { (column, $0) }
            }
            // 合计 may stand in any cell left of the numbers (in the 序号 cell, across merged cells).
            let leading = (0..<(columns.first ?? 0)).map(text).filter { !$0.isEmpty }
            if let totalLabel = leading.first(where: NumericTable.isTotalLabel) {
                label = totalLabel
                let isSubtotal = NumericTable.isSubtotalLabel(label)
                for (column, cell) in values {
                    let sum = isSubtotal ? sinceSubtotal[column] : all[column]
                    if let sum, sum != cell.value {
                        diagnostics.append(Diagnostic(
                            .totalMismatch,
                            "\(label) row, column \(headers[column]): printed \(cell.number), the rows above add up to \(sum)",
                            line: row.span.lineStart))
                    }
                }
                if isSubtotal { sinceSubtotal = [:] }
                continue
            }
            guard !label.isEmpty, !values.isEmpty || filled.count > 1 else {
                if filled.count > 0 {
                    diagnostics.append(Diagnostic(.textIgnored, "row has no label naming what its numbers count", line: row.span.lineStart))
                }
                continue
            }
            lastLabel = label
            for (column, cell) in values {
                sinceSubtotal[column] = sinceSubtotal[column].map { $0.adding(cell.value) ?? $0 } ?? cell.value
                all[column] = all[column].map { $0.adding(cell.value) ?? $0 } ?? cell.value
            }
            var draft = TaskDraft(
                number: nil, section: [], title: label, target: nil, measures: nil, milestones: [], leaders: [],
                leadUnits: [], supportUnits: [], fields: [], span: row.span, warnings: warnings, path: [])
            for column in headers.indices {
                let cell = column < row.cells.count ? row.cells[column] : Cell(text: "", span: row.span)
                draft.fields.append(FieldValue(header: headers[column], text: TextCleanup.collapsingWhitespace(cell.text)))
            }
            if let numberColumn {
                let printed = text(numberColumn)
                if !printed.isEmpty, printed.count <= 4, printed.allSatisfy({ $0.isASCIIDigit }) { draft.number = printed }
            }
            draft.cellQuantities = values.map { column, cell in
                NumericTable.quantity(cell, unit: numeric.units[column], header: headers[column])
            }
            let groupPath = numeric.groupColumns.compactMap { groups[$0] }.map { SectionRef(marker: "", title: $0) }
            draft.section = [sectionRow].compactMap { $0 } + groupPath
            draft.path = draft.section.map { $0.marker.isEmpty ? $0.title : $0.marker } + [draft.number ?? label]
            if let rowSectionIndex { sections[rowSectionIndex].found += 1 }
            if let enclosingIndex { sections[enclosingIndex].found += 1 }
            drafts.append(draft)
        }
    }

    private mutating func openSection(path: [SectionRef], declared: Int?, line: Int) -> Int {
        sections.append(SectionNode(path: path, declared: declared, line: line))
        return sections.count - 1
    }

    /// A schedule cell's milestones. In a table with one column per period the header names
    /// the period (季度进度安排/一季度) and is put in front of a text that does not name one.
    static func milestones(from text: String, header: String) -> [String] {
        milestones(from: text, headerPeriod: headerPeriod(header))
    }

    /// `milestones(from:header:)` with the header's period already found (`headerPeriod`).
    static func milestones(from text: String, headerPeriod period: String?) -> [String] {
        guard !text.isEmpty else { return [] }
        if let period, !MilestoneSplitter.opensWithPeriod(text) {
            return [period + "：" + TextCleanup.singleLine(text)]
        }
        return MilestoneSplitter.split(text)
    }

    /// `milestones(from:headerPeriod:)` of a cell's `TextCleanup.collapsingWhitespace`: its
    /// lines are split as they are, without collapsing them again.
    static func milestones(fromCollapsed text: String, headerPeriod period: String?) -> [String] {
        guard !text.isEmpty else { return [] }
        if let period, !MilestoneSplitter.opensWithPeriod(text) {
            return [period + "：" + TextCleanup.singleLine(text)]
        }
        return MilestoneSplitter.split(collapsed: text)
    }

    /// The period a schedule column's header names in its last part (季度进度安排/一季度), or
    /// nil. Found once per column, not per cell.
    static func headerPeriod(_ header: String) -> String? {
        // The last part after `/`, cut at the byte where every scalar is a `Character` of its own.
        let last = header.unicodeScalars.allSatisfy(\.isOwnCharacter)
            ? header.utf8.split(separator: 0x2F).last.map { String(Substring($0)) }
            : header.split(separator: "/").last.map(String.init)
        let period = last ?? ""
        return MilestoneSplitter.opensWithPeriod(period) ? period : nil
    }

    static func joined(_ existing: String?, _ text: String) -> String? {
        guard !text.isEmpty else { return existing }
        guard let existing else { return text }
        return existing + "\n" + text
    }

    static func inheritedWarning(_ header: String, cell: Cell) -> Diagnostic {
        Diagnostic(.mergedCellInherited, inheritedMessage(header), line: cell.span.lineStart)
    }

    /// The message of `inheritedWarning` for a column named `header`.
    static func inheritedMessage(_ header: String) -> String {
        header + ": empty cell took the value of the merged cell above"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
