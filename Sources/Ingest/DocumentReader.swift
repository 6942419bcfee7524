public import PlanModel

/// Reads decoded text of one format into the document model. One implementation per format.
public protocol DocumentReader: Sendable {
    var format: InputFormat { get }
    /// Never throws: whatever is wrong with the input becomes a diagnostic in the result.
    func read(_ text: String) -> SourceDocument
}
