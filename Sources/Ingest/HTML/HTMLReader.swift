// STUB — replaced by the libxml2 reader (issue 4).
public import PlanModel

/// Reads HTML through libxml2's HTML parser into tables (spans expanded) and paragraphs.
public struct HTMLReader: DocumentReader {
    public var format: InputFormat { .html }

    public init() {}

    public func read(_ text: String) -> SourceDocument {
        SourceDocument(format: .html, diagnostics: [Diagnostic(.htmlParseError, "HTML is not supported yet")])
    }
}
