@testable import Normalize
import Testing

/// The byte and scalar shortcuts the owner parsers take before reading a text in full.
@Suite struct OwnerScanningTests {
    @Test(arguments: [
        ("牵头单位：甲局", true),
        ("牵头:甲局", true),
        ("一二三四五六七八：九", true),
        ("一二三四五六七八九：十", false),
        ("甲局、乙局负责", false),
        ("ab；cd（e）", false),
        ("", false),
    ])
    func colonAmongTheFirstNineScalars(text: String, expected: Bool) {
        #expect(ResponsibilityAnnotation.hasOpeningColon(text) == expected)
    }

    @Test func formsOfSeveralScalarsAreTheFormsOfEach() {
        let targets: [Unicode.Scalar] = ["关", "等", "以"]
        let together = Set(CharacterFold.forms(ofAny: targets))
        let oneByOne = Set(targets.flatMap { CharacterFold.forms(of: $0) })
        #expect(together == oneByOne)
        #expect(together.contains("關"))
    }

    @Test(arguments: [
        ("甲局、乙局", ["甲局", "乙局"]),
        ("（1）甲局、乙局等有关部门，丙委", ["甲局", "乙局", "丙委"]),
        ("各区、县级市，有关部门", ["各区、县级市"]),
        ("甲局（设在\n乙局）、丙局以及丁局", ["甲局（设在乙局）", "丙局", "丁局"]),
        ("高等学校等和各省级人民政府", ["高等学校", "各省级人民政府"]),
    ])
    func unitListsSplitIntoNames(text: String, expected: [String]) {
        #expect(UnitListSplitter.split(text) == expected)
    }
}
