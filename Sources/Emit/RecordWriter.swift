/// A sink for converted files, shaped like ripgrep's `Sink`: begin, one call per input
/// file in input order, finish. Nothing appears at the final path before `finish`.
public protocol RecordWriter {
    mutating func begin() throws(EmitError)
    mutating func write(_ file: ConvertedFile) throws(EmitError)
    mutating func finish() throws(EmitError)
}
