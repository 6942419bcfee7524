/// Where a document came from and how it was read: the `source` of a document record.
public struct SourceInfo: Hashable, Sendable {
    /// As given on the command line (relative paths stay relative), `-` for stdin.
    public var path: String
    public var bytes: Int
    /// Lower-case hex sha256 of the raw bytes.
    public var sha256: String
    public var encoding: String
    public var encodingSource: EncodingSource
    public var format: InputFormat

    public init(path: String, bytes: Int, sha256: String, encoding: String, encodingSource: EncodingSource, format: InputFormat) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.encoding = encoding
        self.encodingSource = encodingSource
        self.format = format
    }

    /// The first 16 hex digits of the sha256: a document's id.
    public var docID: String { String(sha256.prefix(16)) }
}
