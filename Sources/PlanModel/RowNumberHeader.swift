/// The headers of a column that numbers a table's rows (序号, 编号). One table for every
/// reader and builder that needs to know: the flattened-table recogniser looks for it to
/// find a header, the task builders to read row numbers.
public enum RowNumberHeader {
    /// Simplified and traditional, lower case, spaces removed.
    public static let words: Set<String> = ["序号", "序號", "编号", "編號", "序", "项目编号", "項目編號", "no", "no."]

    public static func matches(_ header: some StringProtocol) -> Bool {
        words.contains(String(header.filter { !$0.isWhitespace && $0 != "\u{3000}" }).lowercased())
    }
}
