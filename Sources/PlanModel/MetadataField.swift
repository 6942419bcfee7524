/// A `key: value` pair of page metadata (索引号, 发布机构, 成文日期, 文号, 发布日期 ...), as
/// printed, found by a reader in a metadata table or in metadata lines.
public struct MetadataField: Hashable, Sendable {
    public var key: String
    public var value: String
    public var line: Int

    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}
