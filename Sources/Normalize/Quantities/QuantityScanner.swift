import PlanModel

/// Walks a text once, scalar by scalar, and turns every amount `AmountReader` accepts into a
/// `Quantity`, adding what the words before it say:
/// - a comparator right before the number (不低于40%), shared by the items of a list that
///   follow it (分别不低于40%、70%、100%);
/// - a rate opened by 每 earlier in the same clause (每人每月980元 → per [人, 月]);
/// - 力争/争取 earlier in the same sentence (a target).
/// Quotations and titles (“四智”, 《…方案》) and 〔2020〕 are skipped whole.
struct QuantityScanner {
    private let text: ScalarText
    private var quantities: [Quantity] = []

    /// Denominators opened by 每 in the current clause.
    private var rate: [String] = []
    /// Where the 每 words start and end, for the text of the first quantity that uses them.
    private var rateSpan: Range<Int>?
    /// Whether a quantity already followed the current 每 words (a new 每 then starts afresh).
    private var rateUsed = false
    /// The unit of the first quantity the rate applied to. Later quantities of the clause
    /// share the rate only in the same unit: 每人每月980元提高到1060元, but not the 500亩 of
    /// 每个镇街启动1个500亩以上的项目.
    private var rateUnit: Int16?

    /// 力争 / 争取 in the current sentence.
    private var targetSpan: Range<Int>?
    private var targetTextUsed = false

    /// The end of the last quantity and the prefix comparator it had or shared, so the next
    /// item of a list (、 和 及 与 或) can share it.
    private var lastEnd = -1
    private var sharedComparator: Quantity.Comparator?

    /// Where `AmountReader` puts the numbers of a list that share the unit of its last one.
    private var sharing: [AmountReading] = []

    init(_ text: ScalarText) {
        self.text = text
    }

    /// Every scalar where something may start: a number (百/千/万 for 百名, 千名, 万名), 百分之, 每, 力争/争取, a quotation.
    private static let openingGroups = ["0123456789", "一二两三四五六七八九十百千万", "每力争", "“\"「『《〔"]
    /// The ends of clauses and sentences: they close a rate or a target.
    private static let closings = "，,。;!?:\n\r"
    /// Where something may happen while no rate or target is open (a clause end closes nothing then).
    private static let openings = ScalarSet(openingGroups)
    /// Where something may happen while a rate or a target is open.
    private static let candidates = ScalarSet(openingGroups + [closings])

    /// Whether `text` has anything an amount can start with: an Arabic digit (also
    /// full-width), a Chinese numeral a count may open with (一…九, 两, 兩, 十), 百 (百分之, 百名),
    /// 千 or 万 (千名, 万名).
    /// Without one, `scan()` finds nothing and the text need not be decoded at all.
    static func mayFindQuantity(in text: String) -> Bool {
        var text = text
        if let found = text.utf8.withContiguousStorageIfAvailable(mayFindQuantity) { return found }
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(mayFindQuantity) ?? true
    }

    /// The numerals `mayFindQuantity` looks for beyond ASCII digits, as printed (not folded):
    /// full-width digits, 一…九, 两, 兩, 十, 百 (百分之, 百名), 千 and 万 萬 (千名, 万名); all three bytes
    /// long in UTF-8.
    private static let printedNumerals = ScalarSet(["０１２３４５６７８９", "一二两兩三四五六七八九十百千万萬"])

    private static func mayFindQuantity(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let numerals = printedNumerals
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x30 < 10 { return true }
                index &+= 1
                continue
            }
            // Every numeral looked for is three bytes long; anything else is only stepped over.
            guard byte & 0xF0 == 0xE0 else {
                index &+= byte >= 0xF0 ? 4 : byte >= 0xC0 ? 2 : 1
                continue
            }
            // A three-byte lead too close to the end holds no whole scalar, nor does anything after it.
            guard index &+ 2 < count else { return false }
            if numerals.contains(utf8: byte, bytes[index &+ 1], bytes[index &+ 2]) { return true }
            index &+= 3
        }
        return false
    }

    mutating func scan() -> [Quantity] {
        scanAll()
        return quantities
    }

    /// Appends the quantities of `text` to `output` (in place: no array of its own to copy
    /// from) and returns how many it appended.
    static func scan(_ text: ScalarText, appendingTo output: inout [Quantity]) -> Int {
        let before = output.count
        var scanner = QuantityScanner(text)
        swap(&scanner.quantities, &output)
        scanner.scanAll()
        swap(&scanner.quantities, &output)
        return output.count - before
    }

    private mutating func scanAll() {
        let openings = Self.openings
        let candidates = Self.candidates
        var index = 0
        while true {
            // `rateSpan` is set exactly while a rate is open (see `readRate`, `closeRate`).
            if rateSpan == nil && targetSpan == nil {
                index = text.withScalars { openings.firstIndex(in: $0, from: index) }
            } else {
                index = text.withScalars { candidates.firstIndex(in: $0, from: index) }
            }
            guard index < text.count else { break }
            let scalar = text[index]
            if let close = text.closingMark(ofOpeningAt: index) {
                index = close + 1
                continue
            }
            if scalar.endsSentence { targetSpan = nil }
            if scalar.endsClause { closeRate() }

            switch scalar {
            case "每":
                index = readRate(at: index)
                continue
            case "力" where text[index + 1] == "争", "争" where text[index + 1] == "取":
                targetSpan = index..<index + 2
                targetTextUsed = false
                index += 2
                continue
            case _ where scalar.isASCIIDigit || NumberReader.isChineseNumeralStart(scalar)
                || (scalar == "百" && text[index + 1] == "分") || NumberReader.barePlaceCount(text, at: index) != nil:
                let outcome = AmountReader.read(text, at: index, sharing: &sharing)
                if let last = outcome.reading, let first = sharing.first {
                    let listed = sharing
                    sharing.removeAll(keepingCapacity: true)
                    // A list sharing one unit (1、3、5分钟) is measured, or not, as a whole.
                    let bounded = ComparatorLexicon.prefixes.match(in: text, endingAt: first.start) != nil
                        || last.suffixComparator != nil || last.isMoreThan
                    if !isTimeWindow(last) || bounded || isMeasured(before: first.start) || isMeasured(after: last.end) {
                        for reading in listed { emit(reading, asListItem: true) }
                        emit(last, asListItem: true)
                    }
                } else if let reading = outcome.reading {
                    emit(reading)
                }
                index = max(outcome.resume, index + 1)
                continue
            default:
                break
            }
            index += 1
        }
    }

    // MARK: - Rates (每)

    private mutating func closeRate() {
        rate = []
        rateSpan = nil
        rateUsed = false
        rateUnit = nil
    }

    /// Reads 每 and its denominator (人, 月, 千人, 千名老年人, 平方公里, 个镇街 → 镇街) and
    /// returns where scanning resumes. A number right after 每 is never an amount of its own.
    private mutating func readRate(at index: Int) -> Int {
        var cursor = index + 1
        let numeralStart = cursor
        if text[cursor].isASCIIDigit {
            while text[cursor].isASCIIDigit { cursor += 1 }
            if text[cursor] == "万" { cursor += 1 }
        } else {
            while NumberReader.chineseDigit(text[cursor]) != nil || NumberReader.chinesePlace(text[cursor]) != nil {
                cursor += 1
            }
        }
        let hasNumeral = cursor > numeralStart
        var end: Int?
        if UnitLexicon.denominatorClassifiers.contains(text[cursor]),
            let noun = UnitLexicon.denominators.match(in: text, at: cursor + 1)
        {
            end = noun.end  // 每名学生, 每千名老年人
        } else if let noun = UnitLexicon.denominators.match(in: text, at: cursor) {
            end = noun.end  // 每人, 每月, 每千人
        } else if hasNumeral, UnitLexicon.denominatorClassifiers.contains(text[cursor]) {
            end = cursor + 1  // 每千名…: at least "千名"
        }
        guard let end else { return max(cursor, index + 1) }

        // 每个镇街 → 镇街; 每千名老年人 keeps its numeral and classifier.
        var denominatorStart = numeralStart
        if !hasNumeral && UnitLexicon.denominatorClassifiers.contains(text[numeralStart]) && end > numeralStart + 1 {
            denominatorStart = numeralStart + 1
        }
        if rateUsed { closeRate() }
        // Real rates have two or three denominators (每人每月); more is not a rate.
        guard rate.count < 4 else { return end }
        rate.append(text.string(denominatorStart..<end))
        rateSpan = (rateSpan?.lowerBound ?? index)..<end
        return end
    }

    // MARK: - Quantities

    private static let listSeparators: [[Unicode.Scalar]] = ["、", "和", "及", "与", "或", "以及"].map { Array($0.unicodeScalars) }
    private static let longestListSeparator = listSeparators.map(\.count).max()!

    private mutating func emit(_ reading: AmountReading, asListItem: Bool = false) {
        var textStart = reading.start
        var prefix: Quantity.Comparator?
        var cursor = reading.start
        while text[cursor - 1] == " " { cursor -= 1 }
        // 近3年, 最近三个月: "the last three years", a time, not an approximate amount.
        if text[cursor - 1] == "近", text[cursor - 2] != "将", text[cursor - 2] != "接", isTimeWindow(reading) { return }
        if let match = ComparatorLexicon.prefixes.match(in: text, endingAt: cursor), isComparatorWord(match) {
            prefix = match.value
            textStart = match.start
        } else if let adverb = adverbComparator(before: cursor) {
            // 至少开展1场: the adverb bounds the number across a short verb.
            prefix = adverb.value
            textStart = adverb.start
        } else if let total = ComparatorLexicon.totals.match(in: text, endingAt: cursor), text[total.start - 1] != "公" {
            // 共220条: a total, exact unless a word after it says otherwise.
            textStart = total.start
        }
        if !asListItem, isTimeWindow(reading), prefix == nil, !reading.isMoreThan, reading.suffixComparator == nil,
            !isMeasured(before: reading.start), !isMeasured(after: reading.end)
        {
            return
        }

        // A list item right after the previous quantity shares its prefix comparator.
        let gap = textStart - lastEnd
        let isListItem = lastEnd >= 0 && gap > 0 && gap <= Self.longestListSeparator && Self.listSeparators.contains { separator in
            separator.count == gap && text.matches(separator, at: lastEnd)
        }
        if prefix == nil, isListItem, !reading.isMoreThan, reading.suffixComparator == nil {
            prefix = sharedComparator
        }
        sharedComparator = prefix

        let comparator: Quantity.Comparator
        if reading.low != nil {
            comparator = .between
        } else {
            comparator = prefix ?? (reading.isMoreThan ? .greaterThan : nil) ?? reading.suffixComparator ?? .equal
        }

        // The words that set the rate or the target belong to the text of the first quantity
        // they introduce, when they are close: 每人每月980元, 力争产值突破1000亿元.
        if let span = rateSpan, !rateUsed, textStart - span.upperBound <= 6 { textStart = min(textStart, span.lowerBound) }
        if let span = targetSpan, !targetTextUsed, textStart - span.upperBound <= 6 {
            textStart = min(textStart, span.lowerBound)
        }
        let unit = reading.unit
        var per = reading.slashDenominators.isEmpty ? [] : AmountReader.slashDenominators(of: reading, in: text)
        if !rate.isEmpty {
            if !rateUsed { rateUnit = unit?.nameIndex }
            if !rateUsed || rateUnit == unit?.nameIndex { per = rate + per }
        }
        if rateSpan != nil { rateUsed = true }
        if targetSpan != nil { targetTextUsed = true }

        // Most texts hold a few quantities: room for them at once, not one reallocation each.
        if quantities.capacity == 0 { quantities.reserveCapacity(4) }
        quantities.append(
            Quantity(
                text: text.string(textStart..<reading.end),
                value: reading.low == nil ? reading.value : nil,
                min: reading.low,
                max: reading.low == nil ? nil : reading.value,
                unit: unit?.name,
                comparator: comparator,
                per: per,
                currency: unit?.currency,
                isTarget: targetSpan != nil))
        lastEnd = reading.end
    }

    /// 近 after 附/靠/临/邻/就/最 is "near" or "recent", and 约 in 节约, 预约, 签约 is no
    /// "about": those words only end in a comparator.
    private func isComparatorWord(_ match: (value: Quantity.Comparator, start: Int)) -> Bool {
        let previous = text[match.start - 1]
        switch text[match.start] {
        case "近": return !Self.nearWords.contains(previous)
        case "约": return !Self.wordsEndingInYue.contains(previous)
        default: return true
        }
    }

    private static let nearWords: Set<Unicode.Scalar> = ["附", "靠", "临", "邻", "就", "最"]
    private static let wordsEndingInYue: Set<Unicode.Scalar> = [
        "节", "制", "合", "签", "预", "公", "条", "邀", "特", "相", "简", "集", "履", "违", "守", "要", "契", "盟", "租", "誓",
    ]
    private static let adverbs = WordTable<Quantity.Comparator>([("至少", .atLeast), ("最少", .atLeast), ("最多", .atMost)])

    /// 至少/最少/最多 up to four Chinese characters before the number (至少开展1场,
    /// 至少启动实施1个).
    private func adverbComparator(before end: Int) -> (value: Quantity.Comparator, start: Int)? {
        var cursor = end
        while end - cursor <= 4 {
            if let match = Self.adverbs.match(in: text, endingAt: cursor) { return match }
            let previous = text[cursor - 1]
            // Only plain Chinese characters may stand between: no digits, marks or quotes.
            guard previous.value >= 0x4E00 && previous.value <= 0x9FFF else { return nil }
            cursor -= 1
        }
        return nil
    }

    private func isTimeWindow(_ reading: AmountReading) -> Bool {
        reading.unit?.isDuration ?? false
    }

    /// Words right before a duration that measure by it: 满5年, 为期3个月, 缩短至5个工作日,
    /// 持续两个月, 达到3年, 延长30年, 平均3天.
    private static let measuringWords = WordTable<Void>(
        ["满", "为期", "至", "到", "为", "达", "达到", "持续", "历时", "长达", "用时", "延长", "缩短", "平均"].map { ($0, ()) })

    // Every number with a unit is an amount, except a duration that frames an action instead
    // of measuring something: 两年完成, 分三年投入, 三年内实现, 十二年免费教育. A duration is a
    // quantity when the text measures by it — it is bounded (不少于3年, 3年以上, 两个多月), a
    // measuring word stands before it (满5年, 为期3个月, 缩短至5个工作日), or it ends the clause
    // or the phrase (培训3个月。 工作3年的).

    /// Whether a measuring word stands right before `start`.
    private func isMeasured(before start: Int) -> Bool {
        var before = start
        while text[before - 1] == " " { before -= 1 }
        return Self.measuringWords.match(in: text, endingAt: before) != nil
    }

    /// Whether the clause or phrase ends at `end` (a mark, 的, a list separator, the text's end).
    private func isMeasured(after end: Int) -> Bool {
        var after = end
        while text[after] == " " { after += 1 }
        let next = text[after]
        if after >= text.count || next.endsClause || next == "的" || next == ")" || next == "、" || next == "”" { return true }
        return Self.listSeparators.contains { text.matches($0, at: after) }
    }
}
