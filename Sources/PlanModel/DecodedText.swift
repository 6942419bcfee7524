/// A file's bytes turned into text, with how that was decided.
///
/// Line breaks are normalised to `\n` (CRLF and lone CR alike) without adding or removing
/// lines, so line numbers in `text` are line numbers of the original file.
public struct DecodedText: Hashable, Sendable {
    public var text: String
    /// Canonical lower-case name: `utf-8`, `gb18030`, `big5`, `utf-16le`, `utf-16be`.
    public var encoding: String
    public var encodingSource: EncodingSource
    /// Why this encoding was chosen, for `plan2json inspect` (one short sentence).
    public var reason: String
    /// What a user should hear about the decoding, e.g. a declared charset that was not used
    /// (`ingest.decode.declaredCharsetIgnored`).
    public var warnings: [Diagnostic]
    /// Changes made while decoding: damaged bytes read around, misread text decoded back.
    public var repairs: [Repair]

    public init(
        text: String, encoding: String, encodingSource: EncodingSource, reason: String = "", warnings: [Diagnostic] = [],
        repairs: [Repair] = []
    ) {
        self.repairs = repairs
        self.text = text
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.reason = reason
        self.warnings = warnings
    }
}
