/// Writes `records.jsonl` (one record per line) and `errors.jsonl` (one failed file per line).
public struct JSONLinesWriter: RecordWriter {
    let recordsPath: String
    let errorsPath: String
    private var records: AtomicFile?
    private var errors: AtomicFile?

    public init(recordsPath: String, errorsPath: String) {
        self.recordsPath = recordsPath
        self.errorsPath = errorsPath
    }

    public mutating func begin() throws(EmitError) {
        records = try AtomicFile(destination: recordsPath)
        errors = try AtomicFile(destination: errorsPath)
    }

    public mutating func write(_ file: ConvertedFile) throws(EmitError) {
        switch file {
        case .records(let values):
            for value in values { try records?.write(JSONSerializer.serialize(value) + "\n") }
        case .failure(let value):
            try errors?.write(JSONSerializer.serialize(value) + "\n")
        }
    }

    public mutating func finish() throws(EmitError) {
        try records?.commit()
        try errors?.commit()
        records = nil
        errors = nil
    }
}
