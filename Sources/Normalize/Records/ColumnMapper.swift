import PlanModel

/// Gives each table column its meaning: first from the printed header and its synonyms,
/// then from what the column holds, because headers are unreliable (seed 002 prints
/// 原文表述具体措施 over the numbered task statements and 原文表述/实施路径 over the sections).
enum ColumnMapper {
    /// Header keywords by field, most specific first. Matched on the simplified-folded header
    /// with spaces and separators removed; an exact match beats a contained keyword.
    static let synonyms: [(field: CanonicalField, keywords: [String])] = [
        (.leaders, ["责任领导", "分管领导", "牵头领导", "分管市领导", "责任市领导", "市领导", "负责领导", "联系领导", "负责人", "责任人"]),
        (.leadUnits, ["牵头单位", "主责单位", "牵头部门", "主责部门", "牵头责任单位", "责任主体", "主办单位"]),
        (.supportUnits, ["协助单位", "配合单位", "协办单位", "参与单位", "配合部门", "协助部门", "协同单位", "责任单位", "责任部门"]),
        (.milestones, ["季度进度安排", "进度安排", "时间节点", "计划进度", "时间进度", "进度计划", "推进计划", "完成时限", "时间安排", "完成时间", "节点安排"]),
        (.target, ["年度目标", "工作目标", "目标任务", "预期目标", "年度任务", "目标"]),
        (.measures, ["具体措施", "实施路径", "工作措施", "主要措施", "推进措施", "实施步骤", "措施"]),
        (.title, ["工作内容", "任务名称", "项目名称", "具体任务", "重点任务", "工作任务", "主要任务", "任务内容", "民生实事", "实事项目", "重点工作", "主要工作", "工作要点", "工作事项", "改革举措", "主要举措", "举措", "事项", "项目", "任务", "内容"]),
        (.section, ["总体要求", "类别", "领域", "重点领域", "板块", "序号类别", "分类", "工作类别", "原文表述"]),
    ]

    /// Each keyword's field (the first field listing it), for headers that are a keyword.
    static let fieldByKeyword: [String: CanonicalField] = {
        var fields: [String: CanonicalField] = [:]
        for (field, keywords) in synonyms {
            for keyword in keywords where fields[keyword] == nil { fields[keyword] = field }
        }
        return fields
    }()

    /// Maps every column. `headers[i]` is column i's printed header (already joined across
    /// header rows); `rows` are the body rows.
    static func map(headers: [String], rows: [Row]) -> [ColumnMapping] {
        var fields: [CanonicalField?] = headers.map(fieldByHeader)
        let width = headers.count

        // What the columns hold overrides what they say. Each cell's label is read once.
        let labels = labelStyles(rows: rows, width: width)
        if let titleColumn = dominantLabelColumn(
            labels: labels, width: width, styles: [.arabicDot, .arabicComma, .arabicFullStop], minimumFilled: 3)
        {
            if fields[titleColumn] != .title {
                for index in fields.indices where fields[index] == .title { fields[index] = nil }
                fields[titleColumn] = .title
            }
            let sectionStyles: [ListLabel.Style] = [.chineseComma, .chineseParen, .arabicParen]
            // Merged section cells leave few cells of their own, so two labelled ones suffice.
            if let sectionColumn = dominantLabelColumn(labels: labels, width: titleColumn, styles: sectionStyles, minimumFilled: 2),
                sectionColumn < titleColumn
            {
                for index in fields.indices where fields[index] == .section { fields[index] = nil }
                fields[sectionColumn] = .section
            }
        }
        // A column of numbers never holds task statements (任务数 over 120, 80, …): the title
        // is the first column of text instead.
        if let titleColumn = fields.firstIndex(of: .title), isMostlyNumeric(rows: rows, column: titleColumn) {
            fields[titleColumn] = nil
            if let text = (0..<width).first(where: { column in
                fields[column] == nil && !TableTaskBuilder.isNumberHeader(headers[column])
                    && !isMostlyNumeric(rows: rows, column: column) && hasText(rows: rows, column: column)
            }) {
                fields[text] = .title
            }
        }
        // No header names the statements (an unknown word over them): the column no header
        // claimed whose cells hold the most Chinese text, when that reads as statements.
        if !fields.contains(.title), let (column, han) = (0..<width).filter({ column in
            fields[column] == nil && !TableTaskBuilder.isNumberHeader(headers[column]) && !isMostlyNumeric(rows: rows, column: column)
        }).map({ ($0, hanPerCell(rows: rows, column: $0)) }).max(by: { $0.1 < $1.1 }),
            han >= minimumStatementHan
        {
            fields[column] = .title
        }
        // A schedule column the headers did not name is found by its lines (一季度，…).
        if !fields.contains(.milestones), let milestoneColumn = dominantScheduleColumn(rows: rows, width: width),
            fields[milestoneColumn] == nil || fields[milestoneColumn] == .target || fields[milestoneColumn] == .measures
        {
            fields[milestoneColumn] = .milestones
        }

        // One column per field. Milestones may have several (one per quarter), and sections
        // several levels left of the title (领域 over 类别, each merged down in its column).
        let titleIndex = fields.firstIndex(of: .title) ?? fields.count
        var seen: Set<CanonicalField> = []
        for index in fields.indices {
            guard let field = fields[index] else { continue }
            if field == .milestones || (field == .section && index < titleIndex) { continue }
            if seen.contains(field) { fields[index] = nil } else { seen.insert(field) }
        }
        return zip(headers, fields).map { ColumnMapping(header: $0, field: $1) }
    }

    /// A header joined across rows (责任单位/牵头单位) is read by its last, most specific part
    /// first, then as a whole.
    static func fieldByHeader(_ header: String) -> CanonicalField? {
        let parts = header.split(separator: "/")
        if parts.count > 1, let last = parts.last, let field = fieldByHeaderText(String(last)) { return field }
        return fieldByHeaderText(header)
    }

    static func fieldByHeaderText(_ header: String) -> CanonicalField? {
        let key = headerKey(CharacterFold.simplifiedKey(header))
        guard !key.isEmpty else { return nil }
        if let field = fieldByKeyword[key] { return field }
        // The longest keyword wins; between equals, the one printed last, which in Chinese is the
        // head noun (年度目标及工作内容 is a work-content column, 2020年工作目标 a target column).
        var best: (field: CanonicalField, length: Int, end: Int)?
        // A keyword whose last scalar the key lacks is not in it: told without a search.
        let keyScalars = Array(key.unicodeScalars)
        for (field, keywords) in synonyms {
            for keyword in keywords {
                guard let last = keyword.unicodeScalars.last, keyScalars.contains(last),
                    let range = key.lastRangeOfText(keyword)
                else { continue }
                let end = key.distance(from: key.startIndex, to: range.upperBound)
                if best == nil || keyword.count > best!.length || (keyword.count == best!.length && end > best!.end) {
                    best = (field, keyword.count, end)
                }
            }
        }
        return best?.field
    }

    /// For each column, the label style of each of its filled cells (nil for a cell without a
    /// label); blank cells and copies of spanning cells are left out.
    static func labelStyles(rows: [Row], width: Int) -> [[ListLabel.Style?]] {
        // Row by row, each row's cells read in place; every column keeps the order of the rows.
        var styles = [[ListLabel.Style?]](repeating: [], count: max(0, width))
        for row in rows {
            row.cells.withUnsafeBufferPointer { cells in
                for column in 0..<min(max(0, width), cells.count) {
                    if cells[column].isSpanCopy || TextCleanup.isBlank(cells[column].text) { continue }
                    styles[column].append(ListLabel.style(of: cells[column].text))
                }
            }
        }
        return styles
    }

    /// The folded header without spaces and separators. By scalars where each is a
    /// `Character` of its own (a header always, in practice), else by `Character`s.
    static func headerKey(_ folded: String) -> String {
        guard folded.unicodeScalars.allSatisfy(\.isOwnCharacter) else {
            return String(folded.filter { !$0.isWhitespace && !"/／:：()（）".contains($0) })
        }
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !scalar.properties.isWhitespace && !isKeySeparator(scalar) {
            key.append(scalar)
        }
        return String(key)
    }

    @inline(__always)
    private static func isKeySeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "／", ":", "：", "(", ")", "（", "）": true
        default: false
        }
    }

    /// The column (left of `width`) where most non-empty cells open with a label of the given
    /// styles, when that is at least half of them and at least `minimumFilled` cells. `labels`
    /// are the columns' `labelStyles`.
    static func dominantLabelColumn(
        labels: [[ListLabel.Style?]], width: Int, styles: [ListLabel.Style], minimumFilled: Int
    ) -> Int? {
        var best: (column: Int, share: Double)?
        for column in 0..<max(0, width) {
            let filled = labels[column].count
            let labelled = labels[column].count { $0.map(styles.contains) ?? false }
            guard filled >= minimumFilled, labelled * 2 >= filled else { continue }
            let share = Double(labelled) / Double(filled)
            if best == nil || share > best!.share { best = (column, share) }
        }
        return best?.column
    }

    /// Whether most filled cells of the column are numbers (`NumericCell`).
    static func isMostlyNumeric(rows: [Row], column: Int) -> Bool {
        var filled = 0
        var numbers = 0
        for row in rows where column < row.cells.count && !row.cells[column].isSpanCopy {
            let text = row.cells[column].text
            if NumericCell.isEmptyMark(text) { continue }
            filled += 1
            if NumericCell(text) != nil { numbers += 1 }
        }
        return filled >= 2 && numbers * 5 >= filled * 4
    }

    /// Chinese characters a cell of task statements holds on average, at least.
    static let minimumStatementHan = 12.0

    /// Chinese characters per filled cell of the column (span copies not counted).
    static func hanPerCell(rows: [Row], column: Int) -> Double {
        var filled = 0
        var han = 0
        for row in rows where column < row.cells.count && !row.cells[column].isSpanCopy && !row.cells[column].text.isEmpty {
            filled += 1
            han += row.cells[column].text.unicodeScalars.count(where: NumericTable.isHan)
        }
        return filled == 0 ? 0 : Double(han) / Double(filled)
    }

    /// Whether the column's cells hold Chinese text.
    static func hasText(rows: [Row], column: Int) -> Bool {
        rows.contains { row in
            column < row.cells.count && row.cells[column].text.unicodeScalars.contains(where: NumericTable.isHan)
        }
    }

    /// The column whose cells' lines most often open with a period (一季度, 上半年, 全年 …).
    static func dominantScheduleColumn(rows: [Row], width: Int) -> Int? {
        var best: (column: Int, count: Int)?
        for column in 0..<width {
            var count = 0
            for row in rows where column < row.cells.count {
                var text = row.cells[column].text
                text.makeContiguousUTF8()
                text.utf8.withContiguousStorageIfAvailable { bytes in
                    TextCleanup.forEachLine(in: bytes) { line in
                        if MilestoneSplitter.opensWithPeriod(UnsafeBufferPointer(rebasing: bytes[line])) { count += 1 }
                    }
                }
            }
            if count >= 3, best == nil || count > best!.count { best = (column, count) }
        }
        return best?.column
    }
}
