/// A run of text outside a table: a line of plain text, an HTML paragraph or heading,
/// a preamble line above a table dump.
public struct Paragraph: Hashable, Sendable {
    public var text: String
    public var span: SourceSpan
    /// What the reader knows about it beyond its text.
    public var role: Role

    public enum Role: String, Hashable, Sendable {
        /// Ordinary text.
        case body
        /// An HTML heading (`<h1>`–`<h6>`) or an equivalent the reader is sure of.
        case heading
        /// Lines above a table dump's header: title, issuer 制表单位, date 制表时间.
        case preamble
        /// Text after the last table (notes, signatures).
        case trailer
    }

    public init(text: String, span: SourceSpan, role: Role = .body) {
        self.text = text
        self.span = span
        self.role = role
    }
}
