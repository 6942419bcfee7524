import PlanModel

/// Splits a schedule into milestones, one per period: a schedule cell holds one line per
/// quarter (一季度，… / 二、三季度，… / 全年，…) or several periods in one line
/// (一季度，完成投资1亿元。二季度，累计完成投资3亿元。…).
///
/// Within a line, `ScheduleSplitter` finds the dated items; text printed before the first
/// one on the same line (莞番高速三期工程：) stays in front of each item, as printed. Across
/// lines, a line with no period is read by what follows it: followed by a period, it is a
/// heading for the milestones under it (公办中小学学位方面：) and is kept, on its own line, in
/// front of each of their texts; after a milestone with no period after it, it continues that milestone (a
/// list of projects under 全年跟进项目：); anything else stands alone.
///
/// Splitting runs on the printed text (before script conversion) so that the printed and
/// the converted milestones correspond one to one; periods are recognised on a simplified
/// fold of the line, which keeps scalar offsets.
enum MilestoneSplitter {
    /// One stretch of schedule text: dated (it opens with a period) or not.
    struct Piece {
        var text: String
        var isDated: Bool
    }

    static func split(_ schedule: String) -> [String] {
        let pieces = schedule.split(separator: "\n").flatMap { Self.pieces(ofLine: $0) }
        var milestones: [String] = []
        var heading: String?
        var lastWasMilestone = false
        for (index, piece) in pieces.enumerated() {
            if piece.isDated {
                milestones.append((heading.map { $0 + "\n" } ?? "") + piece.text)
                lastWasMilestone = true
                continue
            }
            let nextIsDated = index + 1 < pieces.count && pieces[index + 1].isDated
            if nextIsDated {
                heading = piece.text
                lastWasMilestone = false
            } else if lastWasMilestone, !milestones.isEmpty {
                milestones[milestones.count - 1] += "\n" + piece.text
                heading = nil
            } else {
                milestones.append(piece.text)
                lastWasMilestone = true
                heading = nil
            }
        }
        return milestones
    }

    /// A line's dated items (each with the line's own heading in front), or the whole line
    /// as one undated piece.
    static func pieces(ofLine line: Substring) -> [Piece] {
        let printed = Array(TextCleanup.singleLine(line).unicodeScalars)
        guard !printed.isEmpty else { return [] }
        let folded = CharacterFold.simplifiedKey(String(String.UnicodeScalarView(printed)))
        let items = ScheduleSplitter.split(folded, year: nil)
        guard !items.isEmpty else { return [Piece(text: String(String.UnicodeScalarView(printed)), isDated: false)] }

        let starts = items.map { folded.unicodeScalars.distance(from: folded.startIndex, to: $0.range.lowerBound) }
        let heading = String(String.UnicodeScalarView(printed[0..<starts[0]]))
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : printed.count
            let text = TextCleanup.singleLine(String(String.UnicodeScalarView(printed[starts[index]..<end])))
            return Piece(text: heading + text, isDated: true)
        }
    }

    /// The sentences of an item's running text that name a time (`2019年6月底前，完成…`;
    /// `在2012年10月底前出台…`): an item printed without a schedule states its dates this way.
    static func datedSentences(of text: String) -> [String] {
        var sentences: [String] = []
        for line in text.split(separator: "\n") {
            for sentence in TextCleanup.clauses(of: String(line), separators: "。；;") {
                let folded = CharacterFold.simplifiedKey(sentence)
                if TimeParser.parse(folded, year: nil).contains(where: { $0.time.kind != .recurrence }) {
                    sentences.append(sentence)
                }
            }
        }
        return sentences
    }

    /// Whether text opens with a period (after spaces or a list label).
    static func opensWithPeriod(_ text: some StringProtocol) -> Bool {
        let folded = CharacterFold.simplifiedKey(TextCleanup.singleLine(text.prefix(40)))
        return TimeParser.leadingMatch(in: folded, year: nil) != nil
    }
}
