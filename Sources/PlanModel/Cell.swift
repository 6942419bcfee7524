/// One table cell as read: its text (lines joined by `\n`, otherwise as printed) and where
/// it came from.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
    /// Rows and columns this cell covered in the source (HTML `rowspan`/`colspan`); a grid
    /// position filled by repeating a spanning cell has `isSpanCopy` set.
    public var rowSpan: Int
    public var colSpan: Int
    public var isSpanCopy: Bool

    public init(text: String, span: SourceSpan, rowSpan: Int = 1, colSpan: Int = 1, isSpanCopy: Bool = false) {
        self.text = text
        self.span = span
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.isSpanCopy = isSpanCopy
    }

    /// Truly empty: what a vertically merged cell leaves in every row but its first.
    /// A cell holding only spaces is not empty but blank (someone left it blank on purpose).
    public var isEmpty: Bool { text.isEmpty }

    /// Empty or holding only white space.
    public var isBlank: Bool { text.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
