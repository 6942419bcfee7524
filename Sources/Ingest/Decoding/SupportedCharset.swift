/// The encodings plan2json reads, with the names it reports and the ICU converters it uses.
enum SupportedCharset: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    case big5
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Canonical lower-case name for `DecodedText.encoding`.
    var name: String { rawValue }

    /// How a person writes it, for reasons and error messages.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .big5: "Big5"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }

    /// ICU converters for the charset. GB18030 is a superset of GB2312 and GBK. Big5 in the
    /// wild is Microsoft's cp950 (ICU's "Big5"), which adds characters and the euro sign;
    /// Hong Kong pages add HKSCS characters, which cp950 turns into private-use points: where
    /// those are many, HKSCS is tried too and the likelier text wins.
    var converters: [String] {
        switch self {
        case .utf8: ["UTF-8"]
        case .gb18030: ["GB18030"]
        case .big5: ["Big5", "Big5-HKSCS"]
        case .utf16le: ["UTF-16LE"]
        case .utf16be: ["UTF-16BE"]
        }
    }
}
