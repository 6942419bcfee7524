/// What may follow a number: classifiers, measures, currencies, and the words that show a
/// number is *not* an amount (a year, a date, an ordinal-like tier).
enum UnitLexicon {
    /// A unit as the scanners carry it: plain values only (its name and currency are
    /// numbers into `names` and `currencies`), so readings are copied without reference counting.
    struct Unit: Sendable {
        /// Where the name stands in `names`: one name, one index.
        let nameIndex: Int16
        /// Where the currency stands in `currencies`, or -1 for none.
        private let currencyIndex: Int8
        /// 千元 is 10³ 元: values are scaled so money is always in 元.
        let powerOfTen: Int
        let rule: Rule
        /// Whether the unit is one of `durations` (asked for every amount the scanner reads).
        let isDuration: Bool
        /// The name when it is one scalar (个, 年, %): the rules that single out a unit compare
        /// this, not Strings.
        let scalar: Unicode.Scalar?

        /// The unit as written in the record (simplified script; `km` becomes 公里).
        var name: String { UnitLexicon.names[Int(nameIndex)] }
        var currency: String? { currencyIndex < 0 ? nil : UnitLexicon.currencies[Int(currencyIndex)] }

        init(_ name: String, powerOfTen: Int = 0, currency: String? = nil, rule: Rule = .always) {
            guard let nameIndex = UnitLexicon.nameIndices[name] else { preconditionFailure("UnitLexicon: \(name) is not in names") }
            self.nameIndex = nameIndex
            if let currency {
                guard let currencyIndex = UnitLexicon.currencies.firstIndex(of: currency) else {
                    preconditionFailure("UnitLexicon: \(currency) is not in currencies")
                }
                self.currencyIndex = Int8(currencyIndex)
            } else {
                currencyIndex = -1
            }
            self.powerOfTen = powerOfTen
            self.rule = rule
            isDuration = UnitLexicon.durations.contains(name)
            let scalars = name.unicodeScalars
            scalar = scalars.count == 1 ? scalars.first : nil
        }
    }

    /// Every name a unit is written with in the record, each once.
    static let names: [String] = {
        var names: [String] = []
        var seen: Set<String> = []
        for name in classifiers + renamed.map(\.1) + otherNames + notAmounts where seen.insert(name).inserted { names.append(name) }
        return names
    }()

    /// Where each name stands in `names`.
    private static let nameIndices: [String: Int16] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int16($0)) })

    /// Names of the units that are neither classifiers nor renamed nor non-amounts.
    private static let otherNames = ["年", "路", "方", "元", "美元", "港元", "欧元", "日元"]

    static let currencies = ["CNY", "USD", "HKD", "EUR", "JPY"]

    /// 两个多月 reads as more than two 个月; 百分之八十 as 80 %.
    static let months = Unit("个月")
    static let percent = Unit("%")

    enum Rule: Sendable {
        case always
        /// 年 is a duration (两年, 5年以上) below 1000 and a calendar year (2023年) from there on.
        case durationYear
        /// 路 counts video channels (16万路) but also names bus routes (2路); 方 is cubic metres
        /// in 30万方 but "parties" in 三方: only large counts.
        case largeCountsOnly
        /// Never an amount: 号, 届, 期, 级 (tiers), 伏 (voltage classes), 番 (翻一番),
        /// 月/日/季度 (dates).
        case notAnAmount
    }

    static let units = WordTable<Unit>(
        classifiers.map { ($0, Unit($0)) }
            + renamed.map { ($0.0, Unit($0.1)) }
            + [
                ("年", Unit("年", rule: .durationYear)),
                // 三成 is 30%: 成 is a tenth.
                ("成", Unit("%", powerOfTen: 1)),
                ("路", Unit("路", rule: .largeCountsOnly)),
                // 30万方 is cubic metres; 三方 is "three parties".
                ("方", Unit("方", rule: .largeCountsOnly)),
                ("元", Unit("元", currency: "CNY")),
                ("千元", Unit("元", powerOfTen: 3, currency: "CNY")),
                ("百万元", Unit("元", powerOfTen: 6, currency: "CNY")),
                ("人民币", Unit("元", currency: "CNY")),
                ("美元", Unit("美元", currency: "USD")),
                ("港元", Unit("港元", currency: "HKD")),
                ("港币", Unit("港元", currency: "HKD")),
                ("欧元", Unit("欧元", currency: "EUR")),
                ("日元", Unit("日元", currency: "JPY")),
            ]
            + notAmounts.map { ($0, Unit($0, rule: .notAnAmount)) })

    /// Written in the record as they are printed.
    private static let classifiers = [
        "个", "家", "家次", "张", "所", "间", "名", "人", "人次", "户", "户次", "件", "项", "场", "场次", "次",
        "条", "座", "处", "宗", "套", "台", "台次", "部", "辆", "艘", "架", "架次", "批", "批次", "类",
        "支", "份", "本", "册", "篇", "节", "块", "片", "棵", "株", "头", "只", "匹", "位", "例", "床",
        "栋", "幢", "层", "种", "款", "课时", "学时", "学分", "车次", "班次", "标箱", "单", "单位", "亩次",
        "个月", "个季度", "个工作日", "工作日", "天", "周", "小时", "分钟", "秒", "岁", "周岁",
        "%", "‰", "百分点",
        "公里", "千米", "米", "厘米", "毫米", "平方米", "平方公里", "平方千米", "立方米", "立方", "亩",
        "公顷", "吨", "千克", "公斤", "克", "斤", "升", "毫升", "微克", "毫克",
        "千瓦", "千瓦时", "兆瓦", "瓦", "GB", "TB", "Mbps", "Gbps", "倍",
    ]

    /// Spelled differently from how the record writes them.
    private static let renamed = [
        ("个百分点", "百分点"), ("km", "公里"), ("m", "米"), ("mm", "毫米"), ("cm", "厘米"),
        ("m2", "平方米"), ("m²", "平方米"), ("km2", "平方公里"), ("km²", "平方公里"),
        ("m3", "立方米"), ("m³", "立方米"), ("kg", "千克"), ("t", "吨"), ("kW", "千瓦"),
        ("kWh", "千瓦时"), ("MW", "兆瓦"), ("GW", "吉瓦"), ("μg", "微克"),
    ]

    private static let notAmounts = [
        "月", "日", "号", "季度", "届", "期", "级", "伏", "千伏", "番", "时", "点",
    ]

    /// Words 成 starts (成员, 成果, 成本 …): after a number they are not tenths.
    static let wordsAfterCheng: Set<Unicode.Scalar> = [
        "员", "果", "本", "立", "为", "效", "绩", "都", "功", "熟", "品", "型", "交", "长", "就", "年", "份", "分", "像", "套",
        "片", "批", "规", "全", "材", "活", "家", "才", "器", "药", "衣", "语", "人", "事", "形", "色",
    ]

    /// Units of time: a number of them is a duration (3个月, 两年), which is a quantity only
    /// where the text measures by it (see `QuantityScanner`).
    static let durations: Set<String> = ["年", "个月", "个季度", "天", "周", "小时", "工作日", "个工作日", "分钟", "秒"]

    /// Denominators of a rate, after 每 (每人每月, 每千名老年人) or after a slash (元/人).
    static let denominators = WordTable<Void>(
        [
            "人", "人次", "户", "家庭", "月", "年", "季度", "半年", "周", "天", "日", "小时", "平方米",
            "平方公里", "立方米", "公里", "千米", "吨", "亩", "床", "学生", "村", "社区", "镇", "镇街",
            "班", "学校", "校", "老年人", "儿童", "人口", "常住人口", "户籍人口", "居民", "职工", "妇女",
            "新生儿", "孕产妇", "活产", "企业", "项目", "辆", "次", "件", "个", "家", "间", "套", "张",
            "台", "m2", "m²", "m3", "m³", "km", "km2", "km²",
        ].map { ($0, ()) })

    /// Classifiers that may stand between 每 and the noun (每名学生, 每家企业, 每千名老年人).
    static let denominatorClassifiers: Set<Unicode.Scalar> = ["个", "名", "位", "家", "所", "户", "张"]
}
