/// A section of a document with its declared and found task counts: `一、强化医疗服务保障（共12项）`
/// declares 12; `found` counts the tasks parsed under it (nested sections included).
public struct SectionSummary: Hashable, Sendable {
    /// The section's path from the top, itself last.
    public var path: [SectionRef]
    public var declared: Int?
    public var found: Int
    public var line: Int

    public init(path: [SectionRef], declared: Int?, found: Int, line: Int) {
        self.path = path
        self.declared = declared
        self.found = found
        self.line = line
    }

    public var marker: String { path.last?.marker ?? "" }
    public var title: String { path.last?.title ?? "" }
}
