@testable import Normalize
import Testing

@Suite struct InlineEnumerationTests {
    static func list(_ text: String, limit: InlineEnumeration.LeadInLimit? = nil) -> (leadIn: String, items: [String])? {
        let scalars = Array(text.unicodeScalars)
        return InlineEnumeration.list(in: scalars[...], limit: limit).map { (String(scalars: $0.leadIn), $0.items.map(\.text)) }
    }

    @Test func itemsRunTogetherInOneParagraphAreRead() throws {
        let found = try #require(Self.list("今年办好以下实事：1.新建学校；2.改造老旧小区；3.增加公交线路。"))
        #expect(found.leadIn == "今年办好以下实事：")
        #expect(found.items == ["新建学校", "改造老旧小区", "增加公交线路。"])
        #expect(Self.list("只有一项：1.新建学校。") == nil)
    }

    /// A limit on the lead-in gives the same list when it is kept and none when it is not, and
    /// the scan stops there: an opening found later (a second item 1) is not taken instead.
    @Test func aLeadInLimitOnlyTurnsDownLongerLeadIns() throws {
        let text = "今年办好以下实事：1.新建学校；2.改造老旧小区。"
        let limit = InlineEnumeration.LeadInLimit(length: 9, fullStops: 0)
        #expect(Self.list(text, limit: limit)?.items == Self.list(text)?.items)
        #expect(Self.list(text, limit: InlineEnumeration.LeadInLimit(length: 8, fullStops: 0)) == nil)

        let late = "前言部分。另起一段。再说一句：1.甲事项；2.乙事项。"
        #expect(Self.list(late)?.leadIn == "前言部分。另起一段。再说一句：")
        #expect(Self.list(late, limit: InlineEnumeration.LeadInLimit(length: 40, fullStops: 1)) == nil)
        #expect(Self.list(late, limit: InlineEnumeration.LeadInLimit(length: 40, fullStops: 2))?.items == ["甲事项", "乙事项。"])
    }
}
