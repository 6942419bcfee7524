/// Something worth telling the user about the input: a located warning, never an exception.
///
/// Readers and builders return these beside their results; bad input is data.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var message: String
    /// 1-based line in the original file, when the diagnostic has one.
    public var line: Int?

    public init(_ code: DiagnosticCode, _ message: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.line = line
    }
}
