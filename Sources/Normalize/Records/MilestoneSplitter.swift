/// Splits a schedule into milestones, one per period: a schedule cell holds one line per
/// quarter (一季度，… / 二、三季度，… / 全年，…) or several periods in one line
/// (一季度，完成投资1亿元。二季度，累计完成投资3亿元。…).
///
/// Lines that open with no period are read by what follows them: a line followed by a
/// period is a heading for the milestones under it (公办中小学学位方面：) and is kept in
/// front of each of their texts; a line after a milestone with no period after it continues
/// that milestone (a list of projects under 全年跟进项目：); anything else stands alone.
enum MilestoneSplitter {
    static func split(_ schedule: String) -> [String] {
        let pieces = schedule.split(separator: "\n").flatMap(splitAtPeriods)
        var milestones: [String] = []
        var heading: String?
        var lastWasMilestone = false
        for (index, piece) in pieces.enumerated() {
            if opensWithPeriod(piece) {
                milestones.append((heading ?? "") + piece)
                lastWasMilestone = true
                continue
            }
            let nextOpensWithPeriod = index + 1 < pieces.count && opensWithPeriod(pieces[index + 1])
            if nextOpensWithPeriod {
                heading = piece
                lastWasMilestone = false
            } else if lastWasMilestone, !milestones.isEmpty {
                milestones[milestones.count - 1] += "\n" + piece
                heading = nil
            } else {
                milestones.append(piece)
                lastWasMilestone = true
                heading = nil
            }
        }
        return milestones
    }

    /// Cuts a line after `。`, `；` or `：` where the text after it opens with a period.
    static func splitAtPeriods(_ line: Substring) -> [String] {
        var pieces: [String] = []
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            guard scalar.endsClause, index < scalars.endIndex else { continue }
            if opensWithPeriod(line[index...]) {
                let piece = TextCleanup.singleLine(line[start..<index])
                if !piece.isEmpty { pieces.append(piece) }
                start = index
            }
        }
        let last = TextCleanup.singleLine(line[start...])
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    static func opensWithPeriod(_ text: some StringProtocol) -> Bool {
        if SchedulePeriod.opens(text) { return true }
        let trimmed = String(text.drop { $0.isCollapsibleSpace }.prefix(24))
        let folded = CharacterFold.simplifiedKey(trimmed)
        guard let first = TimeParser.parse(folded, year: 2000).first else { return false }
        return first.range.lowerBound == folded.startIndex
    }
}

extension Unicode.Scalar {
    /// `。` `；` `;` `：` `:`, after which a new period may begin.
    var endsClause: Bool {
        switch value {
        case 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A: true
        default: false
        }
    }
}
