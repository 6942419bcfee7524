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
    /// The earlier file's lines this run repeats so far, not yet written.
    private var held: HeldEarlierBytes?

    public init(recordsPath: String, errorsPath: String, earlier: Earlier? = nil) {
        self.recordsPath = recordsPath
        self.errorsPath = errorsPath
        tasksOnly = false
        held = earlier.map { HeldEarlierBytes(path: $0.path, file: $0.file) }
    }

    /// Task records only, no error lines.
    public init(tasksPath: String) {
        recordsPath = tasksPath
        errorsPath = nil
        tasksOnly = true
        held = nil
    }

    public mutating func begin() throws(EmitError) {
        records = try AtomicFile(destination: recordsPath)
        if let errorsPath { errors = try AtomicFile(destination: errorsPath) }
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .records(let encoded):
            guard let records else { return }
            if held?.extend(with: encoded.earlierRange) == true { return }
            try held?.release(into: records, outputPath: recordsPath)
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

    public mutating func finish() throws(EmitError) {
        if let held, held.areTheWholeFile, records?.commit(asLinkTo: held.path) == true {
            records = nil
        }
        try held?.release(into: records, outputPath: recordsPath)
        try records?.commit()
        try errors?.commit()
        records = nil
        errors = nil
    }
}
