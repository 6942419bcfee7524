import Normalize
import PlanModel
import Testing

@Suite("Quantities (SPEC §3.3)")
struct QuantityParserTests {
    static let quantityCases = TableCase.load("quantities.tsv", columns: 2)
    static let nonQuantityCases = TableCase.load("non-quantities.tsv", columns: 2)

    @Test("phrases become the expected quantities", arguments: quantityCases)
    func quantities(_ row: TableCase) {
        #expect(Notation.format(QuantityParser.parse(row[0])) == row[1])
    }

    @Test("non-quantities are left alone", arguments: nonQuantityCases)
    func nonQuantities(_ row: TableCase) {
        #expect(Notation.format(QuantityParser.parse(row[0])) == row[1])
    }

    static let formCases = TableCase.loadForms("quantities", columns: 2)

    @Test("each form of quantity in Data/forms reads as its table says", arguments: formCases)
    func forms(_ row: TableCase) {
        #expect(Notation.format(QuantityParser.parse(row[0])) == row[1])
    }

    @Test("the tables hold what the issue asks for")
    func coverage() {
        #expect(Self.quantityCases.count + Self.nonQuantityCases.count >= 150)
        #expect(Self.nonQuantityCases.count >= 40)
    }

    @Test("values are exact decimals, written without float noise")
    func exactValues() throws {
        let quantity = try #require(QuantityParser.parse("新增义务教育阶段学位7.44万个").first)
        #expect(quantity.value?.description == "74400")
        let small = try #require(QuantityParser.parse("完成投资0.07亿元").first)
        #expect(small.value?.description == "7000000")
        let fraction = try #require(QuantityParser.parse("达到2.55人").first)
        #expect(fraction.value == ExactDecimal(significand: 255, scale: 2))
    }

    @Test("field is left for the caller")
    func fieldUnset() {
        #expect(QuantityParser.parse("400个以上，力争产值突破1000亿元").allSatisfy { $0.field == nil })
    }
}
