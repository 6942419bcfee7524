import PlanModel

/// One period as printed, before the year is filled in: 二季度, 2023年7月, 7月底, 3月16日, 上旬.
struct Period: Equatable {
    enum Span: Equatable {
        case year
        case half(Int)
        case quarter(Int)
        case month(Int)
        /// 7月底, 4月末: the last day of the month.
        case monthEnd(Int)
        /// 上旬 1, 中旬 2, 下旬 3; the month may come from a neighbour (3月上旬至中旬).
        case xun(month: Int?, Int)
        /// The month may come from a neighbour (3月1日至15日).
        case day(month: Int?, Int)
        /// 年底, 年末: 12-31.
        case yearEnd
        /// 元旦, 国庆节, 春节: one day, from a table for the lunar ones.
        case holiday(Holiday)
    }

    var span: Span
    /// The year printed with it (2023年…).
    var year: Int? {
        get { storedYear == Self.noYear ? nil : Int(storedYear) }
        set { storedYear = newValue.map { Int16($0) } ?? Self.noYear }
    }
    /// 今年 0, 明年 1, -1 去年: resolved against the document's year.
    var relativeYear: Int? {
        get { storedRelativeYear == Self.noRelativeYear ? nil : Int(storedRelativeYear) }
        set { storedRelativeYear = newValue.map { Int8($0) } ?? Self.noRelativeYear }
    }
    /// A rough reading (月初, 年初) that is a guess however the year is resolved.
    var isRough = false
    /// 年内, 年度内: the year as the time by which something is done (a deadline at its end).
    var isWithin = false

    /// The years in small integers (printed years are 1900–2100, relative ones -1…1), so a
    /// period — and the cores and ranges made of periods, returned at every candidate
    /// position — stays small enough to be copied in registers rather than by `memcpy`.
    private var storedYear: Int16
    private var storedRelativeYear: Int8
    private static let noYear = Int16.min
    private static let noRelativeYear = Int8.min

    init(span: Span, year: Int? = nil, relativeYear: Int? = nil, isRough: Bool = false, isWithin: Bool = false) {
        self.span = span
        storedYear = year.map { Int16($0) } ?? Self.noYear
        storedRelativeYear = relativeYear.map { Int8($0) } ?? Self.noRelativeYear
        self.isRough = isRough
        self.isWithin = isWithin
    }

    var grain: TimeExpression.Grain {
        switch span {
        case .year: .year
        case .half: .half
        case .quarter: .quarter
        case .month: .month
        case .xun: .xun
        case .day, .monthEnd, .yearEnd, .holiday: .day
        }
    }

    /// Periods that can share one list or range: 二、三季度, 4月、6月, 6月底、9月.
    var family: Int {
        switch span {
        case .year, .yearEnd: 0
        case .half: 1
        case .quarter: 2
        case .month, .monthEnd: 3
        case .xun: 4
        case .day, .holiday: 5
        }
    }

    /// A point or a day, not a stretch: 7月底, 年底, 3月16日, 春节.
    var isDay: Bool {
        switch span {
        case .day, .monthEnd, .yearEnd, .holiday: true
        default: false
        }
    }

    /// A day of the calendar (3月16日, 国庆节), not the end of a stretch (7月底, 年底).
    var isDate: Bool {
        switch span {
        case .day, .holiday: true
        default: false
        }
    }

    /// Whether a period whose dates cannot be had is impossible (2月30日) rather than only
    /// unknown (a day without its month, a lunar holiday outside the table).
    var isCalendarKnown: Bool {
        switch span {
        case .holiday: false
        case .day, .xun: month != nil
        default: true
        }
    }

    var month: Int? {
        switch span {
        case .month(let month), .monthEnd(let month): month
        case .xun(let month, _), .day(let month, _): month
        case .holiday(let holiday): holiday.month
        default: nil
        }
    }

    /// Position inside a year, to tell whether a later item wraps into the next year
    /// (10月至3月) and to order the items of a list.
    var positionInYear: Int {
        switch span {
        case .year: 0
        case .half(let half): (half - 1) * 6 * 31
        case .quarter(let quarter): (quarter - 1) * 3 * 31
        case .month(let month): (month - 1) * 31
        case .monthEnd(let month): (month - 1) * 31 + 30
        case .xun(let month, let xun): ((month ?? 1) - 1) * 31 + (xun - 1) * 10
        case .day(let month, let day): ((month ?? 1) - 1) * 31 + day - 1
        case .yearEnd: 12 * 31
        case .holiday(let holiday): ((holiday.month ?? 1) - 1) * 31
        }
    }

    /// The inclusive dates of the period in `year`; nil when a part is unknown (a 旬 or a day
    /// without its month) or the date does not exist (2月30日).
    func dates(in year: Int) -> (start: CalendarDate, end: CalendarDate)? {
        func monthSpan(_ first: Int, _ last: Int) -> (CalendarDate, CalendarDate)? {
            guard let start = CalendarDate(year: year, month: first, day: 1), let end = CalendarDate.endOf(month: last, year: year)
            else { return nil }
            return (start, end)
        }
        switch span {
        case .year: return monthSpan(1, 12)
        case .half(let half): return monthSpan(half * 6 - 5, half * 6)
        case .quarter(let quarter): return monthSpan(quarter * 3 - 2, quarter * 3)
        case .month(let month): return monthSpan(month, month)
        case .monthEnd(let month):
            guard let end = CalendarDate.endOf(month: month, year: year) else { return nil }
            return (end, end)
        case .xun(let month, let xun):
            guard let month, let first = CalendarDate(year: year, month: month, day: xun * 10 - 9) else { return nil }
            let last = xun == 3 ? CalendarDate.endOf(month: month, year: year) : CalendarDate(year: year, month: month, day: xun * 10)
            return last.map { (first, $0) }
        case .day(let month, let day):
            guard let month, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
            return (date, date)
        case .yearEnd:
            guard let end = CalendarDate(year: year, month: 12, day: 31) else { return nil }
            return (end, end)
        case .holiday(let holiday):
            return holiday.date(in: year).map { ($0, $0) }
        }
    }

    /// The compact reference (SPEC §3.4): `2023`, `2023-H1`, `2023-Q2`, `2023-07`, `2023-07-31`,
    /// and for a 旬 its days, `2023-03-01/2023-03-10`. Unknown parts are written `XXXX` / `XX`.
    func ref(in year: Int?) -> String {
        RefWriter.string { $0.ref(of: self, in: year) }
    }

    /// The ref of a range or list from `first` to `last`: their refs joined by `/`.
    static func ref(from first: Period, in firstYear: Int?, to last: Period, in lastYear: Int?) -> String {
        RefWriter.string { ref in
            ref.ref(of: first, in: firstYear)
            ref.write("/")
            ref.ref(of: last, in: lastYear)
        }
    }

    /// Writes a ref's ASCII into a buffer: no String is built for its parts.
    private struct RefWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        /// The ASCII `body` writes, as a String. Room for two refs of 20-digit years (the
        /// longest, two 旬 of unknown months, are 2 × 53 scalars and a `/`).
        static func string(_ body: (inout RefWriter) -> Void) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { buffer in
                var ref = RefWriter(buffer: buffer)
                body(&ref)
                let bytes = UnsafeBufferPointer(rebasing: buffer[..<ref.count])
                // A ref is ASCII and nearly always fits a small string: copied in as it is
                // rather than decoded (the String still checks it).
                guard ref.count <= 15 else { return String(decoding: bytes, as: UTF8.self) }
                return String(unsafeUninitializedCapacity: ref.count) { target in
                    _ = target.initialize(fromContentsOf: bytes)
                    return bytes.count
                }
            }
        }

        /// `period.ref(in: year)`.
        mutating func ref(of period: Period, in year: Int?) {
            // The spans whose ref is the text of their dates.
            if case .xun = period.span, let year, let dates = period.dates(in: year) {
                date(dates.start)
                write("/")
                date(dates.end)
                return
            }
            if case .holiday(let holiday) = period.span, let year, let holidayDate = holiday.date(in: year) {
                date(holidayDate)
                return
            }
            self.year(year)
            switch period.span {
            case .year:
                break
            case .half(let half):
                write("-H")
                number(half, width: 0)
            case .quarter(let quarter):
                write("-Q")
                number(quarter, width: 0)
            case .month(let month):
                write("-")
                number(month, width: 2)
            case .monthEnd(let month):
                let day = year.map { CalendarDate.daysIn(month: month, year: $0) } ?? CalendarDate.daysIn(month: month, year: 2001)
                write("-")
                number(month, width: 2)
                write("-")
                number(day, width: 2)
            case .xun(let month, let xun):
                self.month(month)
                write("-")
                number(xun * 10 - 9, width: 2)
                write("/")
                self.year(year)
                self.month(month)
                write("-")
                if xun == 3 { write("XX") } else { number(xun * 10, width: 2) }
            case .day(let month, let day):
                self.month(month)
                write("-")
                number(day, width: 2)
            case .yearEnd:
                write("-12-31")
            case .holiday(let holiday):
                if case .fixed(let month, let day) = holiday {
                    write("-")
                    number(month, width: 2)
                    write("-")
                    number(day, width: 2)
                } else {
                    write("-XX-XX")
                }
            }
        }

        /// `date.description`: `2023-07-31`.
        mutating func date(_ date: CalendarDate) {
            number(date.year, width: 4)
            write("-")
            number(date.month, width: 2)
            write("-")
            number(date.day, width: 2)
        }

        mutating func write(_ text: StaticString) {
            text.withUTF8Buffer { bytes in
                for byte in bytes {
                    buffer[count] = byte
                    count += 1
                }
            }
        }

        /// The year in four digits, or `XXXX`.
        mutating func year(_ year: Int?) {
            if let year { number(year, width: 4) } else { write("XXXX") }
        }

        /// `-` and the month in two digits, or `-XX`.
        mutating func month(_ month: Int?) {
            write("-")
            if let month { number(month, width: 2) } else { write("XX") }
        }

        /// `String(value)` left-padded with zeros to `width` characters.
        mutating func number(_ value: Int, width: Int) {
            // Nearly every number: a year of four digits, a month or day of one or two. Its
            // digits are written from the last, zeros filling the width.
            if value >= 0, value < 10_000, width <= 4 {
                let length = max(value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1, width)
                var rest = value
                for position in stride(from: count + length - 1, through: count, by: -1) {
                    buffer[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                    rest /= 10
                }
                count += length
                return
            }
            var magnitude = value.magnitude
            var digits = 1
            var scale: UInt = 1
            while magnitude / scale >= 10 {
                scale *= 10
                digits += 1
            }
            let length = digits + (value < 0 ? 1 : 0)
            for _ in 0..<max(0, width - length) { write("0") }
            if value < 0 { write("-") }
            while scale > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude / scale) &+ 0x30
                count += 1
                magnitude %= scale
                scale /= 10
            }
        }
    }
}
