import PlanModel

/// Walks a text once and resolves every time expression in it (SPEC §3.4):
/// periods from `PeriodReader`, joined into ranges (10月至2023年12月) and lists
/// (2023年6月底、2023年9月、12月前), with what the words around them say —
/// 从/自 … 起 (from), 到/至 … (by), 截至 (as of), … 前 (before), 每月/每季度 (recurrence).
///
/// Years left out take the document's year; without one, the last year printed earlier in
/// the text, marked ambiguous; without that, `XXXX` and no dates.
struct TimeScanner {
    private let text: ScalarText
    private let documentYear: Int?
    /// The last year printed in the text so far: a guess for a yearless period when the
    /// document's year is unknown.
    private var textYear: Int?

    init(_ text: ScalarText, documentYear: Int?) {
        self.text = text
        self.documentYear = documentYear
    }

    /// Every scalar where something may happen: an expression may start, or a quotation opens.
    private static let candidates = ScalarSet([
        "0123456789", "〇零一二两三四五六七八九十", "第前上下中全年今本明次去从自到至截直每逐按", "元春劳端国", "“\"「『《〔",
    ])

    /// Where the next expression is looked for.
    private var cursor = 0

    mutating func scan() -> [TimeMatch] {
        var matches: [TimeMatch] = []
        while let next = next() { matches.append(match(next)) }
        return matches
    }

    /// An expression `next()` found: where it is, its kind and grain, and what `match(_:)`
    /// needs to write it out. Its text and refs are built only for the expressions a caller
    /// keeps (a schedule splitter looks at many and keeps few).
    struct Found {
        /// Scalar indices of the expression in the text.
        let start: Int
        let end: Int
        let resolution: Resolution
        var kind: TimeExpression.Kind { resolution.isSet ? .set : resolution.kind }
        var grain: TimeExpression.Grain { resolution.grain }
    }

    /// The next expression; nil when the text has no more. Callers that want only the first
    /// few stop early: a match never depends on the ones after it.
    mutating func next() -> Found? {
        let candidates = Self.candidates
        var index = cursor
        defer { cursor = index }
        while true {
            index = text.withScalars { candidates.firstIndex(in: $0, from: index) }
            guard index < text.count else { break }
            if let close = text.closingMark(ofOpeningAt: index) {
                index = close + 1
                continue
            }
            if canStart(at: index), let found = readExpression(at: index) {
                index = found.end
                return found
            }
            index += 1
        }
        return nil
    }

    /// The match of an expression this scanner found: its text as given, its range, its time.
    func match(_ found: Found) -> TimeMatch {
        TimeMatch(text: text.string(found.start..<found.end), range: text.range(found.start..<found.end), time: found.resolution.time)
    }

    // MARK: - Where an expression may start

    /// Words an expression may open with (第一季度, 前三季度, 上半年, 全年, 今年, 从, 到, 截至,
    /// 每月, 逐月, 按季度, and holidays: 元旦, 春节, 劳动节, 端午, 国庆). A switch, not a set: this runs for every scalar of the text.
    private static func isStartWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "第", "前", "上", "下", "中", "全", "年", "今", "本", "明", "次", "去", "从", "自", "到", "至", "截", "直", "每", "逐", "按",
            "元", "春", "劳", "端", "国":
            true
        default:
            false
        }
    }
    /// Before these a numeral counts something else: 3个月, 每3月, 第三届, 几月, 周三.
    private static let numeralBlockers = ScalarSet(["个每第几数周之初星期."])

    /// Whether an expression may open with `scalar` (folded): `canStart` is false at any
    /// other, so a text with none of these holds no expression.
    static func mayOpenExpression(_ scalar: Unicode.Scalar) -> Bool {
        // Each of these is a candidate: most scalars are told by the set alone.
        candidates.contains(scalar)
            && (isStartWord(scalar) || scalar.isASCIIDigit || NumberReader.chineseDigit(scalar) != nil || scalar == "十")
    }

    private func canStart(at index: Int) -> Bool {
        let scalar = text[index]
        if Self.isStartWord(scalar) { return true }
        let previous = text[index - 1]
        if scalar.isASCIIDigit {
            if previous.isASCIIDigit || previous.isASCIILetter { return false }
            if isItemLabel(at: index) { return false }
            // 1.5月 is no month; the 1. of a list label before 2023年 is no decimal.
            return !(previous == "." && text[index - 2].isASCIIDigit) || isListLabel(before: index)
        }
        if NumberReader.chineseDigit(scalar) != nil || scalar == "十" {
            return NumberReader.chineseDigit(previous) == nil && NumberReader.chinesePlace(previous) == nil
                && !Self.numeralBlockers.contains(previous)
        }
        return false
    }

    /// `1、7月底前…`: digits opening a line or a sentence, followed by 、 . 。 or ), label an
    /// item; they are not the first month of a list (7、8月).
    private func isItemLabel(at index: Int) -> Bool {
        var before = index - 1
        while text[before] == " " || text[before] == "(" { before -= 1 }
        guard before < 0 || text[before] == "\n" || text[before] == "。" || text[before] == ";" else { return false }
        var end = index
        while text[end].isASCIIDigit { end += 1 }
        guard end - index <= 2 else { return false }
        switch text[end] {
        case "、", "。", ")": return true
        case ".": return !text[end + 1].isASCIIDigit || isListLabel(before: end + 1)
        default: return false
        }
    }

    /// `1.2023年…` at the start of a line: the 1. is a label, not a decimal.
    private func isListLabel(before index: Int) -> Bool {
        var cursor = index - 2
        while text[cursor].isASCIIDigit { cursor -= 1 }
        return cursor < 0 || text[cursor] == "\n" || text[cursor] == " " || text[cursor] == "\t"
    }

    // MARK: - Words around periods

    private enum Prefix: Sendable { case from, until, asOf }
    private static let prefixWords: [(String, Prefix)] = [
        ("从", .from), ("自", .from), ("自从", .from), ("到", .until), ("至", .until), ("直到", .until), ("直至", .until),
        ("截至", .asOf), ("截止", .asOf), ("截至到", .asOf), ("截止到", .asOf), ("截止至", .asOf),
    ]
    private static let prefixes = WordTable(prefixWords)

    fileprivate enum Suffix { case before, since }
    private static let beforeWords = ["之前", "以前"].map { Array($0.unicodeScalars) }
    /// 前 starts these words instead of meaning "before": 二季度前期工作, 前提下.
    private static let notBefore = ScalarSet(["期置列沿往端段景夕身述款者后面瞻线方台锋哨卫任辈程途科排"])
    private static let premises = ["前提下", "前提是"].map { Array($0.unicodeScalars) }
    /// 起 starts these words instead of meaning "from … on": 3月起草方案.
    private static let notSince = ScalarSet(["草步诉航飞来到点火义码重源伏床身"])
    private static let sinceWord = Array("以来".unicodeScalars)

    private func readSuffix(at index: Int) -> (suffix: Suffix, end: Int)? {
        // Every suffix opens with one of these (之前, 以前, 前, 起, 以来): most expressions end
        // before something else, told by this one scalar.
        switch text[index] {
        case "之", "以", "前", "起": break
        default: return nil
        }
        if let word = Self.beforeWords.first(where: { text.matches($0, at: index) }) { return (.before, index + word.count) }
        if text[index] == "前", !Self.notBefore.contains(text[index + 1]), !Self.premises.contains(where: { text.matches($0, at: index) }) {
            return (.before, index + 1)
        }
        if text[index] == "起", !Self.notSince.contains(text[index + 1]) { return (.since, index + 1) }
        if text.matches(Self.sinceWord, at: index) { return (.since, index + 2) }
        return nil
    }

    /// Recurrence words and the grain they repeat at (`recurrenceRef(of:)` writes its ref).
    private static let recurrenceWords: [(String, TimeExpression.Grain)] = [
        ("每月", .month), ("每个月", .month), ("逐月", .month), ("按月", .month),
        ("每季度", .quarter), ("每个季度", .quarter), ("逐季度", .quarter),
        ("按季度", .quarter), ("每季", .quarter), ("按季", .quarter),
        ("每半年", .half), ("每年", .year), ("每年度", .year), ("逐年", .year),
        ("每旬", .xun), ("每天", .day), ("每日", .day), ("逐日", .day),
    ]
    private static let recurrences = WordTable(recurrenceWords)

    /// The ref of a recurrence at `grain`: its period as an ISO 8601 repeating interval.
    fileprivate static func recurrenceRef(of grain: TimeExpression.Grain) -> String {
        switch grain {
        case .day: "R/P1D"
        case .xun: "R/P10D"
        case .month: "R/P1M"
        case .quarter: "R/P3M"
        case .half: "R/P6M"
        case .year: "R/P1Y"
        }
    }

    /// The scalars the recurrence and prefix words open with (folded, as `WordTable` keeps
    /// them): at any other, neither table can match.
    private static let wordOpenings = ScalarSet([
        String(String.UnicodeScalarView((recurrenceWords.map(\.0) + prefixWords.map(\.0)).compactMap { $0.unicodeScalars.first.map(ScalarText.fold) }))
    ])

    // MARK: - Expressions

    private mutating func readExpression(at start: Int) -> Found? {
        // No recurrence or prefix word opens with a numeral: a numeral opens a period or nothing.
        // Another scalar opens a recurrence or prefix word, or a period, or nothing.
        let opening = text[start]
        var cursor = start
        var prefix: Prefix?
        if opening.isASCIIDigit || NumberReader.chineseDigit(opening) != nil || opening == "十" {
            guard PeriodReader.mayRead(numeralAt: start, in: text) else { return nil }
        } else {
            guard Self.wordOpenings.contains(opening) || PeriodReader.mayRead(wordAt: start, in: text) else { return nil }
            if let recurrence = Self.recurrences.match(in: text, at: start) {
                return Found(start: start, end: recurrence.end, resolution: Resolution(recurrence: recurrence.value))
            }
            if let word = Self.prefixes.match(in: text, at: cursor) {
                prefix = word.value
                cursor = word.end
            }
        }
        guard let first = PeriodReader.read(text, at: cursor) else { return nil }
        // Most expressions are one period (四季度, 6月底前): it is kept as it is, and an array
        // is made only once a second period joins it.
        var only: Period?
        var periods: [Period] = []
        var isRange: Bool
        var isList: Bool
        switch first.shape {
        case .single(let period): only = period; isRange = false; isList = false
        case .range(let low, let high): periods = [low, high]; isRange = true; isList = false
        case .list(let list): periods = list.periods; isRange = false; isList = true
        }
        cursor = first.end

        // A range across two periods: 10月至2023年12月, 一季度至三季度, 3月1日至15日.
        let separator = text[cursor]
        if !isRange, !isList, separator == "至" || separator == "到" || separator == "-" || separator == "~",
            let second = PeriodReader.read(text, at: cursor + 1, allowBareDay: true), case .single(let last) = second.shape
        {
            if let period = only {
                periods = [period]
                only = nil
            }
            periods.append(last)
            isRange = true
            cursor = second.end
        }
        // A list of whole periods: 2023年4月、6月、10月, 2023年6月底、2023年9月、12月前.
        if !isRange {
            while only != nil || periods.count < 31, PeriodReader.isListSeparator(text[cursor]),
                let next = PeriodReader.read(text, at: cursor + 1, allowBareDay: true),
                next.periods.allSatisfy({ $0.family == (only ?? periods[0]).family })
            {
                if case .range = next.shape { break }
                if let period = only {
                    periods = [period]
                    only = nil
                }
                periods += next.periods
                isList = true
                cursor = next.end
            }
        }
        var suffix: Suffix?
        if let word = readSuffix(at: cursor) {
            suffix = word.suffix
            cursor = word.end
        }

        let resolved =
            if let only {
                resolve(only, isRange: isRange, isList: isList, prefix: prefix, suffix: suffix)
            } else {
                resolve(periods, isRange: isRange, isList: isList, prefix: prefix, suffix: suffix)
            }
        guard let resolution = resolved else {
            // An impossible date or a backwards range: keep only the first period, unadorned.
            guard prefix == nil, suffix == nil, only == nil, periods.count > 1, case .single(let firstPeriod) = first.shape,
                let resolution = resolve(firstPeriod, isRange: false, isList: false, prefix: nil, suffix: nil)
            else { return nil }
            return Found(start: start, end: first.end, resolution: resolution)
        }
        if let printed = only.map({ $0.year }) ?? periods.last(where: { $0.year != nil })?.year { textYear = printed }
        return Found(start: start, end: cursor, resolution: resolution)
    }

    // MARK: - Resolution

    /// An expression resolved to its kind and grain, checked to have possible dates; `time`
    /// writes it out with its dates and refs.
    struct Resolution {
        /// The periods, months filled in (`fillMonths`); empty when the expression is the one
        /// period `only`.
        fileprivate var periods: [Period]
        fileprivate var only: Period?
        /// The years `fillYears` starts from (the scanner's at the time).
        fileprivate var documentYear: Int?
        fileprivate var textYear: Int?
        fileprivate var isRange: Bool
        fileprivate var isList: Bool
        fileprivate var suffix: Suffix?
        fileprivate var isAmbiguous: Bool
        /// The kind the words give; a set when `isSet`.
        fileprivate var kind: TimeExpression.Kind
        /// A list that is a set of its periods rather than one interval.
        fileprivate var isSet: Bool
        fileprivate(set) var grain: TimeExpression.Grain
        /// 每月, 每季度: a recurrence has its ref from its grain and no periods.
        private var isRecurrence = false

        fileprivate init(recurrence grain: TimeExpression.Grain) {
            periods = []
            only = nil
            isRange = false
            isList = false
            isAmbiguous = false
            kind = .recurrence
            isSet = false
            self.grain = grain
            isRecurrence = true
        }

        fileprivate init(
            periods: [Period], documentYear: Int?, textYear: Int?, isRange: Bool, isList: Bool, suffix: Suffix?, isAmbiguous: Bool,
            kind: TimeExpression.Kind, isSet: Bool
        ) {
            self.periods = periods
            only = nil
            self.documentYear = documentYear
            self.textYear = textYear
            self.isRange = isRange
            self.isList = isList
            self.suffix = suffix
            self.isAmbiguous = isAmbiguous
            self.kind = kind
            self.isSet = isSet
            let first = periods[0]
            let last = periods[periods.count - 1]
            // A set's grain is the finest of its parts' (`TimeExpression(set:)`).
            grain =
                isSet
                ? periods.reduce(first.grain) { TimeExpression.Grain.finer($0, $1.grain) }
                : isRange ? TimeExpression.Grain.finer(first.grain, last.grain) : first.grain
        }

        /// One period (`TimeScanner.resolve(_:isRange:isList:prefix:suffix:)` of a period).
        fileprivate init(
            only period: Period, documentYear: Int?, textYear: Int?, isRange: Bool, isList: Bool, suffix: Suffix?, isAmbiguous: Bool,
            kind: TimeExpression.Kind
        ) {
            periods = []
            only = period
            self.documentYear = documentYear
            self.textYear = textYear
            self.isRange = isRange
            self.isList = isList
            self.suffix = suffix
            self.isAmbiguous = isAmbiguous
            self.kind = kind
            isSet = false
            // First and last are the same period.
            grain = period.grain
        }

        /// The expression with its dates and refs.
        var time: TimeExpression {
            if isRecurrence {
                return TimeExpression(kind: .recurrence, grain: grain, ref: TimeScanner.recurrenceRef(of: grain), start: nil, end: nil)
            }
            var unused = false
            if let period = only ?? (periods.count == 1 ? periods[0] : nil) {
                // One period: no arrays of years, dates and refs.
                let year =
                    TimeScanner.printedYear(of: period, documentYear: documentYear)
                    ?? TimeScanner.assumedYear(of: period, documentYear: documentYear, textYear: textYear, isAmbiguous: &unused)
                let dates = year.flatMap { period.dates(in: $0) }
                var time = TimeScanner.time(
                    kind, last: period, period.ref(in: year), dates?.start, dates?.end, lastStart: dates?.start, suffix: suffix,
                    isAmbiguous: isAmbiguous)
                time.grain = grain
                return time
            }
            let years = TimeScanner.fillYears(periods, documentYear: documentYear, textYear: textYear, isAmbiguous: &unused)
            if isSet {
                let parts = periods.indices.map { index in
                    let period = periods[index]
                    let dates = years[index].flatMap { period.dates(in: $0) }
                    return TimeScanner.time(
                        kind, last: period, period.ref(in: years[index]), dates?.start, dates?.end, lastStart: dates?.start, suffix: suffix,
                        isAmbiguous: isAmbiguous)
                }
                return TimeExpression(set: parts)
            }
            // One interval: the first period's dates start it, the last one's end it.
            let first = periods[0]
            let last = periods[periods.count - 1]
            let lastYear = years[periods.count - 1]
            let firstDates = years[0].flatMap { first.dates(in: $0) }
            let lastDates = lastYear.flatMap { last.dates(in: $0) }
            // A range or list is written `first/last`; a list that starts something (从一、二季度起), by its first period.
            let ref =
                (isRange || isList) && !(kind == .from && isList)
                ? Period.ref(from: first, in: years[0], to: last, in: lastYear) : first.ref(in: years[0])
            var time = TimeScanner.time(
                kind, last: last, ref, firstDates?.start, lastDates?.end, lastStart: lastDates?.start, suffix: suffix,
                isAmbiguous: isAmbiguous)
            time.grain = grain
            return time
        }
    }

    /// The kind and grain of one period read, with the words around it; nil for an
    /// impossible date.
    private func resolve(_ period: Period, isRange: Bool, isList: Bool, prefix: Prefix?, suffix: Suffix?) -> Resolution? {
        // One period (neither a range nor a list): its year and dates without arrays.
        var isAmbiguous = period.isRough
        var year = Self.printedYear(of: period, documentYear: documentYear)
        if year == nil { year = Self.assumedYear(of: period, documentYear: documentYear, textYear: textYear, isAmbiguous: &isAmbiguous) }
        var resolved = false
        if let year {
            // A month that is known but a date that does not exist (2月30日): no time at all.
            if period.dates(in: year) != nil { resolved = true } else if period.isCalendarKnown { return nil }
        }
        if !resolved { isAmbiguous = true }
        let kind = Self.kind(of: CollectionOfOne(period), isRange: isRange, prefix: prefix, suffix: suffix)
        return Resolution(
            only: period, documentYear: documentYear, textYear: textYear, isRange: isRange, isList: isList, suffix: suffix,
            isAmbiguous: isAmbiguous, kind: kind)
    }

    /// The kind and grain of the periods read, with the words around them; nil for an
    /// impossible date or a backwards range.
    private func resolve(_ printed: [Period], isRange: Bool, isList: Bool, prefix: Prefix?, suffix: Suffix?) -> Resolution? {
        if printed.count == 1 { return resolve(printed[0], isRange: isRange, isList: isList, prefix: prefix, suffix: suffix) }
        var periods = printed
        var isAmbiguous = periods.contains { $0.isRough }
        fillMonths(&periods)
        let years = Self.fillYears(periods, documentYear: documentYear, textYear: textYear, isAmbiguous: &isAmbiguous)

        // The dates of the first and the last period, whether every period has dates, and
        // whether the periods of a list follow each other day after day (二、三、四季度).
        var first: (start: CalendarDate, end: CalendarDate)?
        var last: (start: CalendarDate, end: CalendarDate)?
        var resolved = true
        var areContiguous = true
        var previousEnd: CalendarDate?
        for index in periods.indices {
            let period = periods[index]
            var span: (start: CalendarDate, end: CalendarDate)?
            if let year = years[index] {
                span = period.dates(in: year)
                // A month that is known but a date that does not exist (2月30日): no time at all.
                if span == nil, period.isCalendarKnown { return nil }
            }
            if index == 0 { first = span }
            if index == periods.count - 1 { last = span }
            guard let span else {
                resolved = false
                continue
            }
            if isList, let previousEnd, Self.dayAfter(previousEnd) != span.start { areContiguous = false }
            previousEnd = span.end
        }
        if !resolved { isAmbiguous = true }
        let start = first?.start
        let end = last?.end

        if isRange, let start, let end, end < start { return nil }
        if isRange, resolved, let firstEnd = first?.end, let lastStart = last?.start, lastStart < firstEnd {
            return nil
        }

        let kind = Self.kind(of: periods, isRange: isRange, prefix: prefix, suffix: suffix)
        // A list is one interval only when its periods join up (二、三季度); otherwise, and
        // for a list of bounds (6月底、9月前), it is a set of its periods (SPEC §5): no time
        // may cover a period the text does not name.
        let isSet = isList && (kind != .from || !resolved) && (kind != .interval || !resolved || !areContiguous)
        return Resolution(
            periods: periods, documentYear: documentYear, textYear: textYear, isRange: isRange, isList: isList, suffix: suffix,
            isAmbiguous: isAmbiguous, kind: kind, isSet: isSet)
    }

    /// What the words around the periods make of them: 前/到 a deadline, 截至 a state as of,
    /// 起/从 a start; a day alone a date, a month's or year's end (7月底, 年底) and 年内 a
    /// deadline; anything else an interval.
    private static func kind(of periods: some Collection<Period>, isRange: Bool, prefix: Prefix?, suffix: Suffix?) -> TimeExpression.Kind {
        if suffix == .before || prefix == .until { return .deadline }
        if prefix == .asOf { return .asOf }
        if suffix == .since || (prefix == .from && !isRange) { return .from }
        if isRange { return .interval }
        if periods.allSatisfy({ $0.isDay }) {
            return periods.allSatisfy(\.isDate) ? .date : .deadline
        }
        if periods.allSatisfy(\.isWithin) { return .deadline }
        return .interval
    }

    /// The time of `kind` over the periods from `start` to `end`. A deadline written with 前
    /// after a stretch (6月前, 三季度前) ends the day before the stretch begins — 6月底前 is
    /// the one that ends with June; after a year (2025年前) it ends with the year, as plans
    /// use it, and is marked a guess.
    fileprivate static func time(
        _ kind: TimeExpression.Kind, last: Period, _ ref: String, _ start: CalendarDate?, _ end: CalendarDate?,
        lastStart: CalendarDate?, suffix: Suffix?, isAmbiguous: Bool
    ) -> TimeExpression {
        var time = TimeExpression(kind: kind, grain: last.grain, ref: ref, start: start, end: end, isAmbiguous: isAmbiguous)
        switch kind {
        case .deadline, .asOf:
            time.start = nil
            if kind == .deadline, suffix == .before, !last.isDay {
                if case .year = last.span {
                    time.isAmbiguous = true
                } else {
                    time.end = lastStart.flatMap(dayBefore)
                }
            }
        case .from:
            time.end = nil
        default:
            break
        }
        return time
    }

    /// The year of every period: printed, carried from a neighbour (2023年1月至6月,
    /// 10月至2023年12月, wrapping into the next year when the months run backwards), or
    /// else the document's year. Nil entries stay unknown.
    private static func fillYears(_ periods: [Period], documentYear: Int?, textYear: Int?, isAmbiguous: inout Bool) -> [Int?] {
        var years: [Int?] = periods.map { printedYear(of: $0, documentYear: documentYear) }
        // Backwards from a printed year: 10月至2023年12月.
        if periods.count > 1 {
            for index in stride(from: periods.count - 2, through: 0, by: -1) where years[index] == nil {
                guard let next = years[index + 1], periods[index].relativeYear == nil else { continue }
                years[index] = periods[index].positionInYear > periods[index + 1].positionInYear ? next - 1 : next
            }
        }
        if years[0] == nil {
            years[0] = assumedYear(of: periods[0], documentYear: documentYear, textYear: textYear, isAmbiguous: &isAmbiguous)
        }
        // Forwards: 2023年1月至6月, 2023年10月至3月 (into 2024).
        for index in periods.indices.dropFirst() where years[index] == nil {
            guard let previous = years[index - 1] else { continue }
            years[index] = periods[index].positionInYear < periods[index - 1].positionInYear ? previous + 1 : previous
        }
        return years
    }

    /// The year a period prints, or says relative to the document's (今年, 明年).
    private static func printedYear(of period: Period, documentYear: Int?) -> Int? {
        if let year = period.year { return year }
        if let offset = period.relativeYear, let documentYear { return documentYear + offset }
        return nil
    }

    /// The year of a first period that names none: the document's; without one, the last
    /// printed in the text, as a guess; else unknown.
    private static func assumedYear(of period: Period, documentYear: Int?, textYear: Int?, isAmbiguous: inout Bool) -> Int? {
        if let documentYear { return documentYear + (period.relativeYear ?? 0) }
        isAmbiguous = true
        if let textYear { return textYear + (period.relativeYear ?? 0) }
        return nil
    }

    /// A day or 旬 without its month takes the month of the period before it (3月1日至15日).
    private func fillMonths(_ periods: inout [Period]) {
        for index in periods.indices.dropFirst() {
            guard let month = periods[index - 1].month else { continue }
            switch periods[index].span {
            case .day(nil, let day): periods[index].span = .day(month: month, day)
            case .xun(nil, let xun): periods[index].span = .xun(month: month, xun)
            default: break
            }
        }
    }

    private static func dayBefore(_ date: CalendarDate) -> CalendarDate? {
        if date.day > 1 { return CalendarDate(year: date.year, month: date.month, day: date.day - 1) }
        if date.month > 1 { return CalendarDate.endOf(month: date.month - 1, year: date.year) }
        return CalendarDate(year: date.year - 1, month: 12, day: 31)
    }

    private static func dayAfter(_ date: CalendarDate) -> CalendarDate? {
        if let next = CalendarDate(year: date.year, month: date.month, day: date.day + 1) { return next }
        if let next = CalendarDate(year: date.year, month: date.month + 1, day: 1) { return next }
        return CalendarDate(year: date.year + 1, month: 1, day: 1)
    }
}
