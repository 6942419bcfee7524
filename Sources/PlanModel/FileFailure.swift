/// A file that could not be converted: one line of `errors.jsonl`.
public struct FileFailure: Hashable, Sendable, Error {
    public var path: String
    /// Nil when the file could not even be read.
    public var sha256: String?
    /// Where it failed: `read`, `decode`, `detect`, `normalize`.
    public var stage: String
    public var code: DiagnosticCode
    public var message: String

    public init(path: String, sha256: String?, stage: String, code: DiagnosticCode, message: String) {
        self.path = path
        self.sha256 = sha256
        self.stage = stage
        self.code = code
        self.message = message
    }
}
