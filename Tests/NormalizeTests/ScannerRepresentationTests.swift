@testable import Normalize
import PlanModel
import Testing

/// The compact forms the scanners use give what the general ones give: the decode's ideograph
/// runs, quantities scanned into a shared list, units carried as indices, and times of one
/// period kept without an array.
@Suite struct ScannerRepresentationTests {
    /// Each scalar decodes to `ScalarText.fold` of itself, whatever run of ideographs it stands
    /// in: 萬 億 兩 and their block (U+5100…U+517F) fold or pass through the general path.
    @Test(arguments: [
        "", "甲", "萬億兩", "一億二萬三兩", "兀兂元兄兩八", "前后ａ１２％—萬", "鿾鿿ｦ", "甲乙\r\n丙丁", "é𠀀中z", "中文",
    ])
    func decodeFoldsEveryScalarAsItself(_ text: String) {
        let decoded = ScalarText(text)
        #expect(decoded.scalars == text.unicodeScalars.map(ScalarText.fold))
        var offset = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            #expect(decoded.utf8Offset(index) == offset)
            offset += String(scalar).utf8.count
        }
        #expect(decoded.utf8Offset(decoded.count) == text.utf8.count)
        #expect(decoded.string(0..<decoded.count) == text)
    }

    @Test func quantitiesAppendToTheListGiven() {
        let text = ScalarText("新增学位1.2万个，每人每月980元")
        var alone = QuantityScanner(text)
        let found = alone.scan()
        var list = [Quantity(text: "先有的", value: ExactDecimal(1), min: nil, max: nil, unit: nil, comparator: .equal, per: [], currency: nil, isTarget: false)]
        let appended = QuantityScanner.scan(text, appendingTo: &list)
        #expect(appended == found.count && appended == 2)
        #expect(list.count == 3 && list[0].text == "先有的")
        #expect(Array(list.dropFirst()) == found)
        #expect(found[1].per == ["人", "月"] && found[1].currency == "CNY")
    }

    @Test func unitsKeepTheirNamesAndCurrencies() {
        #expect(UnitLexicon.Unit("元", powerOfTen: 3, currency: "CNY").name == "元")
        #expect(UnitLexicon.Unit("元", powerOfTen: 3, currency: "CNY").currency == "CNY")
        #expect(UnitLexicon.Unit("个").currency == nil)
        #expect(UnitLexicon.months.name == "个月" && UnitLexicon.months.isDuration)
        #expect(UnitLexicon.percent.name == "%" && UnitLexicon.percent.scalar == "%")
        #expect(Set(UnitLexicon.names).count == UnitLexicon.names.count)
        #expect(UnitLexicon.Unit("公里").nameIndex == UnitLexicon.Unit("公里", powerOfTen: 3).nameIndex)
        #expect(UnitLexicon.Unit("公里").nameIndex != UnitLexicon.Unit("米").nameIndex)
    }

    /// `ScalarNumbering` numbers the members in order of value and turns everything else away.
    @Test func scalarNumberingCountsInOrderOfValue() {
        let members: [Unicode.Scalar] = ["个", "%", "a", "元", "\u{FFFE}", "b", "万", "?", "@"]
        let numbering = ScalarNumbering(members)
        let sorted = members.sorted { $0.value < $1.value }
        #expect(numbering.count == sorted.count)
        for (number, scalar) in sorted.enumerated() { #expect(numbering.number(of: scalar) == number, "\(scalar)") }
        for scalar: Unicode.Scalar in ["c", "亿", "\u{0}", "𠀀", "\u{FFFF}", "A", ">"] {
            #expect(numbering.number(of: scalar) == nil, "\(scalar)")
        }
    }

    /// `ScalarSet.firstIndex` finds the first member from any start, at any place in the text.
    @Test func scalarSetFindsTheFirstMember() {
        let set = ScalarSet(["一9", "，"])
        for length in 0..<11 {
            for place in 0...length {
                var scalars = [Unicode.Scalar](repeating: "甲", count: length)
                if place < length { scalars[place] = place % 2 == 0 ? "一" : "，" }
                scalars.append(contentsOf: ["乙", "9"])
                let expected = place < length ? place : length + 1
                for start in 0...expected {
                    #expect(set.firstIndex(in: scalars, from: start) == expected, "\(length) \(place) \(start)")
                }
                #expect(set.firstIndex(in: scalars, from: scalars.count) == scalars.count)
            }
        }
    }

    /// One period, a range and a list each read as before (single periods go without an array).
    @Test func timesOfOneOrMorePeriods() {
        let cases: [(String, String)] = [
            ("四季度", "2023-Q4"), ("6月底前", "2023-06-30"), ("2023年3月1日至15日", "2023-03-01/2023-03-15"),
            ("二、三季度", "2023-Q2/2023-Q3"),
        ]
        for (text, ref) in cases {
            var scanner = TimeScanner(ScalarText(text), documentYear: 2023)
            let found = scanner.next()
            #expect(found?.resolution.time.ref == ref, "\(text)")
        }
    }
}
