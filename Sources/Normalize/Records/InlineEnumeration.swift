/// The items of a list run together in one paragraph: markers that count 1, 2, 3 … each at
/// the start of a clause (after `。`, `；`, `：`, `，` or the paragraph's start).
enum InlineEnumeration {
    struct Item: Hashable, Sendable {
        var marker: EnumerationMarker
        /// The item's text after its marker.
        var text: String
        /// The paragraphs it was read from, for an item printed as paragraphs of its own.
        var paragraphs: Range<Int>? = nil
    }

    /// The list starting at its item 1 inside `text`, with at least two items; nil when there is none.
    static func items(in text: String) -> [Item]? {
        list(in: text)?.items
    }

    /// The list and the text before its first item.
    static func list(in text: String) -> (leadIn: String, items: [Item])? {
        let scalars = ScalarLine.scalars(of: text)
        return list(in: scalars[...]).map { (String(scalars: $0.leadIn), $0.items) }
    }

    /// The longest lead-in a caller takes: at most `length` scalars holding at most `fullStops`
    /// of `。`.
    struct LeadInLimit {
        var length: Int
        var fullStops: Int
    }

    /// `list(in:)` of a text given as scalars; the lead-in as scalars. With `limit`, a list whose
    /// lead-in is longer is not wanted: the scan stops, with nil, as soon as no other list can
    /// come (a caller trying many openings in one long paragraph would otherwise scan the rest
    /// of it, and build its items, for each). The limit only ends the scan early; a list
    /// returned may still exceed it in full stops (marks inside item markers are not counted),
    /// so the caller checks what it returns.
    static func list(in scalars: ArraySlice<Unicode.Scalar>, limit: LeadInLimit? = nil)
        -> (leadIn: ArraySlice<Unicode.Scalar>, items: [Item])?
    {
        let clauseEnds = Self.clauseEnds
        let first = scalars.startIndex
        let leadInEnd = limit.map { first + $0.length } ?? Int.max
        let maxFullStops = limit?.fullStops ?? Int.max
        // Full stops before `index` (outside skipped markers): a lead-in up to `index` holds them.
        var fullStops = 0
        var starts: [(offset: Int, marker: EnumerationMarker)] = []
        var index = first
        var depth = 0
        while index < scalars.endIndex {
            // A list opening later would have a longer lead-in; the first item of one opened
            // in time is replaced only by a later item 1 (below).
            if starts.isEmpty, index > leadInEnd || fullStops > maxFullStops { return nil }
            let scalar = scalars[index]
            let atClauseStart = index == first || clauseEnds.contains(scalars[index - 1])
            if depth == 0, atClauseStart, let marker = EnumerationMarker.parse(scalars[index...]) {
                if let last = starts.last?.marker, last.isFollowed(by: marker) {
                    starts.append((index, marker))
                    index += marker.length
                    continue
                }
                if marker.value == 1, starts.count < 2 {
                    if index > leadInEnd || fullStops > maxFullStops { return nil }
                    starts = [(index, marker)]
                    index += marker.length
                    continue
                }
            }
            switch scalar {
            case "“", "《": depth += 1
            case "”", "》": depth = max(0, depth - 1)
            case "。": fullStops += 1
            default: break
            }
            index += 1
        }
        guard starts.count >= 2 else { return nil }
        var items: [Item] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].offset : scalars.endIndex
            let body = ScalarLine.singleLine(scalars[(start.offset + start.marker.length)..<end])
            items.append(Item(marker: start.marker, text: String(scalars: body).trimmingTrailing(in: "；;，,")))
        }
        return (scalars[..<starts[0].offset], items)
    }

    /// What a clause ends with: a marker after one opens an item.
    static let clauseEnds = Array("。；;：:，,！!".unicodeScalars)
}
