import PlanModel

/// What the cells of one column of a flattened table look like, learned from its rows that
/// hold exactly one line per cell, so that a row with more or fewer lines can be split into
/// cells that fit their columns.
struct ColumnProfile: Hashable, Sendable {
    /// The shapes a cell line takes.
    enum Shape: CaseIterable {
        /// A unit or person's name: short, no sentence punctuation (市发展改革局, 各区政府).
        case name
        /// A deadline or period (2026年6月底前, 三季度, 长期坚持).
        case date
        /// A number, with its unit (300, 1.5万元, 95%).
        case number
        /// A statement: long, or punctuated.
        case statement
    }

    /// What the name of a unit, a place or a body ends with (市财政局, 各区政府, 市委宣传部,
    /// 团市委, 某某街道, 某某中心): names are told from short statements by their last character.
    static let nameEndings: Set<Character> = [
        "局", "委", "办", "厅", "部", "府", "院", "会", "所", "站", "队", "处", "科", "室", "心", "组", "团", "社", "校",
        "馆", "司", "行", "区", "县", "市", "镇", "乡", "道", "村", "门", "位", "署", "盟", "旗", "州", "省", "联", "军",
    ]

    /// Share of the column's sample lines of each shape.
    var shares: [Shape: Double]
    /// Whether a cell of this column holds several names, one per line.
    var holdsNameLists: Bool

    func share(_ shape: Shape) -> Double { shares[shape] ?? 0 }

    static func shape(of line: String) -> Shape {
        let text = line.filter { !$0.isWhitespace }
        if !text.isEmpty, text.allSatisfy({ $0.isLatinDigit || ".%％,万亿元个人次项家所".contains($0) }), text.first!.isLatinDigit {
            return .number
        }
        if text.count <= 16, isDate(text) { return .date }
        if text.count <= 20, !text.contains(where: { "。，；：！？、".contains($0) }), let last = text.last,
            nameEndings.contains(last)
        {
            return .name
        }
        return .statement
    }

    /// Words that make a short line a date wherever they stand.
    static let dateWords = ["季度", "底前", "前完成", "长期", "持续推进", "上半年", "下半年", "全年", "年底", "年内", "月底"]
    /// Numerals a year or month is counted in (2026年, 6月, 二〇二六年, 十二月).
    static let dateNumerals: Set<Character> = Set("0123456789０１２３４５６７８９〇零一二三四五六七八九十")

    /// A deadline or period: a date word, or 年/月 after a numeral (2026年6月底前, 9月投入使用) —
    /// not the 年 of 老年, 青年 or 少年, which statements hold.
    static func isDate(_ text: String) -> Bool {
        if dateWords.contains(where: { text.contains($0) }) { return true }
        var previous: Character?
        for character in text {
            if character == "年" || character == "月", let previous, dateNumerals.contains(previous) { return true }
            previous = character
        }
        return false
    }

    /// Profiles for `width` columns from the rows that fit them exactly; a column no such row
    /// shows is read from its header (`…单位`, `…部门` hold names; `…时限`, `…时间` dates).
    static func learn(rows: [[String]], width: Int, headers: [String]) -> [ColumnProfile] {
        let exact = rows.filter { $0.count == width }
        return (0..<width).map { column in
            var counts: [Shape: Int] = [:]
            for row in exact { counts[shape(of: row[column]), default: 0] += 1 }
            let header = column < headers.count ? headers[column] : ""
            let namesByHeader = ["单位", "部门", "單位", "責任人", "责任人", "领导", "領導"].contains { header.contains($0) }
            if exact.isEmpty {
                if namesByHeader {
                    counts[.name] = 1
                } else if ["时限", "时间", "時限", "時間", "进度", "節點", "节点"].contains(where: { header.contains($0) }) {
                    counts[.date] = 1
                } else {
                    counts[.statement] = 1
                }
            }
            let total = Double(max(1, counts.values.reduce(0, +)))
            var shares: [Shape: Double] = [:]
            for (shape, count) in counts { shares[shape] = Double(count) / total }
            return ColumnProfile(shares: shares, holdsNameLists: namesByHeader || (shares[.name] ?? 0) >= 0.5)
        }
    }

    /// How a row's lines go to the columns: one row, or two under one vertically merged number.
    enum RowSplit: Equatable {
        /// How many of the lines go to each column, in order.
        case one([Int])
        /// The first row's sizes, then the second's; the second's lines follow the first's, and a
        /// column it leaves empty is the merged cell above.
        case twoUnderMergedNumber(first: [Int], second: [Int])
    }

    /// How many of `lines` go to each column, in order: the split whose cells fit their
    /// columns best (several names in one cell of a name column, empty cells where a row has
    /// too few lines).
    ///
    /// A row with more lines than cells may hold two rows under one vertically merged number
    /// (序号 5 over 开工建设养护楼 / 5月底前 and 开工建设老年大学 / 12月底前, one unit for both):
    /// the lines in two parts, each split over all the columns. Taken only where it fits clearly
    /// better than one row (several deadlines in one deadline cell, several statements in one
    /// cell, fit badly), and both parts open a cell of the same column of statements. A row of
    /// more than `mergedRowsMaximumLines` lines a column is not tried: two rows hold fewer, and
    /// each cut costs a whole split.
    static func split(_ lines: [String], into profiles: [ColumnProfile]) -> RowSplit {
        guard !profiles.isEmpty else { return .one([]) }
        if lines.count == profiles.count { return .one(Array(repeating: 1, count: profiles.count)) }
        let shapes = lines.map(shape(of:))
        let single = scoredSplit(shapes[...], into: profiles)
        guard profiles.count >= 2, lines.count > profiles.count,
            lines.count <= profiles.count * mergedRowsMaximumLines
        else { return .one(single.sizes) }
        var best: (first: [Int], second: [Int], score: Double)?
        for cut in 1..<shapes.count where shapes[cut] == .statement {
            let first = scoredSplit(shapes[..<cut], into: profiles)
            let second = scoredSplit(shapes[cut...], into: profiles)
            // The second row opens with its own statement, in a column of statements the first fills too.
            guard let opening = second.sizes.firstIndex(where: { $0 > 0 }), profiles[opening].share(.statement) >= 0.5,
                first.sizes[opening] > 0
            else { continue }
            let score = first.score + second.score
            if score > best?.score ?? -Double.infinity { best = (first.sizes, second.sizes, score) }
        }
        guard let best, best.score >= single.score + mergedRowsMargin else { return .one(single.sizes) }
        return .twoUnderMergedNumber(first: best.first, second: best.second)
    }

    /// How much better two rows must fit than one to be read as two.
    static let mergedRowsMargin = 1.0

    /// The most lines a column a row may hold to be tried as two rows under one merged number.
    static let mergedRowsMaximumLines = 4

    /// The best split of lines of `shapes` into the columns, with its score.
    private static func scoredSplit(_ shapes: ArraySlice<Shape>, into profiles: [ColumnProfile]) -> (sizes: [Int], score: Double) {
        let width = profiles.count
        let shapes = Array(shapes)
        let count = shapes.count
        // best[c][i]: best score placing the first i lines into the first c columns.
        let unreachable = -Double.infinity
        var best = Array(repeating: Array(repeating: unreachable, count: count + 1), count: width + 1)
        var choice = Array(repeating: Array(repeating: 0, count: count + 1), count: width + 1)
        best[0][0] = 0
        for column in 0..<width {
            let profile = profiles[column]
            for start in 0...count where best[column][start] > unreachable {
                for end in start...count {
                    let size = end - start
                    var score: Double
                    // Between splits that fit equally, the later column is the empty one and the
                    // one holding a list: support columns are empty, and long, more often
                    // than lead columns.
                    let lateness = Double(column) * 0.01
                    if size == 0 {
                        score = -0.6 + lateness
                    } else {
                        score = (start..<end).reduce(0) { $0 + profile.share(shapes[$1]) }
                        if size > 1 {
                            let allNames = (start..<end).allSatisfy { shapes[$0] == .name }
                            score += Double(size - 1) * (allNames && profile.holdsNameLists ? 0.3 + lateness : -0.8)
                        }
                    }
                    let total = best[column][start] + score
                    if total > best[column + 1][end] {
                        best[column + 1][end] = total
                        choice[column + 1][end] = size
                    }
                }
            }
        }
        var sizes = Array(repeating: 0, count: width)
        var end = count
        for column in stride(from: width, to: 0, by: -1) {
            sizes[column - 1] = choice[column][end]
            end -= choice[column][end]
        }
        return (sizes, best[width][count])
    }
}
