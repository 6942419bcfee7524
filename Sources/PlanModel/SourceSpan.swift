/// A range of lines in the original input file, 1-based and inclusive.
///
/// Every cell and paragraph keeps one from the moment it is read, so that any value in a
/// record can be traced back to the lines it came from, whatever cleaning happened since.
public struct SourceSpan: Hashable, Sendable {
    public var lineStart: Int
    public var lineEnd: Int

    public init(lineStart: Int, lineEnd: Int) {
        self.lineStart = lineStart
        self.lineEnd = max(lineStart, lineEnd)
    }

    public init(line: Int) { self.init(lineStart: line, lineEnd: line) }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(lineStart: min(lineStart, other.lineStart), lineEnd: max(lineEnd, other.lineEnd))
    }
}
