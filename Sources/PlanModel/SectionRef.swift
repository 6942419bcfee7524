/// One level of the path from the top of a document to a task: `{marker: "一", title: "强化医疗服务保障"}`.
public struct SectionRef: Hashable, Sendable {
    /// The label as printed without its punctuation: `一`, `1`, `（3）` → `3`. May be empty.
    public var marker: String
    public var title: String

    public init(marker: String, title: String) {
        self.marker = marker
        self.title = title
    }
}
