/// The kind of document a file holds, detected from its content.
public enum InputFormat: String, Hashable, Sendable, CaseIterable {
    /// A Word table pasted as text: a TAB opens each cell, a blank line ends each row.
    case tableDump = "table-dump"
    case html = "html"
    /// Plain text, typically copied from a web page.
    case text = "text"
}
