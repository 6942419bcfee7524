public import PlanModel

extension EncodedRecords {
    /// Encodes a document's task records one by one as they are made, so that none has to be
    /// held once encoded; the document record, which sums them up and comes first in the file,
    /// is encoded last (`finish`). Task lines go into pieces of about `pieceSize` bytes; past
    /// `memoryBudget` bytes, pieces spill into a temporary file in `spillFolder`.
    public struct Builder {
        private let keepingTyped: Bool
        private var spillFolder: String?
        private let memoryBudget: Int
        private var json: JSONBytes
        private var pieces: [Piece] = []
        private var spill: BackingFile?
        private var inMemory = 0
        /// The typed records, when kept.
        private var tasks: [TaskRecord] = []
        /// Task records encoded so far.
        public private(set) var taskCount = 0

        /// `keepingTyped` keeps the typed records beside the lines (for CSV and SQLite; nothing
        /// spills then); `spillFolder` nil keeps every line in memory.
        public init(keepingTyped: Bool, spillFolder: String?, memoryBudget: Int = EncodedRecords.memoryBudget) {
            self.keepingTyped = keepingTyped
            self.spillFolder = keepingTyped ? nil : spillFolder
            self.memoryBudget = memoryBudget
            json = JSONBytes.piece()
        }

        public mutating func add(_ task: consuming TaskRecord) {
            RecordEncoder.write(task, into: &json)
            json.byte(0x0A)
            taskCount += 1
            if keepingTyped { tasks.append(task) }
            if json.count >= EncodedRecords.pieceSize {
                store(json)
                json = JSONBytes.piece()
            }
        }

        /// The lines, the document line first.
        public consuming func finish(_ document: DocumentRecord) -> EncodedRecords {
            if !json.isEmpty { store(json) }
            var line = JSONBytes(capacity: 4096)
            RecordEncoder.write(document, into: &line)
            line.byte(0x0A)
            return EncodedRecords(
                documentLine: line.bytes[...], taskPieces: pieces,
                document: keepingTyped ? NormalizedDocument(document: document, tasks: tasks) : nil)
        }

        private mutating func store(_ piece: JSONBytes) {
            if inMemory + piece.count > memoryBudget, let folder = spillFolder {
                if spill == nil { spill = BackingFile(spillingIn: folder) }
                if let spill, let range = piece.withUnsafeBytes(spill.append) {
                    pieces.append(.file(spill, range))
                    return
                }
                spillFolder = nil  // the folder takes no more: keep the rest in memory
            }
            inMemory += piece.count
            pieces.append(.bytes(piece))
        }
    }
}
