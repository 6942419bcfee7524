public import PlanModel

/// One document's lines of `records.jsonl`, ready to write: the document line, then one line
/// per task, each ending in a line feed. `document` is the typed record they were written from,
/// for the writers that take fields one by one (CSV, SQLite); nil where the lines were kept
/// from an earlier run's file and not converted again.
public struct EncodedRecords: Sendable {
    /// The lines; a slice, so that lines kept from an earlier run share its buffer.
    public var lines: ArraySlice<UInt8>
    /// Where the task lines start in `lines` (just past the document line's line feed).
    public var tasksStart: Int
    public var document: NormalizedDocument?

    public init(lines: ArraySlice<UInt8>, tasksStart: Int, document: NormalizedDocument?) {
        self.lines = lines
        self.tasksStart = tasksStart
        self.document = document
    }

    /// Encodes a converted document.
    public init(_ document: NormalizedDocument) {
        var json = JSONBytes(capacity: 2048 * (document.tasks.count + 1))
        RecordEncoder.write(document.document, into: &json)
        json.byte(0x0A)
        let tasksStart = json.bytes.count
        for task in document.tasks {
            RecordEncoder.write(task, into: &json)
            json.byte(0x0A)
        }
        self.init(lines: json.bytes[...], tasksStart: tasksStart, document: document)
    }

    /// The task lines alone (`tasks.jsonl`).
    public var taskLines: ArraySlice<UInt8> { lines[(lines.startIndex + tasksStart)...] }

    /// Each line without its line feed: the document's first, then the tasks'.
    public var eachLine: [ArraySlice<UInt8>] {
        lines.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
    }
}
