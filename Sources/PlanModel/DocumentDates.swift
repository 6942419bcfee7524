/// The dates a document carries about itself.
public struct DocumentDates: Hashable, Sendable {
    /// 成文日期, 制表时间, the date under the signature.
    public var issued: CalendarDate?
    /// 发布日期, 日期 of the page.
    public var published: CalendarDate?

    public init(issued: CalendarDate? = nil, published: CalendarDate? = nil) {
        self.issued = issued
        self.published = published
    }
}
