import PlanModel

/// A number as printed, before any multiplier or unit: `1,200.5`, `7.44`, `三千五百万`.
struct NumberToken {
    enum Script { case arabic, chinese }

    var value: ExactDecimal
    /// The digits (with separators and decimal point) in the scanned text.
    var range: Range<Int>
    var script: Script
    /// Chinese digits written one by one (二〇二三): a year or a code, never an amount.
    var isDigitSequence = false
    /// A lone 一 or 二. 一 is an article in 一批, 一件事情接着一件事情, 统一; and counts are
    /// written with 两 (两个, 两次), so a lone 二 is an ordinal: 二次开发, 二期, 二类.
    var isLoneOneOrTwo = false
    /// `03`, `007`: a code or a date part.
    var hasLeadingZero = false
}

/// Reads Arabic and Chinese numerals exactly, with overflow-checked integer arithmetic.
enum NumberReader {
    /// Chinese digit values; `nil` for anything else.
    @inline(__always)
    static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": 0
        case "一": 1
        case "二", "两": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        default: nil
        }
    }

    /// Powers of ten of the Chinese place characters.
    @inline(__always)
    static func chinesePlace(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十": 1
        case "百": 2
        case "千": 3
        case "万": 4
        case "亿": 8
        default: nil
        }
    }

    /// Where a Chinese numeral may begin. 百/千/万/亿 alone are not numbers here: 百村, 千日攻坚,
    /// 万家, 万江 are names, and a real amount starts with a digit (一百, 三千) or 十.
    @inline(__always)
    static func isChineseNumeralStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "十" || (chineseDigit(scalar).map { $0 > 0 } ?? false)
    }

    /// A bare 百, 千 or 万 that counts people: 万名 (带动万名青年), 千名干部, 百名专家, read as
    /// 100, 1000 or 10000, because 名 only ever counts persons (a bare place character is
    /// otherwise no number: `isChineseNumeralStart`). Not before 人 (万人计划 and 万人空巷 are
    /// names), not after a numeral or within two scalars of one (三万名 is read from 三;
    /// 千家万户 and 百千万 are idioms and tiers), and not after a word that makes it vague or a
    /// denominator: 数万名 (tens of thousands), 上万名 / 近万名 / 过万名 (about or over), 几百名,
    /// 每万名 (a rate, read by 每). Returns the value, or nil.
    static func barePlaceCount(_ text: ScalarText, at index: Int) -> Int? {
        guard text[index + 1] == "名", let place = chinesePlace(text[index]), (2...4).contains(place) else { return nil }
        for offset in [-2, -1, 2] {
            let near = text[index + offset]
            if near.isASCIIDigit || chineseDigit(near) != nil || chinesePlace(near) != nil { return nil }
        }
        return vagueBeforeBarePlace.contains(text[index - 1]) ? nil : power(place)
    }

    /// What turns a bare 万名 into an estimate or a denominator (`barePlaceCount`).
    private static let vagueBeforeBarePlace: Set<Unicode.Scalar> = ["数", "上", "近", "过", "几", "成", "每", "逾", "超"]

    /// Reads ASCII digits at `start` (`1,200.5`, `7.44`). Returns nil for a run that is not one
    /// number (a dotted date `2023.3.16`, a version, more digits than fit), together with the
    /// end of the run so the caller skips it whole.
    static func readArabic(_ text: ScalarText, at start: Int) -> (token: NumberToken?, end: Int) {
        var cursor = start
        var significand = 0
        var scale = 0
        var overflow = false

        func append(_ digit: Int) {
            let (times10, overflow1) = significand.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { overflow = true } else { significand = sum }
        }

        var integerDigits = 0
        while text[cursor].isASCIIDigit {
            append(text[cursor].asciiDigitValue)
            integerDigits += 1
            cursor += 1
        }
        // Thousands separators: only groups of exactly three digits after one to three.
        if integerDigits <= 3 {
            while text[cursor] == ",", text[cursor + 1].isASCIIDigit, text[cursor + 2].isASCIIDigit,
                text[cursor + 3].isASCIIDigit, !text[cursor + 4].isASCIIDigit
            {
                for offset in 1...3 { append(text[cursor + offset].asciiDigitValue) }
                cursor += 4
            }
        }
        if text[cursor] == ".", text[cursor + 1].isASCIIDigit {
            cursor += 1
            while text[cursor].isASCIIDigit {
                append(text[cursor].asciiDigitValue)
                scale += 1
                cursor += 1
            }
            // 2023.3.16, 1.2.3: a date or a version, not a number.
            if text[cursor] == ".", text[cursor + 1].isASCIIDigit {
                while text[cursor].isASCIIDigit || text[cursor] == "." { cursor += 1 }
                return (nil, cursor)
            }
        }
        // A run of more digits than fit: skip the whole run, never a partial value.
        if overflow || scale > 18 {
            while text[cursor].isASCIIDigit || text[cursor] == "." || text[cursor] == "," { cursor += 1 }
            return (nil, cursor)
        }
        let token = NumberToken(
            value: ExactDecimal(significand: significand, scale: scale),
            range: start..<cursor,
            script: .arabic,
            hasLeadingZero: integerDigits > 1 && text[start] == "0")
        return (token, cursor)
    }

    /// Reads Chinese numerals at `start`: 十件, 两个, 三千五百万, 一万五 (= 15000: a trailing digit
    /// after 万/千/百 counts in the next lower place), 一百零五, 二〇二三 (a digit sequence).
    static func readChinese(_ text: ScalarText, at start: Int) -> (token: NumberToken?, end: Int) {
        var end = start
        while end - start < 24, chineseDigit(text[end]) != nil || chinesePlace(text[end]) != nil { end += 1 }
        guard end > start else { return (nil, start) }
        // One numeral alone (the 一 of 统一, 两个, 三年): its digit, as the general path reads it.
        if end - start == 1, let digit = chineseDigit(text[start]) {
            guard digit > 0 else { return (nil, end) }
            var token = NumberToken(value: ExactDecimal(digit), range: start..<end, script: .chinese)
            token.isLoneOneOrTwo = text[start] == "一" || text[start] == "二"
            return (token, end)
        }

        // Digits alone (二〇二三, 三五): a sequence, read digit by digit.
        if (start..<end).allSatisfy({ chineseDigit(text[$0]) != nil }) && end - start > 1 {
            guard end - start <= 18 else { return (nil, end) }
            var value = 0
            for index in start..<end { value = value * 10 + chineseDigit(text[index])! }
            return (NumberToken(value: ExactDecimal(value), range: start..<end, script: .chinese, isDigitSequence: true), end)
        }

        var total = 0  // whole 亿 groups
        var belowYi = 0  // whole 万 groups below 亿
        var section = 0  // below 万
        var pending: Int? = nil  // a digit waiting for its place
        var lastPlace = 0
        var afterZero = false
        var failed = false

        func checked(_ value: (partialValue: Int, overflow: Bool)) -> Int {
            if value.overflow { failed = true }
            return value.partialValue
        }

        for index in start..<end where !failed {
            let scalar = text[index]
            if let digit = chineseDigit(scalar) {
                // Two digits in a row after a place (一百二三): an estimate, not a number.
                if pending != nil { failed = true; break }
                if digit == 0 {
                    afterZero = true
                } else {
                    pending = digit
                }
                continue
            }
            guard let place = chinesePlace(scalar) else { break }
            switch place {
            case 1, 2, 3:
                // 十 may stand alone (十五); 百 and 千 need a digit (一百, 三千).
                guard let digit = pending ?? (place == 1 ? 1 : nil) else { failed = true; break }
                section = checked(section.addingReportingOverflow(checked(digit.multipliedReportingOverflow(by: power(place)))))
            case 4:
                let group = section + (pending ?? 0)
                guard group > 0 else { failed = true; break }
                belowYi = checked(belowYi.addingReportingOverflow(checked(group.multipliedReportingOverflow(by: 10_000))))
                section = 0
            default:  // 亿
                let group = belowYi + section + (pending ?? 0)
                guard group > 0 else { failed = true; break }
                total = checked(total.addingReportingOverflow(checked(group.multipliedReportingOverflow(by: 100_000_000))))
                belowYi = 0
                section = 0
            }
            pending = nil
            afterZero = false
            lastPlace = place
        }
        if failed { return (nil, end) }

        var tail = pending ?? 0
        // 一万五 is 15000, 三千五 is 3500: a last digit right after 百/千/万/亿 (not after 零,
        // not after 十) counts in the place just below.
        if let digit = pending, lastPlace >= 2, !afterZero {
            tail = checked(digit.multipliedReportingOverflow(by: power(lastPlace == 8 ? 7 : lastPlace - 1)))
        }
        let value = checked(checked(total.addingReportingOverflow(belowYi)).addingReportingOverflow(checked(section.addingReportingOverflow(tail))))
        if failed || value == 0 { return (nil, end) }
        var token = NumberToken(value: ExactDecimal(value), range: start..<end, script: .chinese)
        token.isLoneOneOrTwo = end - start == 1 && (text[start] == "一" || text[start] == "二")
        return (token, end)
    }

    /// 万/亿 right after Arabic digits, and the combinations 万亿, 千万, 百万. 千 or 百 alone after
    /// digits is not a multiplier: in 500千伏 it belongs to the unit.
    static func multiplier(in text: ScalarText, at index: Int) -> (power: Int, end: Int)? {
        switch text[index] {
        case "万":
            if text[index + 1] == "亿" { return (12, index + 2) }
            return (4, index + 1)
        case "亿":
            return (8, index + 1)
        case "千" where text[index + 1] == "万":
            return (7, index + 2)
        case "百" where text[index + 1] == "万":
            return (6, index + 2)
        default:
            return nil
        }
    }

    private static func power(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
