/// A document's records: its `document` record and its `task` records, in order.
public struct NormalizedDocument: Hashable, Sendable {
    public var document: DocumentRecord
    public var tasks: [TaskRecord]

    public init(document: DocumentRecord, tasks: [TaskRecord]) {
        self.document = document
        self.tasks = tasks
    }
}
