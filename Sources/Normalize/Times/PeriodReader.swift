import PlanModel

/// Reads the periods a time expression is made of, at one position of a `ScalarText`:
/// years (2023年, 二〇二三年, 今年), halves, quarters and their lists and ranges written with
/// one 季度 (二、三季度, 一至三季度, 前三季度), months with their days, 旬 and ends
/// (2023年7月底, 3月16日, 4、5月, 1-6月), full dates (2023-03-06), and year ranges (2021-2030年).
///
/// Prefixes (从, 到, 截至), ranges and lists across whole periods (10月至2023年12月,
/// 2023年4月、6月) and suffixes (前, 起) are `TimeScanner`'s.
enum PeriodReader {
    /// Periods read at one position: one, a range, or a list.
    struct Core {
        enum Shape {
            case single(Period)
            case range(Period, Period)
            /// 二、三季度, 4、5月: kept as their numbers, so that a core holds no array and is
            /// copied and dropped as plain bytes.
            case list(NumberedPeriods)
        }

        var shape: Shape
        var end: Int

        /// Every period of the core, in order.
        var periods: [Period] {
            switch shape {
            case .single(let period): [period]
            case .range(let first, let last): [first, last]
            case .list(let list): list.periods
            }
        }
    }

    /// Quarters or months of one year by their numbers, in the order printed: at most
    /// twelve numbers of 1–12, four bits each.
    struct NumberedPeriods {
        enum Unit { case quarter, month }

        let base: Period
        let unit: Unit
        private var packed: UInt64 = 0
        private(set) var count = 0

        init(_ numbers: [Int], unit: Unit, of base: Period) {
            precondition(numbers.count <= 12)
            assert(numbers.allSatisfy { (1...12).contains($0) })
            self.base = base
            self.unit = unit
            for number in numbers {
                packed |= UInt64(number) << (4 * count)
                count += 1
            }
        }

        func period(_ index: Int) -> Period {
            let number = Int(truncatingIfNeeded: packed >> (4 * index)) & 0xF
            return PeriodReader.period(base, unit == .quarter ? .quarter(number) : .month(number))
        }

        var periods: [Period] { (0..<count).map(period) }
    }

    /// The core at `index`. `allowBareDay` admits a day without a month (the 15日 of
    /// 3月1日至15日), which only makes sense after a neighbour that has one.
    static func read(_ text: ScalarText, at index: Int, allowBareDay: Bool = false) -> Core? {
        let scalar = text[index]
        if scalar.isASCIIDigit {
            if let dated = readYearOrDate(text, at: index) { return dated }
            return readNumberedPeriod(text, at: index, year: nil, allowBareDay: allowBareDay)
        }
        // The 年 of 二〇二三年 is looked at here: most positions are no year, and the call is not made.
        if text[index + 4] == "年", let dated = readChineseYear(text, at: index) { return dated }
        if NumberReader.chineseDigit(scalar) != nil || scalar == "十" {
            return readNumberedPeriod(text, at: index, year: nil, allowBareDay: allowBareDay)
        }
        if scalar == "第" || scalar == "前" { return readQuarters(text, at: index, year: nil) }
        // Only words of two scalars or more are left: most candidates (国, 中, 上, 全 in other
        // words) are told by the scalar after them.
        guard wordSeconds.contains(text[index + 1]) else { return nil }
        if let relative = relativeYears.match(in: text, at: index) {
            return readAfterYear(text, at: relative.end, year: Period(span: .year, relativeYear: relative.value))
        }
        if let word = readYearWord(text, at: index, year: Period(span: .year)) { return word }
        if let holiday = readHoliday(text, at: index, year: Period(span: .year)) { return holiday }
        if let xun = xunWords.match(in: text, at: index) {
            return Core(shape: .single(Period(span: .xun(month: nil, xun.value))), end: xun.end)
        }
        return nil
    }

    /// Whether `read` may find a period at `index`, which holds a numeral (an ASCII digit, a
    /// Chinese digit or 十): false where it surely finds none — the numeral is too long for a
    /// year, month or day, or no unit, separator or space follows it. Plan text is full of
    /// numbers that count something else (3亿元, 100%, 一批); one look turns them away
    /// instead of the readers' attempts.
    static func mayRead(numeralAt index: Int, in text: ScalarText) -> Bool {
        if text[index].isASCIIDigit {
            var end = index + 1
            while end - index < 5, text[end].isASCIIDigit { end += 1 }
            switch end - index {
            // `smallArabic`, then `readNumberedPeriod`.
            case 1, 2: return mayFollowNumber(text[end])
            // `fourDigitYear`, then a date, a range of years or 年 (`readYearOrDate`).
            case 4: return mayFollowYear(text[end])
            default: return false
            }
        }
        // 二〇二三年 (`readChineseYear`).
        if text[index + 4] == "年" { return true }
        // `smallNumber` reads at most three scalars, and none when a fourth follows.
        var end = index
        while end - index < 4, NumberReader.chineseDigit(text[end]) != nil || text[end] == "十" { end += 1 }
        return end - index < 4 && mayFollowNumber(text[end])
    }

    /// Whether `read` may find a period at `index`, which holds no numeral: false where it
    /// surely finds none — no quarters open there (第, 前) and the next scalar stands second in
    /// none of the words (`wordSeconds`). Most candidates (中, 上, 全, 国 in other words) are
    /// turned away here.
    static func mayRead(wordAt index: Int, in text: ScalarText) -> Bool {
        let scalar = text[index]
        return scalar == "第" || scalar == "前" || wordSeconds.contains(text[index + 1])
    }

    /// What may follow the number of a quarter, month or day (`readNumberedPeriod`): a list or
    /// range separator, 季(度), 月 (perhaps after spaces), 日 or 号.
    private static func mayFollowNumber(_ scalar: Unicode.Scalar) -> Bool {
        isListSeparator(scalar) || isRangeSeparator(scalar) || scalar == "季" || scalar == "月" || scalar == "日" || scalar == "号"
            || scalar == " "
    }

    /// What may follow a four-digit year (`readYearOrDate`): the separator of a date or a
    /// range of years, or 年 (perhaps after spaces).
    private static func mayFollowYear(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "/" || scalar == "." || scalar == "~" || scalar == "至" || scalar == "到" || scalar == "年"
            || scalar == " "
    }

    // MARK: - Words

    private static let relativeYears = WordTable<Int>([
        ("今年", 0), ("本年", 0), ("今年度", 0), ("本年度", 0), ("明年", 1), ("次年", 1), ("下一年", 1), ("下一年度", 1),
        ("去年", -1), ("上年", -1), ("上年度", -1), ("上一年", -1), ("上一年度", -1),
    ])
    private static let halfWords = WordTable<Int>([("上半年", 1), ("下半年", 2), ("上半年度", 1), ("下半年度", 2)])
    private static let xunWords = WordTable<Int>([("上旬", 1), ("中旬", 2), ("下旬", 3)])

    private enum YearWord: Sendable { case whole, within, end, start }
    /// Words that stand for the document's year (or for the year printed before them). 年内
    /// ("within the year") is the year as a deadline: done by its end.
    private static let yearWords = WordTable<YearWord>([
        ("全年", .whole), ("全年度", .whole), ("年内", .within), ("年度内", .within), ("年底", .end), ("年末", .end),
        ("年初", .start),
    ])
    private static let quarterWord = Array("季度".unicodeScalars)

    /// The scalars that stand second in the words `read` looks up after numbers and
    /// quarters: relative years, halves, year words, holidays, 旬.
    private static let wordSeconds: ScalarSet = {
        precondition(
            !relativeYears.hasOneScalarWord && !halfWords.hasOneScalarWord && !yearWords.hasOneScalarWord
                && !Holiday.words.hasOneScalarWord && !xunWords.hasOneScalarWord)
        return ScalarSet([
            relativeYears.secondScalars, halfWords.secondScalars, yearWords.secondScalars, Holiday.words.secondScalars,
            xunWords.secondScalars,
        ])
    }()

    /// 上半年, 全年, 年内, 年底, 年初 — standing alone or after a year (`year` carries it).
    /// 年内 and 年底 after a numeral (两年内, 三年底) are durations, not the document's year.
    private static func readYearWord(_ text: ScalarText, at index: Int, year: Period) -> Core? {
        if let half = halfWords.match(in: text, at: index) {
            var period = year
            period.span = .half(half.value)
            return Core(shape: .single(period), end: half.end)
        }
        guard let word = yearWords.match(in: text, at: index) else { return nil }
        if text[index] == "年", isCountBefore(text, index) { return nil }
        var period = year
        switch word.value {
        case .whole: period.span = .year
        case .within:
            period.span = .year
            period.isWithin = true
        case .end: period.span = .yearEnd
        case .start:
            period.span = .month(1)
            period.isRough = true
        }
        return Core(shape: .single(period), end: word.end)
    }

    private static func isCountBefore(_ text: ScalarText, _ index: Int) -> Bool {
        let previous = text[index - 1]
        return previous.isASCIIDigit || NumberReader.chineseDigit(previous) != nil || NumberReader.chinesePlace(previous) != nil
            || previous == "多" || previous == "几" || previous == "每" || previous == "半" || previous == "个"
    }

    // MARK: - Years and full dates

    /// A four-digit year 1900–2100 followed by 年, a full date (2023-03-06, 2023/3/6,
    /// 2023.3.6), or a range of years (2021-2030年).
    private static func readYearOrDate(_ text: ScalarText, at index: Int) -> Core? {
        guard let year = fourDigitYear(text, at: index) else { return nil }
        let after = index + 4
        let separator = text[after]
        if separator == "-" || separator == "/" || separator == "." {
            if let month = smallArabic(text, at: after + 1), text[month.end] == separator,
                let day = smallArabic(text, at: month.end + 1), !text[day.end].isASCIIDigit,
                CalendarDate(year: year, month: month.value, day: day.value) != nil
            {
                // 2025-01-14 18:04:47: a page's print or crawl stamp, metadata and not a time
                // of the plan.
                if isClockTime(text, at: day.end) { return nil }
                return Core(shape: .single(Period(span: .day(month: month.value, day.value), year: year)), end: day.end)
            }
        }
        // 2021-2030年, 2020—2021年度, and in brackets without 年: （2023-2025）.
        if separator == "-" || separator == "~" || separator == "至" || separator == "到",
            let last = fourDigitYear(text, at: after + 1), last > year
        {
            let range = Core.Shape.range(Period(span: .year, year: year), Period(span: .year, year: last))
            if let yearEnd = unit("年", in: text, at: after + 5) {
                return Core(shape: range, end: text[yearEnd] == "度" ? yearEnd + 1 : yearEnd)
            }
            if text[index - 1] == "(", text[after + 5] == ")" { return Core(shape: range, end: after + 5) }
        }
        guard let yearEnd = unit("年", in: text, at: after) else { return nil }
        return readAfterYear(text, at: text[yearEnd] == "度" ? yearEnd + 1 : yearEnd, year: Period(span: .year, year: year))
    }

    /// ` 18:04`, ` 18:04:47` after a date.
    private static func isClockTime(_ text: ScalarText, at index: Int) -> Bool {
        var cursor = index
        while text[cursor] == " " || text[cursor] == "T" { cursor += 1 }
        guard cursor > index, let hour = smallArabic(text, at: cursor), hour.value < 24, text[hour.end] == ":" else { return false }
        return text[hour.end + 1].isASCIIDigit && text[hour.end + 2].isASCIIDigit
    }

    /// Just after `word` at `index`, or after spaces and then `word` (the spaced dates of
    /// converted documents: `2023 年 4 月 6 日`); nil when `word` is not there.
    private static func unit(_ word: Unicode.Scalar, in text: ScalarText, at index: Int) -> Int? {
        var cursor = index
        while text[cursor] == " ", cursor - index < 2 { cursor += 1 }
        return text[cursor] == word ? cursor + 1 : nil
    }

    /// `index`, or past spaces when a digit follows them (`2023 年 4 月`).
    private static func skipSpaces(_ text: ScalarText, at index: Int) -> Int {
        var cursor = index
        while text[cursor] == " ", cursor - index < 2 { cursor += 1 }
        return text[cursor].isASCIIDigit ? cursor : index
    }

    /// 元旦, 国庆节, 春节, 端午, 中秋 — alone or after a year (2024年春节). 国庆 before a number
    /// is an anniversary (国庆70周年), not the day.
    private static func readHoliday(_ text: ScalarText, at index: Int, year: Period) -> Core? {
        guard let holiday = Holiday.words.match(in: text, at: index) else { return nil }
        let next = text[holiday.end]
        if next.isASCIIDigit || NumberReader.chineseDigit(next) != nil || next == "十" { return nil }
        var period = year
        period.span = .holiday(holiday.value)
        return Core(shape: .single(period), end: holiday.end)
    }

    private static func fourDigitYear(_ text: ScalarText, at index: Int) -> Int? {
        guard (0..<4).allSatisfy({ text[index + $0].isASCIIDigit }), !text[index + 4].isASCIIDigit else { return nil }
        let value = (0..<4).reduce(0) { $0 * 10 + text[index + $1].asciiDigitValue }
        return (1900...2100).contains(value) ? value : nil
    }

    /// 二〇二三年: four Chinese digits, read one by one, then 年.
    private static func readChineseYear(_ text: ScalarText, at index: Int) -> Core? {
        guard text[index + 4] == "年" else { return nil }
        var year = 0
        for offset in 0..<4 {
            guard let digit = NumberReader.chineseDigit(text[index + offset]) else { return nil }
            year = year * 10 + digit
        }
        guard (1900...2100).contains(year) else { return nil }
        return readAfterYear(text, at: index + 5, year: Period(span: .year, year: year))
    }

    /// What may follow a year: a half, 全年, 年底, quarters, months (with days). The year
    /// alone when nothing does.
    private static func readAfterYear(_ text: ScalarText, at index: Int, year: Period) -> Core {
        if let word = readYearWord(text, at: index, year: year) { return word }
        // 2023年底, 2023年末, 2023年初
        if text[index] == "底" || text[index] == "末" {
            var period = year
            period.span = .yearEnd
            return Core(shape: .single(period), end: index + 1)
        }
        // 2023年内 (but not 年内容, 年内部): done within the year.
        if text[index] == "内", !["容", "部", "涵", "地"].contains(text[index + 1]) {
            var period = year
            period.isWithin = true
            return Core(shape: .single(period), end: index + 1)
        }
        if text[index] == "初" {
            var period = year
            period.span = .month(1)
            period.isRough = true
            return Core(shape: .single(period), end: index + 1)
        }
        if text[index] == "第" || text[index] == "前", let quarters = readQuarters(text, at: index, year: year) { return quarters }
        if let holiday = readHoliday(text, at: index, year: year) { return holiday }
        if let numbered = readNumberedPeriod(text, at: skipSpaces(text, at: index), year: year, allowBareDay: false) {
            return numbered
        }
        return Core(shape: .single(year), end: index)
    }

    // MARK: - Quarters, months and days written with numbers

    /// A number from 1 to 31 in Arabic (one or two digits) or Chinese (三, 十二, 二十三).
    private static func smallNumber(_ text: ScalarText, at index: Int) -> (value: Int, end: Int)? {
        if text[index].isASCIIDigit { return smallArabic(text, at: index) }
        guard NumberReader.chineseDigit(text[index]) != nil || text[index] == "十" else { return nil }
        // Read only 十 and digits: 十二月 is a month, but 一百 or 三千 never is; nor is a
        // longer numeral (十二三四).
        var end = index
        while end - index < 3, NumberReader.chineseDigit(text[end]) != nil || text[end] == "十" { end += 1 }
        if NumberReader.chineseDigit(text[end]) != nil || NumberReader.chinesePlace(text[end]) != nil { return nil }
        // `NumberReader.readChinese` with 十 the only place: digits alone are a sequence (二〇)
        // unless single; two digits in a row fail (二三十); 〇 adds nothing.
        var value = 0
        var pending: Int?
        var hasTen = false
        for cursor in index..<end {
            if let digit = NumberReader.chineseDigit(text[cursor]) {
                if pending != nil { return nil }
                if digit != 0 { pending = digit }
            } else {
                value += (pending ?? 1) * 10
                pending = nil
                hasTen = true
            }
        }
        if !hasTen, end - index > 1 { return nil }
        value += pending ?? 0
        guard (1...31).contains(value) else { return nil }
        return (value, end)
    }

    private static func smallArabic(_ text: ScalarText, at index: Int) -> (value: Int, end: Int)? {
        guard text[index].isASCIIDigit else { return nil }
        var value = text[index].asciiDigitValue
        var end = index + 1
        if text[end].isASCIIDigit {
            value = value * 10 + text[end].asciiDigitValue
            end += 1
        }
        if text[end].isASCIIDigit { return nil }
        return (value, end)
    }

    private static func isClauseMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "，" || scalar == "," || scalar == ":" || scalar == ";" || scalar == "。" || scalar == " "
    }

    /// The marks that join the items of a list: 二、三季度, 6月和9月.
    static func isListSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "、" || scalar == "和" || scalar == "及" || scalar == "与"
    }

    private static func isRangeSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "至" || scalar == "到" || scalar == "-" || scalar == "~"
    }

    /// Numbers sharing one unit word: `二、三季度`, `1-6月`, `4、5月`, `7月`, `3月16日`, and with
    /// `allowBareDay` `15日`.
    private static func readNumberedPeriod(_ text: ScalarText, at index: Int, year: Period?, allowBareDay: Bool) -> Core? {
        guard let first = smallNumber(text, at: index) else { return nil }
        let base = year ?? Period(span: .year)
        guard isListSeparator(text[first.end]) || isRangeSeparator(text[first.end]) else {
            return readNumbered(first.value, text, at: first.end, base: base, allowBareDay: allowBareDay)
        }
        var numbers = [first.value]
        var cursor = first.end
        var isRange = false
        // The numbers of a list (、) or range (至). No real list is longer than a year's
        // months; the bound also keeps a failed attempt from rescanning a long run.
        while numbers.count < 12 {
            let separator = text[cursor]
            // Items of one list are written alike: 7、8月, 二、三季度 — not 一、7月.
            guard isListSeparator(separator) || (isRangeSeparator(separator) && !isRange && numbers.count == 1),
                text[cursor + 1].isASCIIDigit == text[index].isASCIIDigit, let next = smallNumber(text, at: cursor + 1)
            else { break }
            if isRangeSeparator(separator) { isRange = true }
            numbers.append(next.value)
            cursor = next.end
        }
        if numbers.count == 1 { return readNumbered(first.value, text, at: cursor, base: base, allowBareDay: allowBareDay) }

        if text.matches(quarterWord, at: cursor) {
            guard numbers.allSatisfy({ (1...4).contains($0) }) else { return nil }
            return group(NumberedPeriods(numbers, unit: .quarter, of: base), isRange: isRange, end: cursor + 2)
        }
        // 三、四季，… : 季 for 季度 after a list of quarters (alone, 四季 are the four seasons).
        if text[cursor] == "季", isClauseMark(text[cursor + 1]), numbers.allSatisfy({ (1...4).contains($0) }) {
            return group(NumberedPeriods(numbers, unit: .quarter, of: base), isRange: isRange, end: cursor + 1)
        }
        if let monthEnd = unit("月", in: text, at: cursor) {
            guard numbers.allSatisfy({ (1...12).contains($0) }) else { return nil }
            var end = monthEnd
            if text[end] == "份" { end += 1 }
            return group(NumberedPeriods(numbers, unit: .month, of: base), isRange: isRange, end: end)
        }
        return nil
    }

    /// One number and its unit word: 三季度, 7月 (and what follows inside the month), and
    /// with `allowBareDay` 15日.
    private static func readNumbered(_ number: Int, _ text: ScalarText, at cursor: Int, base: Period, allowBareDay: Bool) -> Core? {
        if text.matches(quarterWord, at: cursor) {
            guard (1...4).contains(number) else { return nil }
            return Core(shape: .single(period(base, .quarter(number))), end: cursor + 2)
        }
        if let monthEnd = unit("月", in: text, at: cursor) {
            guard (1...12).contains(number) else { return nil }
            var end = monthEnd
            if text[end] == "份" { end += 1 }
            return readInsideMonth(text, at: end, month: number, base: base)
        }
        if allowBareDay, text[cursor] == "日" || text[cursor] == "号", (1...31).contains(number) {
            return Core(shape: .single(period(base, .day(month: nil, number))), end: cursor + 1)
        }
        return nil
    }

    /// After `N月`: a day (16日, 1-15日), a 旬, 底/末, 初 — or the month alone.
    private static func readInsideMonth(_ text: ScalarText, at index: Int, month: Int, base: Period) -> Core {
        if let day = smallNumber(text, at: skipSpaces(text, at: index)) {
            // 3月16日, 3月1-15日, 4 月 6 日
            if let dayEnd = unit("日", in: text, at: day.end) ?? unit("号", in: text, at: day.end) {
                return Core(shape: .single(period(base, .day(month: month, day.value))), end: dayEnd)
            }
            if isRangeSeparator(text[day.end]), let last = smallNumber(text, at: day.end + 1),
                text[last.end] == "日" || text[last.end] == "号", last.value > day.value
            {
                return Core(
                    shape: .range(period(base, .day(month: month, day.value)), period(base, .day(month: month, last.value))),
                    end: last.end + 1)
            }
        }
        if let xun = xunWords.match(in: text, at: index) {
            return Core(shape: .single(period(base, .xun(month: month, xun.value))), end: xun.end)
        }
        switch text[index] {
        case "底", "末":
            return Core(shape: .single(period(base, .monthEnd(month))), end: index + 1)
        case "初":
            var rough = period(base, .xun(month: month, 1))
            rough.isRough = true
            return Core(shape: .single(rough), end: index + 1)
        default:
            return Core(shape: .single(period(base, .month(month))), end: index)
        }
    }

    /// 第一季度, 第一、二季度, 第一至第三季度, 前三季度, 前两个季度.
    private static func readQuarters(_ text: ScalarText, at index: Int, year: Period?) -> Core? {
        let base = year ?? Period(span: .year)
        if text[index] == "前" {
            guard let count = smallNumber(text, at: index + 1), (1...4).contains(count.value) else { return nil }
            var cursor = count.end
            if text[cursor] == "个" { cursor += 1 }
            guard text.matches(quarterWord, at: cursor) else { return nil }
            return group(NumberedPeriods(Array(1...count.value), unit: .quarter, of: base), isRange: true, end: cursor + 2)
        }
        // 第 before each number is optional: 第三、第四季度, 第一至三季度.
        var numbers: [Int] = []
        var cursor = index
        var isRange = false
        while numbers.count < 4 {
            if text[cursor] == "第" { cursor += 1 }
            guard let number = smallNumber(text, at: cursor), (1...4).contains(number.value) else { return nil }
            numbers.append(number.value)
            cursor = number.end
            let separator = text[cursor]
            if text.matches(quarterWord, at: cursor) { break }
            if isListSeparator(separator) || (isRangeSeparator(separator) && !isRange && numbers.count == 1) {
                if isRangeSeparator(separator) { isRange = true }
                cursor += 1
                continue
            }
            return nil
        }
        guard text.matches(quarterWord, at: cursor) else { return nil }
        return group(NumberedPeriods(numbers, unit: .quarter, of: base), isRange: isRange, end: cursor + 2)
    }

    private static func period(_ base: Period, _ span: Period.Span) -> Period {
        var period = base
        period.span = span
        return period
    }

    /// The periods numbered: one, a range from the first to the last, or a list.
    private static func group(_ list: NumberedPeriods, isRange: Bool, end: Int) -> Core? {
        guard list.count > 0 else { return nil }
        let first = list.period(0)
        let last = list.period(list.count - 1)
        if list.count == 1 { return Core(shape: .single(first), end: end) }
        if isRange {
            guard first.positionInYear < last.positionInYear else { return nil }
            return Core(shape: .range(first, last), end: end)
        }
        return Core(shape: .list(list), end: end)
    }
}
