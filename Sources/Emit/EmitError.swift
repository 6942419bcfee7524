/// Why output could not be written (the environment failed, not the input): one line naming
/// the output as the user knows it and the system's reason, e.g.
/// `cannot write out/records.jsonl: No space left on device`.
public struct EmitError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    /// The reason, e.g. the system's text for an errno value.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "cannot write \(path): \(message)" }
}
