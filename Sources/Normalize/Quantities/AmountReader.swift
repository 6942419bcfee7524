import PlanModel

/// Reads a number and what is printed right after it — multiplier, 多/余, unit, a second
/// number for a range, slash denominators, a suffix comparator — and decides whether it is an
/// amount at all. Context before the number (comparators, 每, 力争, lists) is the scanner's.
///
/// Every rule here prefers missing a quantity to inventing one: a number with no unit, a
/// year, a date part, a code (DN1000, 5G, PM2.5), an ordinal, a tier or a ratio yields nothing.
enum AmountReader {
    /// The outcome at one position: a reading, or nothing; either way where scanning resumes,
    /// so that a rejected run (a year, a phone number) is skipped whole. Numbers before
    /// `reading` that share its unit (`1、3、5分钟`: 1 and 3) go into the list `read` is given.
    struct Outcome {
        var reading: AmountReading?
        var resume: Int
    }

    /// One side of a possible range: a number, its multiplier and 多/余, and its unit.
    private struct Side {
        var token: NumberToken
        var power = 0
        var isMoreThan = false
        var unit: UnitLexicon.Unit?
        /// After the number and multiplier (where a range separator may follow when no unit does).
        var numberEnd: Int
        /// After the unit if there is one, else `numberEnd`.
        var end: Int
    }

    /// The amount at `start`; numbers before it that share its unit are appended to `sharing`.
    static func read(_ text: ScalarText, at start: Int, sharing: inout [AmountReading]) -> Outcome {
        if text[start] == percentWord[0], text.matches(percentWord, at: start) { return readPercentWord(text, at: start) }
        // Only digits continue a code or a compound (the first thing `isCompoundContinuation` asks).
        if text[start].isASCIIDigit, isCompoundContinuation(text, at: start) { return Outcome(reading: nil, resume: skipNumberRun(text, from: start)) }

        if isBareChineseNumeral(text, at: start) { return Outcome(reading: nil, resume: start + 1) }

        guard let first = readSide(text, at: start) else { return Outcome(reading: nil, resume: skipNumberRun(text, from: start)) }
        // A number `single` turns down whatever it is (四季度, 6月, 2023年, the 一 of 统一) and no
        // range after it: every path below ends with nothing and resumes after the number and
        // its unit, so the context, list and range checks are skipped.
        if isNeverAlone(first), !isRangeSeparator(text[first.end]) { return Outcome(reading: nil, resume: first.end) }
        if isExcludedByContext(text, first) { return Outcome(reading: nil, resume: first.end) }

        if first.unit == nil, first.power == 0, let list = readSharedUnitList(text, from: first, into: &sharing) {
            return list
        }

        var reading: AmountReading
        if let range = readRange(text, from: first) {
            guard let range = range.reading else { return Outcome(reading: nil, resume: range.resume) }
            reading = range
        } else {
            guard let single = single(text, first) else { return Outcome(reading: nil, resume: first.end) }
            reading = single
        }
        readTail(text, into: &reading)
        if isNameAfter(text, reading) { return Outcome(reading: nil, resume: reading.end) }
        return Outcome(reading: reading, resume: reading.end)
    }

    // MARK: - Numbers and units

    private static let percentWord = Array("百分之".unicodeScalars)

    @inline(__always)
    private static func readNumber(_ text: ScalarText, at index: Int) -> NumberToken? {
        if text[index].isASCIIDigit { return NumberReader.readArabic(text, at: index).token }
        if NumberReader.isChineseNumeralStart(text[index]) { return NumberReader.readChinese(text, at: index).token }
        if let count = NumberReader.barePlaceCount(text, at: index) {
            return NumberToken(value: ExactDecimal(count), range: index..<index + 1, script: .chinese)
        }
        return nil
    }

    private static func readSide(_ text: ScalarText, at index: Int) -> Side? {
        guard let token = readNumber(text, at: index), !token.isDigitSequence, !token.hasLeadingZero,
            !isLabelBeforeYear(text, token)
        else { return nil }
        var side = Side(token: token, numberEnd: token.range.upperBound, end: token.range.upperBound)
        var cursor = token.range.upperBound
        // 3万多家, 30多万人, 1万余人, 360余名
        if isMoreMarker(text[cursor]) { side.isMoreThan = true; cursor += 1 }
        if let multiplier = NumberReader.multiplier(in: text, at: cursor) {
            side.power = multiplier.power
            cursor = multiplier.end
            if isMoreMarker(text[cursor]) { side.isMoreThan = true; cursor += 1 }
        }
        side.numberEnd = cursor
        side.end = cursor
        if let unit = readUnit(text, at: cursor) {
            side.unit = unit.unit
            side.end = unit.end
            if unit.isMoreThan { side.isMoreThan = true }
        }
        return side
    }

    /// A Chinese numeral of one scalar (the 一 of 统一, 三 in 三是) followed by nothing `readSide`
    /// reads on — another numeral, 多/余, a unit, a space before a Latin unit — nor by a range
    /// separator. `readSide` would give the numeral alone, without a unit and ending right after
    /// it, which `isNeverAlone` turns down: decided on the next scalar, without reading the side.
    @inline(__always)
    private static func isBareChineseNumeral(_ text: ScalarText, at start: Int) -> Bool {
        guard NumberReader.isChineseNumeralStart(text[start]) else { return false }
        let next = text[start + 1]
        return NumberReader.chineseDigit(next) == nil && NumberReader.chinesePlace(next) == nil && !isMoreMarker(next)
            && next != " " && !isRangeSeparator(next) && !UnitLexicon.units.hasWord(startingWith: next)
    }

    /// `1.2023年1月至3月`: a list label glued to a year, not the number 1.2023.
    @inline(__always)
    private static func isLabelBeforeYear(_ text: ScalarText, _ token: NumberToken) -> Bool {
        let end = token.range.upperBound
        guard text[end] == "年", end - 5 > token.range.lowerBound, text[end - 5] == "." else { return false }
        let year = (1...4).reduce(0) { $0 * 10 + text[end - 5 + $1].asciiDigitValue }
        return (1900...2100).contains(year)
    }

    private static func isMoreMarker(_ scalar: Unicode.Scalar) -> Bool { scalar == "多" || scalar == "余" }

    /// The marks a range is written with: 2-3个, 1至2个, 5~10%.
    @inline(__always)
    private static func isRangeSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "~" || scalar == "至" || scalar == "到"
    }

    /// `1、3、5分钟`, `10、20、50万元`: bare Arabic numbers listed with 、 before one that has a
    /// unit share its unit, multiplier and what follows it (分别为1、3、5分钟以上). Not at the
    /// start of a line or sentence, where `1、` labels an item.
    private static func readSharedUnitList(_ text: ScalarText, from first: Side, into sharing: inout [AmountReading]) -> Outcome? {
        let start = first.token.range.lowerBound
        // A list whose first number was a label is no list either (its later numbers come here).
        guard first.token.script == .arabic, !first.isMoreThan, text[first.end] == "、", !opensClause(text, before: start),
            !(text[start - 1] == "、" && text[start - 2].isASCIIDigit)
        else { return nil }
        var bare = [first]
        var cursor = first.end
        while bare.count < 12, text[cursor] == "、", text[cursor + 1].isASCIIDigit, let next = readSide(text, at: cursor + 1) {
            if next.unit == nil && next.power == 0 {
                guard !next.isMoreThan else { return nil }
                bare.append(next)
                cursor = next.end
                continue
            }
            guard let unit = next.unit, var last = single(text, next) else { return nil }
            readTail(text, into: &last)
            if isNameAfter(text, last) { return nil }
            var shared: [AmountReading] = []
            for side in bare {
                guard isAcceptable(unit, side.token.value, power: next.power), let value = scaled(side.token.value, next.power, unit) else {
                    return nil
                }
                var reading = AmountReading(start: side.token.range.lowerBound, end: side.end, value: value, unit: unit, script: .arabic)
                reading.slashDenominators = last.slashDenominators
                reading.suffixComparator = last.suffixComparator
                shared.append(reading)
            }
            sharing += shared
            return Outcome(reading: last, resume: last.end)
        }
        return nil
    }

    /// Whether `index` starts a line or a sentence (spaces and an opening bracket aside).
    private static func opensClause(_ text: ScalarText, before index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, text[cursor] == " " || text[cursor] == "(" { cursor -= 1 }
        return cursor < 0 || text[cursor].endsSentence || text[cursor] == "\t"
    }

    /// The unit at `index`, with ASCII units (km, t, m²) only where a word ends.
    private static func readUnit(_ text: ScalarText, at index: Int) -> (unit: UnitLexicon.Unit, end: Int, isMoreThan: Bool)? {
        var start = index
        // 5.9 km: one space is allowed before a Latin unit.
        if text[start] == " ", text[start + 1].isASCIILetter { start += 1 }
        guard let match = UnitLexicon.units.match(in: text, at: start) else { return nil }
        let lastScalar = text[match.end - 1]
        if lastScalar.isASCIILetter || lastScalar.isASCIIDigit {
            if text[match.end].isASCIILetter || text[match.end].isASCIIDigit { return nil }
        } else if start != index {
            return nil
        }
        // 两个多月: more than two months.
        if text[match.end] == "多", text[match.end + 1] == "月", match.value.scalar == "个" {
            return (UnitLexicon.months, match.end + 2, true)
        }
        // 成 opens words of its own after a number: 3成员, 两成果 are no tenths.
        if match.end - index == 1, text[index] == "成", match.value.scalar == "%", UnitLexicon.wordsAfterCheng.contains(text[match.end]) {
            return nil
        }
        return (match.value, match.end, false)
    }

    // MARK: - Single values and ranges

    /// Whether `single` of `side` is nil for what `side` itself holds, whatever follows it: a
    /// lone 一 or 二, a unit the number cannot take (6月, 2023年), or a Chinese numeral
    /// without a unit. None of them opens a list sharing a unit either (those are Arabic and bare).
    @inline(__always)
    private static func isNeverAlone(_ side: Side) -> Bool {
        if side.token.isLoneOneOrTwo { return true }
        guard let unit = side.unit else { return side.token.script != .arabic }
        return !isAcceptable(unit, side.token.value, power: side.power)
    }

    private static func single(_ text: ScalarText, _ side: Side) -> AmountReading? {
        if side.token.isLoneOneOrTwo { return nil }
        if let unit = side.unit {
            guard isAcceptable(unit, side.token.value, power: side.power) else { return nil }
        } else {
            // A bare number is an amount only with 万/亿 (惠及1.64万农村居民): without one it is
            // as likely a hotline (12345), a code or a list label.
            guard side.power > 0, side.token.script == .arabic, !text[side.end].isASCIILetter else { return nil }
        }
        guard let value = scaled(side.token.value, side.power, side.unit) else { return nil }
        return AmountReading(
            start: side.token.range.lowerBound, end: side.end, value: value, unit: side.unit,
            script: side.token.script, isMoreThan: side.isMoreThan)
    }

    /// A range `2-3个`, `1至2个`, `50-100亿元` (the multiplier of the upper end applies to the
    /// lower one), `20%-30%`. Nil when no range is written; a nil `reading` when one is
    /// written but is not an amount (the whole run is skipped then).
    private static func readRange(_ text: ScalarText, from low: Side) -> Outcome? {
        let separatorAt = low.end
        let separator = text[separatorAt]
        guard isRangeSeparator(separator) else { return nil }
        guard !low.isMoreThan, let high = readSide(text, at: separatorAt + 1),
            high.token.script == low.token.script
        else { return nil }
        // 从18家至9家: a change from one number to another, not a range.
        if separator == "至" || separator == "到", saysFrom(text, before: low.token.range.lowerBound) { return nil }

        guard let unit = high.unit ?? low.unit else { return nil }
        if let lowUnit = low.unit, lowUnit.nameIndex != unit.nameIndex || lowUnit.powerOfTen != unit.powerOfTen { return nil }
        // The dash of a date or a code (2023-03-06, 0769-2283): skip it all.
        guard isAcceptable(unit, high.token.value, power: high.power), isAcceptable(unit, low.token.value, power: low.power)
        else { return Outcome(reading: nil, resume: high.end) }
        // 5万-8元 is no range anyone writes; 50-100亿元 is.
        if low.power > 0 && high.power == 0 { return nil }
        let lowPower = low.power == 0 && low.unit == nil ? high.power : low.power
        guard let lowValue = scaled(low.token.value, lowPower, unit), let highValue = scaled(high.token.value, high.power, unit),
            lowValue < highValue
        else { return Outcome(reading: nil, resume: high.end) }
        var reading = AmountReading(
            start: low.token.range.lowerBound, end: high.end, low: lowValue, value: highValue, unit: unit,
            script: low.token.script)
        reading.isMoreThan = high.isMoreThan
        return Outcome(reading: reading, resume: high.end)
    }

    private static let fromMarkers: Set<Unicode.Scalar> = ["从", "由"]

    /// Whether 从 opens the clause shortly before `index` (从18家整合至9家).
    private static func saysFrom(_ text: ScalarText, before index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, index - cursor <= 12, !text[cursor].endsClause {
            if fromMarkers.contains(text[cursor]) { return true }
            cursor -= 1
        }
        return false
    }

    private static func isAcceptable(_ unit: UnitLexicon.Unit, _ value: ExactDecimal, power: Int) -> Bool {
        switch unit.rule {
        case .always: true
        case .durationYear: power == 0 && value < ExactDecimal(1000)
        case .largeCountsOnly: power > 0 || value >= ExactDecimal(1000)
        case .notAnAmount: false
        }
    }

    private static func scaled(_ value: ExactDecimal, _ power: Int, _ unit: UnitLexicon.Unit?) -> ExactDecimal? {
        value.timesPowerOfTen(power + (unit?.powerOfTen ?? 0))
    }

    // MARK: - After the unit

    /// Slash denominators (元/人, 万吨/年, 元/人·月) and a suffix comparator (以上, 左右).
    private static func readTail(_ text: ScalarText, into reading: inout AmountReading) {
        if reading.unit != nil {
            let start = reading.end
            var cursor = start
            while text[cursor] == "/" || (text[cursor] == "·" && cursor > start),
                let denominator = UnitLexicon.denominators.match(in: text, at: cursor + 1)
            {
                cursor = denominator.end
            }
            reading.slashDenominators = start..<cursor
            reading.end = cursor
        }
        if let suffix = ComparatorLexicon.suffixes.match(in: text, at: reading.end) {
            reading.suffixComparator = suffix.value
            reading.end = suffix.end
        }
    }

    /// The denominators `readTail` found after a slash, as written.
    static func slashDenominators(of reading: AmountReading, in text: ScalarText) -> [String] {
        var words: [String] = []
        var cursor = reading.slashDenominators.lowerBound
        while cursor < reading.slashDenominators.upperBound, let denominator = UnitLexicon.denominators.match(in: text, at: cursor + 1) {
            words.append(text.string(cursor + 1..<denominator.end))
            cursor = denominator.end
        }
        return words
    }

    private static let sessionWords = ["全会", "会议", "全体会议", "代表大会", "党代会"].map { Array($0.unicodeScalars) }
    private static let systemWords = ["制", "一贯制"].map { Array($0.unicodeScalars) }
    private static let planWords = ["规划", "计划", "行动"].map { Array($0.unicodeScalars) }

    /// A number that is part of a name after all: 三年制, 五年一贯制 (school systems),
    /// 十四届九次全会 (the ninth plenary session), 三年级 (a school grade), 五年规划 and
    /// 三年行动 (plans named by their span), 1个亿 (colloquial: the 个 is no unit).
    private static func isNameAfter(_ text: ScalarText, _ reading: AmountReading) -> Bool {
        guard let unit = reading.unit else { return false }
        let after = reading.end
        if systemWords.contains(where: { text.matches($0, at: after) }) { return true }
        if unit.scalar == "次", sessionWords.contains(where: { text.matches($0, at: after) }) { return true }
        if unit.scalar == "年", text[after] == "级" || planWords.contains(where: { text.matches($0, at: after) }) { return true }
        if unit.scalar == "个", text[after] == "亿" || text[after] == "万" { return true }
        return false
    }

    // MARK: - Context that makes a number a non-amount

    /// Before these a Chinese numeral is no count: 第三, 初三, 周三, 星期三, 三分之一, 几十个,
    /// 数十个, 每三年, 第十四个五年规划.
    private static let chineseBlockers = ScalarSet(["第初周期之几数好每个"])
    /// Set phrases where a numeral and classifier name a doctrine, not a count: 四个意识,
    /// 两个维护, 八项规定, 五位一体.
    private static let sloganWords = ["意识", "自信", "维护", "确立", "全面", "代表", "务必", "一百年", "毫不动摇", "全覆盖", "规定", "一体"]
        .map { Array($0.unicodeScalars) }

    /// Ordinals (第三届, 第2针), rankings (前3名), enumerations (一、二类), slogans (四个意识).
    private static func isExcludedByContext(_ text: ScalarText, _ side: Side) -> Bool {
        let start = side.token.range.lowerBound
        var before = start - 1
        while text[before] == " " { before -= 1 }
        if text[before] == "第" { return true }
        if text[before] == "前", let unit = side.unit, unit.scalar == "名" || unit.scalar == "位" { return true }
        guard side.token.script == .chinese else { return false }
        let previous = text[start - 1]
        // 高三 (a school year) — but 提高三个百分点 is an amount.
        if previous == "高", text[start - 2] != "提" { return true }
        if chineseBlockers.contains(previous) { return true }
        // 一、二类 and 二、三季度 list categories; a count is not written that way.
        if previous == "、", isChineseNumeral(text[start - 2]) { return true }
        if text[side.token.range.upperBound] == "、", isChineseNumeral(text[side.token.range.upperBound + 1]) { return true }
        if side.unit != nil, sloganWords.contains(where: { text.matches($0, at: side.end) }) { return true }
        // 三类坝, 二类点, 一类地区: Chinese numerals with 类 name a class; counts of kinds are
        // written with digits (5类以上).
        if side.unit?.scalar == "类" { return true }
        return false
    }

    private static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        NumberReader.chineseDigit(scalar) != nil || NumberReader.chinesePlace(scalar) != nil
    }

    /// Digits glued to a code or a compound: PM2.5, DN1000, G20, 7×24, 1+13, 1/3, and the
    /// later parts of 2023-03-06 or 3:30.
    private static func isCompoundContinuation(_ text: ScalarText, at start: Int) -> Bool {
        let previous = text[start - 1]
        guard text[start].isASCIIDigit else { return false }
        if previous.isASCIILetter || previous == "×" || previous == "*" || previous == "+" || previous == "#" { return true }
        if previous == "-" || previous == "/" || previous == "." || previous == ":" || previous == "±" {
            // After a digit: a date or a code (2023-03-06). Otherwise a sign (增长-5%): the
            // amount is negative or signed, and a value without its sign is wrong.
            return previous == "-" || previous == "±" ? true : text[start - 2].isASCIIDigit
        }
        // Digits followed by an operator belong to a formula or a code as well.
        var end = start
        while text[end].isASCIIDigit || text[end] == "." { end += 1 }
        let next = text[end]
        if next == "×" || next == "*" || next == "+" || next == "#" { return true }
        if (next == "/" || next == ":") && text[end + 1].isASCIIDigit { return true }
        return false
    }

    /// The end of the digits, separators and Chinese numerals starting at `start`.
    private static func skipNumberRun(_ text: ScalarText, from start: Int) -> Int {
        var cursor = start
        if text[cursor].isASCIIDigit {
            while text[cursor].isASCIIDigit || ((text[cursor] == "." || text[cursor] == "," || text[cursor] == "/" || text[cursor] == ":" || text[cursor] == "-") && text[cursor + 1].isASCIIDigit) {
                cursor += 1
            }
        } else {
            while isChineseNumeral(text[cursor]) { cursor += 1 }
        }
        return max(cursor, start + 1)
    }

    // MARK: - 百分之

    /// 百分之八十, 百分之80, 百分之百.
    private static func readPercentWord(_ text: ScalarText, at start: Int) -> Outcome {
        let numberStart = start + percentWord.count
        let value: ExactDecimal
        let end: Int
        if text[numberStart] == "百", NumberReader.chinesePlace(text[numberStart + 1]) == nil,
            NumberReader.chineseDigit(text[numberStart + 1]) == nil
        {
            value = ExactDecimal(100)
            end = numberStart + 1
        } else if let token = readNumber(text, at: numberStart), !token.isDigitSequence {
            value = token.value
            end = token.range.upperBound
        } else {
            return Outcome(reading: nil, resume: numberStart)
        }
        var reading = AmountReading(start: start, end: end, value: value, unit: UnitLexicon.percent, script: .chinese)
        if let suffix = ComparatorLexicon.suffixes.match(in: text, at: end) {
            reading.suffixComparator = suffix.value
            reading.end = suffix.end
        }
        return Outcome(reading: reading, resume: reading.end)
    }
}
