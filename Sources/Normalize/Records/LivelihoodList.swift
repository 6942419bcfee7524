/// A 民生实事 list: the livelihood projects a government promises for the year
/// (`今年再办好15件民生实事`, `继续认真办好十方面民生实事`, `附件：2024年十件民生实事`). Each item is a
/// task even when no owner is named.
///
/// A list is a declaration followed by its items, either run together after the declaration in
/// the same paragraph (`一是…二是…`, `（1）…（2）…`) or as the paragraphs after it, each opening
/// with the next marker. A declaration no items follow (`15件民生实事全部兑现`) is a report on the
/// past, not a list.
struct LivelihoodList: Hashable, Sendable {
    /// The count the declaration names (15 for 15件, 10 for 十方面), if any.
    var declared: Int?
    /// The items; each names the paragraphs it was read from unless the list runs inline.
    var items: [InlineEnumeration.Item]

    /// The paragraphs the items take (empty when they run inside the declaring paragraph).
    var itemParagraphs: Range<Int> {
        guard let first = items.first?.paragraphs, let last = items.last?.paragraphs else { return 0..<0 }
        return first.lowerBound..<last.upperBound
    }

    /// Words that name such a list.
    static let names = ["民生实事", "惠民实事", "为民实事", "为民办实事", "民生项目", "惠民工程", "民生工程"]
    /// Words that count the list: 件, 项, 方面, 类, 大 (十大民生实事), 个.
    static let countWords = ["件", "项", "方面", "类", "大", "个"]

    /// Words that say the list is done: a report on last year's list, not this year's.
    static let completionWords = ["完成", "兑现", "办结", "建成"]

    /// A place where `text` names such a list: the count before the name, where the declaring
    /// sentence ends (scalar offset), and whether it is the paragraph's last sentence.
    struct Declaration {
        var declared: Int?
        var sentenceEnd: Int
        var end: Int
        var isLastSentence: Bool
    }

    /// Every declaration in `text`, last first; sentences that report a list as done are not.
    static func declarations(in text: String) -> [Declaration] {
        // Every name holds 实事, 民生 or 惠民 (or their traditional forms): most paragraphs hold none.
        guard ["实事", "實事", "民生", "惠民"].contains(where: { text.containsText($0) }) else { return [] }
        let scalars = CharacterFold.simplifiedScalars(of: text)
        var found: [Declaration] = []
        for name in nameWords.words {
            var from = 0
            while let start = firstOffset(of: name, in: scalars, from: from) {
                let end = start + name.count
                from = end
                var sentenceStart = start
                while sentenceStart > 0, !sentenceStops.contains(scalars[sentenceStart - 1]) { sentenceStart -= 1 }
                var sentenceEnd = end
                while sentenceEnd < scalars.count, !sentenceStops.contains(scalars[sentenceEnd]) { sentenceEnd += 1 }
                // `15件民生实事全部兑现`, `已完成40件民生实事`: the clause naming the list says it is done
                // (the items after `包括：` may well say 完成).
                var clauseStart = start
                while clauseStart > sentenceStart, !clauseStops.contains(scalars[clauseStart - 1]) { clauseStart -= 1 }
                var clauseEnd = end
                while clauseEnd < sentenceEnd, !clauseStops.contains(scalars[clauseEnd]) { clauseEnd += 1 }
                if completionWordList.occurs(in: scalars[clauseStart..<clauseEnd]) { continue }
                if found.contains(where: { $0.end == end }) { continue }
                let before = scalars[max(0, start - 12)..<start].filter { $0 != "“" && $0 != "\"" }
                let afterSentence = scalars[min(sentenceEnd + 1, scalars.count)...]
                found.append(Declaration(
                    declared: count(before: before), sentenceEnd: sentenceEnd, end: end,
                    isLastSentence: afterSentence.allSatisfy { $0.properties.isWhitespace }))
            }
        }
        return found.sorted { $0.end > $1.end }
    }

    static let nameWords = ScalarWords(names)
    static let countWordList = ScalarWords(countWords)
    static let completionWordList = ScalarWords(completionWords)
    /// What may stand between a declaration and the first item of a list inline after it: at
    /// most 40 scalars, one sentence end among them.
    static let inlineLeadIn = InlineEnumeration.LeadInLimit(length: 40, fullStops: 1)
    /// What ends a sentence, and what ends a clause besides.
    static let sentenceStops = Array("。！!；;".unicodeScalars)
    static let clauseStops = Array("，,：:".unicodeScalars) + sentenceStops

    /// The offset of the first `word` in `scalars` at or after `from`.
    private static func firstOffset(of word: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int) -> Int? {
        var index = from
        while index + word.count <= scalars.count {
            if scalars[index] == word[0], ScalarWords.matches(word, scalars, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Whether `text` declares such a list, with the count it names.
    static func declaration(in text: String) -> Declaration? {
        declarations(in: text).first
    }

    /// `15件` / `十方面` / `十大` just before the list's name, or a few words before it
    /// (`15件市级重点民生实事`).
    private static func count(before scalars: [Unicode.Scalar]) -> Int? {
        var end = scalars.count
        while end > 0 {
            if let word = countWordList.words.first(where: { ScalarWords.matches($0, scalars, at: end - $0.count) }) {
                let numeralEnd = end - word.count
                var start = numeralEnd
                while start > 0, scalars[start - 1].isASCIIDigit || scalars[start - 1].chineseDigitValue != nil { start -= 1 }
                if start < numeralEnd {
                    let numeral = String(scalars: scalars[start..<numeralEnd])
                    if let value = Int(numeral) ?? ChineseNumeral.value(of: numeral) { return value }
                }
            }
            end -= 1
        }
        return nil
    }

    /// The list declared in `paragraphs[index]`, with its items inline or in the paragraphs after
    /// it; `candidates` are the paragraph's `declarations(in:)`, which the caller keeps too.
    static func read(_ paragraphs: [String], at index: Int, declarations candidates: [Declaration]) -> LivelihoodList? {
        guard !candidates.isEmpty else { return nil }
        let scalars = ScalarLine.scalars(of: paragraphs[index])
        let declared = candidates.lazy.compactMap(\.declared).first
        for candidate in candidates {
            // Items run on in the same paragraph right after the declaring sentence.
            if let (leadIn, items) = InlineEnumeration.list(in: scalars[candidate.end...], limit: Self.inlineLeadIn),
                leadIn.count <= Self.inlineLeadIn.length,
                leadIn.filter({ $0 == "。" }).count <= Self.inlineLeadIn.fullStops
            {
                return LivelihoodList(declared: candidate.declared ?? declared, items: items)
            }
        }
        // Or the paragraph ends with the declaration and the items follow it.
        if let last = candidates.first(where: \.isLastSentence), let items = following(paragraphs, after: index) {
            return LivelihoodList(declared: last.declared ?? declared, items: items)
        }
        // Or, unmarked, after a colon: `15件民生实事，包括：A；B；…；O。`, as many as declared.
        for candidate in candidates {
            if let count = candidate.declared, let items = unmarked(scalars, after: candidate.end, count: count) {
                return LivelihoodList(declared: count, items: items)
            }
        }
        // Or, unmarked, as the sentences after the declaration that open alike.
        for candidate in candidates {
            if let count = candidate.declared, let items = openingAlike(scalars, after: candidate.sentenceEnd, count: count) {
                return LivelihoodList(declared: count, items: items)
            }
        }
        return nil
    }

    /// Items printed without markers as the sentences after the declaring one, each item's
    /// first sentence opening with the same words (`投入…实施甲工程，…。…。投入…实施乙工程，…。`):
    /// the words the sentence right after the declaration opens with, two to four ideographs,
    /// must open exactly as many sentences of the rest of the paragraph as the declaration
    /// counts (at least three). Each item runs to the next; the last to the paragraph's end.
    static func openingAlike(_ scalars: [Unicode.Scalar], after sentenceEnd: Int, count: Int) -> [InlineEnumeration.Item]? {
        guard count >= 3 else { return nil }
        var starts: [Int] = []
        var index = sentenceEnd + 1
        while index < scalars.count {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count else { break }
            starts.append(index)
            while index < scalars.count, !sentenceStops.contains(scalars[index]) { index += 1 }
            index += 1
        }
        guard let first = starts.first, starts.count >= count else { return nil }
        for length in 2...4 {
            guard first + length <= scalars.count else { return nil }
            let opening = scalars[first..<(first + length)]
            guard opening.allSatisfy({ $0.properties.isIdeographic }) else { return nil }
            let openers = starts.filter { $0 + length <= scalars.count && scalars[$0..<($0 + length)].elementsEqual(opening) }
            // A longer opening only opens fewer sentences.
            if openers.count < count { return nil }
            guard openers.count == count else { continue }
            return openers.enumerated().map { position, start in
                let end = position + 1 < openers.count ? openers[position + 1] : scalars.count
                let text = TextCleanup.singleLine(String(scalars: scalars[start..<end]))
                let numeral = String(position + 1)
                let marker = EnumerationMarker(style: .label(.arabicDot), value: position + 1, numeral: numeral, length: 0)
                return InlineEnumeration.Item(marker: marker, text: text)
            }
        }
        return nil
    }

    /// Items printed without markers after a colon near the declaration, up to the sentence's
    /// end, split on `；` (or on `，` when there is none): a list only when there are exactly as
    /// many as the declaration counts.
    static func unmarked(_ scalars: [Unicode.Scalar], after end: Int, count: Int) -> [InlineEnumeration.Item]? {
        guard count >= 2,
            let colon = scalars[end..<min(scalars.count, end + 12)].firstIndex(where: { $0 == "：" || $0 == ":" })
        else { return nil }
        var stop = colon + 1
        while stop < scalars.count, scalars[stop] != "。" { stop += 1 }
        let text = String(scalars: scalars[(colon + 1)..<stop])
        for separators in ["；;", "，,"] {
            let pieces = TextCleanup.clauses(of: text, separators: separators)
            guard pieces.count == count else { continue }
            return pieces.enumerated().map { position, piece in
                let numeral = String(position + 1)
                let marker = EnumerationMarker(style: .label(.arabicDot), value: position + 1, numeral: numeral, length: 0)
                return InlineEnumeration.Item(marker: marker, text: piece)
            }
        }
        return nil
    }

    /// Paragraphs after `index` that open with markers counting from 1. Unmarked paragraphs
    /// between two items belong to the item before them (a web page prints `1 医疗卫生` and its
    /// text below it); after the last item, one paragraph is taken only when the item so far is
    /// a caption.
    static func following(_ paragraphs: [String], after index: Int) -> [InlineEnumeration.Item]? {
        var items: [InlineEnumeration.Item] = []
        var pending: [String] = []
        var next = index + 1
        while next < paragraphs.count {
            let scalars = ScalarLine.scalars(of: paragraphs[next])
            guard let marker = EnumerationMarker.parse(scalars[...]) ?? EnumerationMarker.bareNumber(scalars[...]) else {
                guard !items.isEmpty, pending.count < 3 else { break }
                pending.append(paragraphs[next])
                next += 1
                continue
            }
            if let last = items.last?.marker {
                guard last.isFollowed(by: marker) else { break }
            } else if marker.value != 1 {
                break
            }
            if !pending.isEmpty {
                items[items.count - 1].text = joined(items[items.count - 1].text, pending)
                items[items.count - 1].paragraphs = items[items.count - 1].paragraphs.map { $0.lowerBound..<next }
                pending = []
            }
            let body = ScalarLine.singleLine(scalars[marker.length...])
            items.append(InlineEnumeration.Item(marker: marker, text: String(scalars: body), paragraphs: next..<(next + 1)))
            next += 1
        }
        if let last = items.last, let first = pending.first, last.text.unicodeScalars.count <= 20 {
            items[items.count - 1].text = joined(last.text, [first])
            items[items.count - 1].paragraphs = last.paragraphs.map { $0.lowerBound..<($0.upperBound + 1) }
        }
        return items.count >= 2 ? items : nil
    }

    /// A caption and the text under it, as one item: `医疗卫生` + `为…` → `医疗卫生。为…`.
    private static func joined(_ caption: String, _ paragraphs: [String]) -> String {
        var text = caption
        for paragraph in paragraphs {
            if let last = text.unicodeScalars.last, !"。；;！!：:".unicodeScalars.contains(last) { text += "。" }
            text += paragraph
        }
        return text
    }
}
