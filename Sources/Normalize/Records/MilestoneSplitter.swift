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
        split(schedule, isCollapsed: false)
    }

    /// `split` of a schedule already through `TextCleanup.collapsingWhitespace` (a table
    /// cell as printed): each of its lines is its own `singleLine`, and is read as it is.
    static func split(collapsed schedule: String) -> [String] {
        split(schedule, isCollapsed: true)
    }

    private static func split(_ schedule: String, isCollapsed: Bool) -> [String] {
        // Room for the pieces and item starts of most schedules, made once instead of grown.
        var pieces: [Piece] = []
        pieces.reserveCapacity(8)
        var schedule = schedule
        schedule.makeContiguousUTF8()
        schedule.utf8.withContiguousStorageIfAvailable { bytes in
            var starts: [Int] = []
            starts.reserveCapacity(8)
            // (A line's CR, if any, is removed with the other spaces.)
            TextCleanup.forEachLine(in: bytes) { range in
                // Most schedules are one line with no space to collapse: `singleLine` gives that
                // line back as the schedule itself, neither collapsed nor copied.
                if range.count == bytes.count {
                    let printed = isCollapsed ? schedule : TextCleanup.singleLine(schedule)
                    Self.appendPieces(ofLine: printed, to: &pieces, starts: &starts)
                    return
                }
                let line = UnsafeBufferPointer(rebasing: bytes[range])
                let printed = isCollapsed ? String(validUTF8: line) : TextCleanup.singleLine(line)
                Self.appendPieces(ofLine: printed, to: &pieces, starts: &starts)
            }
        }
        var milestones: [String] = []
        milestones.reserveCapacity(pieces.count)
        var heading: String?
        var lastWasMilestone = false
        for (index, piece) in pieces.enumerated() {
            if piece.isDated {
                milestones.append(heading.map { $0 + "\n" + piece.text } ?? piece.text)
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
    /// as one undated piece, appended to `pieces`. The line is decoded once:
    /// the time scanner reads its simplified key, and the pieces are cut from its bytes at
    /// the UTF-8 offsets of the items the scanner found (kept in `starts`, a scratch buffer).
    private static func appendPieces(ofLine printed: String, to pieces: inout [Piece], starts: inout [Int]) {
        guard !printed.isEmpty else { return }
        let text = ScalarText(printed, simplifyingScript: true)
        starts.removeAll(keepingCapacity: true)
        ScheduleSplitter.forEachItemStart(in: text, year: nil, contentStarts: LineLabel.contentStarts(in: text)) { found in
            starts.append(text.utf8Offset(found.start))
            return true
        }
        guard !starts.isEmpty else {
            pieces.append(Piece(text: printed, isDated: false))
            return
        }
        // A line that is one item from its start, with no space to trim at its end: the piece is the line itself.
        if starts.count == 1, starts[0] == 0, printed.utf8.last != 0x20 {
            pieces.append(Piece(text: printed, isDated: true))
            return
        }
        func cut(_ bytes: UnsafeBufferPointer<UInt8>) {
            let headingEnd = starts[0]
            for index in starts.indices {
                var lower = starts[index]
                var upper = index + 1 < starts.count ? starts[index + 1] : bytes.count
                // The line is collapsed already: trimming its spaces is all `singleLine` would do.
                while lower < upper, bytes[lower] == 0x20 { lower += 1 }
                while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
                // A line that is one item from its start: the piece is the line itself.
                if headingEnd == 0, lower == 0, upper == bytes.count {
                    pieces.append(Piece(text: printed, isDated: true))
                    continue
                }
                // Cut between scalars of a valid string: the piece is valid UTF-8.
                let piece =
                    headingEnd == 0
                    ? String(validUTF8: UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                    : withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headingEnd + upper - lower) { output in
                        _ = output.initialize(fromContentsOf: bytes[0..<headingEnd])
                        _ = UnsafeMutableBufferPointer(rebasing: output[headingEnd...]).initialize(fromContentsOf: bytes[lower..<upper])
                        return String(validUTF8: UnsafeBufferPointer(output))
                    }
                pieces.append(Piece(text: piece, isDated: true))
            }
        }
        if printed.utf8.withContiguousStorageIfAvailable(cut) == nil { Array(printed.utf8).withUnsafeBufferPointer(cut) }
    }

    /// The sentences of an item's running text that name a time (`2019年6月底前，完成…`;
    /// `在2012年10月底前出台…`): an item printed without a schedule states its dates this way.
    /// The sentences are each line's `TextCleanup.clauses` at 。；; — cut from the text's bytes in
    /// place; only a sentence that may name a time (`TimeOpeningScalars`) is made a String and scanned.
    static func datedSentences(of text: String) -> [String] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var sentences: [String] = []
            TextCleanup.forEachLine(in: bytes) { line in
                let line = UnsafeBufferPointer(rebasing: bytes[line])
                TextCleanup.forEachClause(in: line, separators: sentenceEnds) { clause in
                    let clause = UnsafeBufferPointer(rebasing: line[clause])
                    guard TimeOpeningScalars.mayHoldTime(clause) else { return }
                    let sentence = TextCleanup.singleLine(clause)
                    guard !sentence.isEmpty else { return }
                    var scanner = TimeScanner(ScalarText(sentence, simplifyingScript: true), documentYear: nil)
                    while let next = scanner.next() {
                        guard next.kind == .recurrence else {
                            sentences.append(sentence)
                            break
                        }
                    }
                }
            }
            return sentences
        } ?? []
    }

    /// The marks a sentence of `datedSentences` ends at.
    private static let sentenceEnds: [Unicode.Scalar] = ["。", "；", ";"]

    /// Whether text opens with a period (after spaces or a list label).
    static func opensWithPeriod(_ text: some StringProtocol) -> Bool {
        if let opens = text.utf8.withContiguousStorageIfAvailable(opensWithPeriod) { return opens }
        var contiguous = String(text)
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(opensWithPeriod) ?? false
    }

    /// `opensWithPeriod` of UTF-8 bytes. The first 40 characters are found by scalars where
    /// that is exact, else by `Character`s.
    static func opensWithPeriod(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let line = TextCleanup.utf8Length(ofCharacters: 40, in: bytes).map { TextCleanup.singleLine(UnsafeBufferPointer(rebasing: bytes[..<$0])) }
            ?? TextCleanup.singleLine(String(decoding: bytes, as: UTF8.self).prefix(40))
        return TimeParser.leadingMatch(in: ScalarText(line, simplifyingScript: true), year: nil) != nil
    }
}
