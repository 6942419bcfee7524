/// Writes `records.jsonl` (one record per line) and `errors.jsonl` (one failed file per line);
/// or `tasks.jsonl`, the task records alone (one record type per file, for pandas and DuckDB).
/// The lines come encoded: writing them is a copy.
public struct JSONLinesWriter: RecordWriter {
    let recordsPath: String
    let errorsPath: String?
    let tasksOnly: Bool
    private var records: AtomicFile?
    private var errors: AtomicFile?

    public init(recordsPath: String, errorsPath: String) {
        self.recordsPath = recordsPath
        self.errorsPath = errorsPath
        tasksOnly = false
    }

    /// Task records only, no error lines.
    public init(tasksPath: String) {
        recordsPath = tasksPath
        errorsPath = nil
        tasksOnly = true
    }

    public mutating func begin() throws(EmitError) {
        records = try AtomicFile(destination: recordsPath)
        if let errorsPath { errors = try AtomicFile(destination: errorsPath) }
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .records(let encoded):
            try records?.write(tasksOnly ? encoded.taskLines : encoded.lines)
        case .failure(let failure):
            guard let errors else { return }
            var json = JSONBytes()
            RecordEncoder.write(failure, into: &json)
            json.byte(0x0A)
            try errors.write(json.bytes)
        }
    }

    public mutating func finish() throws(EmitError) {
        try records?.commit()
        try errors?.commit()
        records = nil
        errors = nil
    }
}
