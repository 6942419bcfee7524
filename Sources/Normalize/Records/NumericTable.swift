import PlanModel

/// A table of numbers (分配表, 计划表, 指标表): rows are places or units, columns are years
/// or indicators. Its rows are read differently from a task table's: the row label is the
/// title (never a number), every numeric cell is a quantity whose unit comes from the
/// table's unit line (`单位：万元`) or its header (`资金（万元）`), and 合计 / 总计 / 小计 rows
/// are totals to check, not tasks.
///
/// Told from a task table by what its cells hold: most columns beside the label hold
/// numbers, the label column holds short names in Chinese (a coordinate table labelled
/// `A1`, `B2` is not one), and no column names owners or a schedule.
struct NumericTable {
    /// The column whose cells name each row (地区, 单位, 项目).
    var labelColumn: Int
    /// Text columns left of the label: groups the rows belong to (片区 over 市).
    var groupColumns: [Int]
    /// Columns holding numbers, left to right.
    var numericColumns: [Int]
    /// The unit of each numeric column's values, where the table or header names one.
    var units: [Int: String]

    /// A numeric column has at least this share of its filled cells numeric.
    static let numericShare = 0.8
    /// Labels of places and units are short; a task statement is not.
    static let maximumMeanLabelLength = 16

    /// Words a total row's label ends with (`合计`, `全市合计`, `其中小计`).
    static let totalSuffixes = ["合计", "总计", "小计", "总数", "共计"]
    /// Labels that stand for the sum of the places below them.
    static let wholeAreaLabels: Set<String> = ["全省", "全市", "全区", "全县", "全国", "全省总计"]

    static func isTotalLabel(_ label: String) -> Bool {
        let key = CharacterFold.simplifiedKey(label).filter { !$0.isWhitespace }
        return totalSuffixes.contains { key.hasSuffix($0) } || wholeAreaLabels.contains(key)
    }

    static func isSubtotalLabel(_ label: String) -> Bool {
        CharacterFold.simplifiedKey(label).filter { !$0.isWhitespace }.hasSuffix("小计")
    }

    /// Reads `table` as a numeric table, or nil when it is not one. `headers` are the joined
    /// column headers, `mapping` what `ColumnMapper` made of them, `context` the lines printed
    /// just above the table (its title and unit line).
    static func detect(_ table: Table, headers: [String], mapping: [ColumnMapping], context: [String]) -> NumericTable? {
        let width = headers.count
        guard width >= 2, table.rows.count >= 2 else { return nil }
        let ownerOrSchedule: Set<CanonicalField> = [.leaders, .leadUnits, .supportUnits, .milestones]
        if mapping.contains(where: { $0.field.map(ownerOrSchedule.contains) ?? false }) { return nil }

        var numeric: [Int] = []
        var text: [Int] = []
        for column in 0..<width {
            var filled = 0
            var numbers = 0
            var han = 0
            for row in table.rows where column < row.cells.count {
                let cell = row.cells[column]
                if cell.isSpanCopy || NumericCell.isEmptyMark(cell.text) { continue }
                filled += 1
                if NumericCell(cell.text) != nil { numbers += 1 } else if cell.text.unicodeScalars.contains(where: Self.isHan) { han += 1 }
            }
            guard filled >= 2 else { continue }
            if Double(numbers) >= Double(filled) * numericShare {
                numeric.append(column)
            } else if han * 2 >= table.rows.count {
                text.append(column)
            }
        }
        let numberColumn = headers.firstIndex { TableTaskBuilder.isNumberHeader($0) }
        text.removeAll { $0 == numberColumn }
        numeric.removeAll { $0 == numberColumn }
        // The label is the last text column before the first number column.
        guard let firstNumeric = numeric.first, let label = text.last(where: { $0 < firstNumeric }) else { return nil }
        // Most of the other columns hold numbers.
        let others = (0..<width).filter { $0 != label && $0 != numberColumn && !text.contains($0) }
        guard numeric.count * 2 >= max(1, others.count) else { return nil }
        let labels = table.rows.compactMap { row -> Int? in
            guard label < row.cells.count, !row.cells[label].isSpanCopy, !TextCleanup.isBlank(row.cells[label].text) else { return nil }
            return TextCleanup.singleLine(row.cells[label].text).count
        }
        guard !labels.isEmpty, labels.reduce(0, +) / labels.count <= maximumMeanLabelLength else { return nil }

        let tableUnit = unitLine(in: context + table.headerRows.flatMap { $0.cells.map(\.text) })
        var units: [Int: String] = [:]
        for column in numeric {
            if let unit = headerUnit(headers[column]) ?? tableUnit { units[column] = unit }
        }
        return NumericTable(labelColumn: label, groupColumns: text.filter { $0 < label }, numericColumns: numeric, units: units)
    }

    /// The unit a `单位：万元` line names (`单位:人`, `（单位：万元）`, `计量单位：个`).
    static func unitLine(in lines: [String]) -> String? {
        for line in lines.reversed() {
            let compact = CharacterFold.simplifiedKey(line).filter { !$0.isWhitespace }
            guard let range = compact.rangeOfText("单位:") ?? compact.rangeOfText("单位：") else { continue }
            let unit = compact[range.upperBound...].prefix { !"）)，,；;。".contains($0) }
            if !unit.isEmpty, unit.count <= 6 { return String(unit) }
        }
        return nil
    }

    /// A unit printed in the header itself: `资金（万元）`, `人数(人)`, `比例%`, `单位：个`.
    static func headerUnit(_ header: String) -> String? {
        let compact = header.filter { !$0.isWhitespace }
        if let unit = unitLine(in: [compact]) { return unit }
        if let last = compact.last, last == "）" || last == ")",
            let open = compact.lastIndex(where: { $0 == "（" || $0 == "(" })
        {
            let inner = String(compact[compact.index(after: open)..<compact.index(before: compact.endIndex)])
            if !inner.isEmpty, inner.count <= 4, !inner.contains(where: \.isASCIIDigit) { return inner }
        }
        if compact.hasSuffix("%") || compact.hasSuffix("％") { return "%" }
        return nil
    }

    /// The quantity a numeric cell states, in `unit` (万元 becomes 元, ×10⁴).
    static func quantity(_ cell: NumericCell, unit: String?, header: String) -> Quantity {
        let unitText = cell.isPercent ? "%" : (unit ?? "")
        var quantity = Quantity(text: cell.number + (cell.isPercent ? "%" : ""), value: cell.value, unit: cell.isPercent ? "%" : unit)
        if !unitText.isEmpty, let parsed = QuantityParser.parse(cell.number + unitText).first, parsed.value != nil,
            parsed.text == cell.number + unitText
        {
            quantity = parsed
            quantity.text = cell.number + (cell.isPercent ? "%" : "")
        }
        quantity.note = cell.note
        quantity.field = "fields." + header
        return quantity
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
