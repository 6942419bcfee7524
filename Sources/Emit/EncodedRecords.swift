public import PlanModel

/// One document's lines of `records.jsonl`, ready to write: the document line, then one line
/// per task, each ending in a line feed.
///
/// The task lines come in pieces of whole lines: in memory (about `pieceSize` bytes each, so
/// that a document of any size is encoded without one buffer that grows by copying itself), or
/// a range of a `BackingFile`. Past `memoryBudget` bytes, a document's pieces spill into a
/// temporary file until its turn to be written, and each task record is let go as soon as it is
/// encoded: one huge document is never held as records and lines at once. Lines kept from the
/// last run are a range of its records.jsonl, read only when written. `document` is the typed
/// record the lines were written from, for the writers that take fields one by one (CSV,
/// SQLite); nil where they are not asked for, or where the lines were kept. Lines are never
/// spilled while it is kept.
public struct EncodedRecords: Sendable {
    /// Some task lines.
    public enum Piece: Sendable {
        case bytes(JSONBytes)
        case file(BackingFile, Range<Int>)

        public var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .file(_, let range): range.count
            }
        }
    }

    /// The document line, with its line feed.
    public var documentLine: ArraySlice<UInt8>
    /// The task lines, in order, each piece ending in a line feed.
    public var taskPieces: [Piece]
    public var document: NormalizedDocument?
    /// Where these lines lie in the last run's records.jsonl, when they were kept from it.
    public var earlierRange: Range<Int>?

    /// About how many bytes of task lines go into one piece.
    public static let pieceSize = 1 << 20
    /// How many bytes of task lines one document keeps in memory before spilling.
    public static let memoryBudget = 32 << 20

    public init(documentLine: ArraySlice<UInt8>, taskPieces: [Piece], document: NormalizedDocument?, earlierRange: Range<Int>? = nil) {
        self.documentLine = documentLine
        self.taskPieces = taskPieces
        self.document = document
        self.earlierRange = earlierRange
    }

    /// Encodes a converted document. `keepingTyped` keeps the typed records beside the lines;
    /// `spillFolder` is where task lines past `memoryBudget` bytes may go (nil: all stay in memory).
    public init(
        _ document: consuming NormalizedDocument, keepingTyped: Bool = true, spillFolder: String? = nil,
        memoryBudget: Int = EncodedRecords.memoryBudget
    ) {
        var builder = Builder(keepingTyped: keepingTyped, spillFolder: spillFolder, memoryBudget: memoryBudget)
        // Each task is let go once encoded: taken from the end of a reversed copy.
        var tasks = document.tasks
        document.tasks = []
        tasks.reverse()
        while let task = tasks.popLast() { builder.add(task) }
        self = builder.finish(document.document)
    }

    /// Each line without its line feed: the document's first, then the tasks' (those in a file
    /// read back; `path` names the output in a read-back failure).
    public func eachLine(path: String) throws(EmitError) -> [ArraySlice<UInt8>] {
        var lines = Array(documentLine.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast())
        for piece in taskPieces {
            let bytes: ArraySlice<UInt8>
            switch piece {
            case .bytes(let inMemory): bytes = inMemory.bytes[...]
            case .file(let file, let range):
                guard let read = file.read(range) else {
                    throw EmitError(path: path, message: "cannot read back lines kept outside memory")
                }
                bytes = read[...]
            }
            lines += bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        }
        return lines
    }

    /// Hands the task lines to `body` in order, reading pieces in a file back in blocks; `path`
    /// names the output in a read-back failure.
    public func forEachTaskBlock(path: String, _ body: (UnsafeRawBufferPointer) throws(EmitError) -> Void) throws(EmitError) {
        for piece in taskPieces {
            switch piece {
            case .bytes(let bytes): try bytes.withUnsafeBytes(body)
            case .file(let file, let range):
                try file.forEachBlock(in: range, path: path) { block throws(EmitError) in
                    var failure: EmitError?
                    block.withUnsafeBytes { bytes in
                        do throws(EmitError) { try body(bytes) } catch { failure = error }
                    }
                    if let failure { throw failure }
                }
            }
        }
    }

    /// Bytes of all the lines.
    public var count: Int { documentLine.count + taskPieces.reduce(0) { $0 + $1.count } }
}
