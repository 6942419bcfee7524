/// Writes `records.jsonl` (one record per line) and `errors.jsonl` (one failed file per line);
/// or `tasks.jsonl`, the task records alone (one record type per file, for pandas and DuckDB).
/// The lines come encoded: writing them is a copy. When every document's lines are kept from
/// the last run's records.jsonl, in its order and all of it (a run where nothing changed), that
/// file is linked into place instead of written again.
public struct JSONLinesWriter: RecordWriter {
    /// The last run's records.jsonl: its path (inside its generation) and the file, open.
    public struct Earlier: Sendable {
        public var path: String
        public var file: BackingFile

        public init(path: String, file: BackingFile) {
            self.path = path
            self.file = file
        }
    }

    let recordsPath: String
    let errorsPath: String?
    let tasksOnly: Bool
    private var records: AtomicFile?
    private var errors: AtomicFile?
    private let earlier: Earlier?
    /// While every line so far is the earlier file's, in order: how many of its bytes that is
    /// (written only once a line differs). Nil once one has.
    private var earlierPrefix: Int?

    public init(recordsPath: String, errorsPath: String, earlier: Earlier? = nil) {
        self.recordsPath = recordsPath
        self.errorsPath = errorsPath
        tasksOnly = false
        self.earlier = earlier
        earlierPrefix = earlier == nil ? nil : 0
    }

    /// Task records only, no error lines.
    public init(tasksPath: String) {
        recordsPath = tasksPath
        errorsPath = nil
        tasksOnly = true
        earlier = nil
        earlierPrefix = nil
    }

    public mutating func begin() throws(EmitError) {
        records = try AtomicFile(destination: recordsPath)
        if let errorsPath { errors = try AtomicFile(destination: errorsPath) }
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .records(let encoded):
            guard let records else { return }
            if let prefix = earlierPrefix {
                if let range = encoded.earlierRange, range.lowerBound == prefix {
                    earlierPrefix = range.upperBound
                    return
                }
                try writeEarlierPrefix()
            }
            if !tasksOnly { try records.write(encoded.documentLine) }
            try encoded.forEachTaskBlock(path: recordsPath) { block throws(EmitError) in try records.write(block) }
        case .failure(let failure):
            guard let errors else { return }
            var json = JSONBytes()
            RecordEncoder.write(failure, into: &json)
            json.byte(0x0A)
            try errors.write(json.bytes)
        }
    }

    /// The earlier file's lines held back so far, written out: this run's file differs from it.
    private mutating func writeEarlierPrefix() throws(EmitError) {
        if let prefix = earlierPrefix, let earlier, prefix > 0, let records {
            try earlier.file.forEachBlock(in: 0..<prefix, path: recordsPath) { block throws(EmitError) in try records.write(block) }
        }
        earlierPrefix = nil
    }

    public mutating func finish() throws(EmitError) {
        if let prefix = earlierPrefix, let earlier, prefix == earlier.file.count, prefix > 0,
            records?.commit(asLinkTo: earlier.path) == true
        {
            records = nil
        }
        try writeEarlierPrefix()
        try records?.commit()
        try errors?.commit()
        records = nil
        errors = nil
    }
}
