import PlanModel

/// A public holiday named in text (元旦, 国庆节, 春节, 端午, 中秋): a day of the calendar, or a
/// day of the lunar calendar that falls on a different date every year. Lunar ones come from a
/// year table; outside it (or with no year) the date is unknown and the reading a guess.
enum Holiday: Equatable, Sendable {
    /// The same month and day every year.
    case fixed(month: Int, day: Int)
    /// 春节 (正月初一), 端午 (五月初五), 中秋 (八月十五), 元宵 (正月十五): dates by year.
    case lunar(LunarDay)

    enum LunarDay: Sendable {
        case springFestival, lanternFestival, dragonBoat, midAutumn
    }

    /// Holiday names; shorter forms only where they are not the start of other words (国庆
    /// before a number is an anniversary, 国庆70周年, and `PeriodReader` leaves it).
    static let words = WordTable<Holiday>([
        ("元旦", .fixed(month: 1, day: 1)), ("元旦节", .fixed(month: 1, day: 1)),
        ("劳动节", .fixed(month: 5, day: 1)),
        ("国庆", .fixed(month: 10, day: 1)), ("国庆节", .fixed(month: 10, day: 1)),
        ("春节", .lunar(.springFestival)), ("元宵节", .lunar(.lanternFestival)),
        ("端午", .lunar(.dragonBoat)), ("端午节", .lunar(.dragonBoat)),
        ("中秋", .lunar(.midAutumn)), ("中秋节", .lunar(.midAutumn)),
    ])

    /// The holiday's date in `year`; nil for a lunar holiday outside the table.
    func date(in year: Int) -> CalendarDate? {
        switch self {
        case .fixed(let month, let day):
            return CalendarDate(year: year, month: month, day: day)
        case .lunar(let day):
            guard let row = Self.lunarTable.first(where: { $0.year == year }) else { return nil }
            switch day {
            case .springFestival: return row.spring
            case .lanternFestival:
                // 正月十五 is fourteen days after 正月初一, always within January–March.
                var date = row.spring
                for _ in 0..<14 {
                    date = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                        ?? CalendarDate(year: date.year, month: date.month + 1, day: 1)!
                }
                return date
            case .dragonBoat: return row.dragonBoat
            case .midAutumn: return row.midAutumn
            }
        }
    }

    /// The month, where every year shares it.
    var month: Int? {
        if case .fixed(let month, _) = self { return month }
        return nil
    }

    private struct LunarYear {
        let year: Int
        let spring: CalendarDate
        let dragonBoat: CalendarDate
        let midAutumn: CalendarDate

        init(_ year: Int, _ spring: (Int, Int), _ dragonBoat: (Int, Int), _ midAutumn: (Int, Int)) {
            self.year = year
            self.spring = CalendarDate(year: year, month: spring.0, day: spring.1)!
            self.dragonBoat = CalendarDate(year: year, month: dragonBoat.0, day: dragonBoat.1)!
            self.midAutumn = CalendarDate(year: year, month: midAutumn.0, day: midAutumn.1)!
        }
    }

    /// 春节 (正月初一), 端午 (五月初五) and 中秋 (八月十五) in the Gregorian calendar, 2010–2030.
    private static let lunarTable: [LunarYear] = [
        LunarYear(2010, (2, 14), (6, 16), (9, 22)),
        LunarYear(2011, (2, 3), (6, 6), (9, 12)),
        LunarYear(2012, (1, 23), (6, 23), (9, 30)),
        LunarYear(2013, (2, 10), (6, 12), (9, 19)),
        LunarYear(2014, (1, 31), (6, 2), (9, 8)),
        LunarYear(2015, (2, 19), (6, 20), (9, 27)),
        LunarYear(2016, (2, 8), (6, 9), (9, 15)),
        LunarYear(2017, (1, 28), (5, 30), (10, 4)),
        LunarYear(2018, (2, 16), (6, 18), (9, 24)),
        LunarYear(2019, (2, 5), (6, 7), (9, 13)),
        LunarYear(2020, (1, 25), (6, 25), (10, 1)),
        LunarYear(2021, (2, 12), (6, 14), (9, 21)),
        LunarYear(2022, (2, 1), (6, 3), (9, 10)),
        LunarYear(2023, (1, 22), (6, 22), (9, 29)),
        LunarYear(2024, (2, 10), (6, 10), (9, 17)),
        LunarYear(2025, (1, 29), (5, 31), (10, 6)),
        LunarYear(2026, (2, 17), (6, 19), (9, 25)),
        LunarYear(2027, (2, 6), (6, 9), (9, 15)),
        LunarYear(2028, (1, 26), (5, 28), (10, 3)),
        LunarYear(2029, (2, 13), (6, 16), (9, 22)),
        LunarYear(2030, (2, 3), (6, 5), (9, 12)),
    ]
}
