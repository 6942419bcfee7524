/// Where a task came from: `{path, line_start, line_end}` (1-based, in the original file).
public struct TaskSource: Hashable, Sendable {
    public var path: String
    public var span: SourceSpan

    public init(path: String, span: SourceSpan) {
        self.path = path
        self.span = span
    }
}
