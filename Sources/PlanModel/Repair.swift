/// One change made to damaged text, listed in the document record so nothing changes silently.
public struct Repair: Hashable, Sendable {
    public var kind: Kind
    public var line: Int
    public var before: String
    public var after: String
    /// False when a lost byte forced a choice among candidate characters.
    public var isCertain: Bool

    public enum Kind: String, Hashable, Sendable {
        /// GBK bytes decoded one byte off, shifted back.
        case gbkByteSlip = "gbk-byte-slip"
        /// A standalone `?` where a character was lost; removed and flagged.
        case placeholder = "placeholder"
        /// Bytes that are not valid in the file's encoding, shown as U+FFFD; what they said is lost.
        case invalidBytes = "invalid-bytes"
        /// Text decoded with the wrong charset and saved again (UTF-8 shown as Windows-1252 or
        /// Latin-1: `å›½åŠ¡é™¢`; GBK shown as Latin-1: `¹úÎñÔº`), decoded back.
        case misreadEncoding = "misread-encoding"
    }

    public init(kind: Kind, line: Int, before: String, after: String, isCertain: Bool) {
        self.kind = kind
        self.line = line
        self.before = before
        self.after = after
        self.isCertain = isCertain
    }
}
