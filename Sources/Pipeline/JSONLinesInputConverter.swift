public import Emit
public import Foundation
public import Normalize
public import PlanModel

/// `plan2json convert --input-jsonl`: documents as JSON Lines in, records out — the route for
/// Spark, Hadoop streaming and other tools that hold documents as data rather than files.
///
/// Each input line is `{"path": "...", "content_base64": "..."}` (the raw bytes, any encoding).
/// Each line becomes the records `records.jsonl` would hold for that file, with `source.path`
/// taken from the line, or one `{"type":"error", …}` record carrying the keys of `errors.jsonl`.
/// Lines are read, converted and written one at a time, so memory stays bounded by the largest
/// document, and the output keeps the input order.
public enum JSONLinesInputConverter {
    public struct Summary: Hashable, Sendable {
        /// Non-blank input lines.
        public var documents = 0
        public var converted = 0
        public var failed = 0
        public var tasks = 0
    }

    /// The input could not be read or the output not written (not a bad document).
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What one input line became.
    public struct Outcome: Hashable, Sendable {
        /// The document record then its tasks, or a single error record: JSON Lines, each line
        /// ending in a line feed, encoded as `records.jsonl` encodes them.
        public var lines: [UInt8]
        public var failed: Bool
        public var tasks: Int
    }

    /// Reads `input` to its end, writing each line's records to `output` as JSON Lines before
    /// reading the next line. `inputName` (a path, or `-` for stdin) names malformed lines.
    public static func run(
        input: FileHandle, inputName: String, output: FileHandle, options: NormalizeOptions = NormalizeOptions()
    ) throws(Failure) -> Summary {
        var reader = LineReader(input)
        var summary = Summary()
        var lineNumber = 0
        while true {
            let line: [UInt8]
            do {
                guard let next = try reader.next() else { break }
                line = next
            } catch {
                throw Failure(description: "\(inputName): error: cannot read the input: \(reason(error))")
            }
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let outcome = convert(line: line, lineNumber: lineNumber, inputName: inputName, options: options)
            summary.documents += 1
            summary.tasks += outcome.tasks
            if outcome.failed { summary.failed += 1 } else { summary.converted += 1 }
            do {
                try output.write(contentsOf: outcome.lines)
            } catch {
                throw Failure(description: "stdout: error: cannot write the records: \(reason(error))")
            }
        }
        return summary
    }

    /// One input line (without its newline) to its records, through the same per-file
    /// conversion and record encoder as `convert PATH`.
    public static func convert(
        line: [UInt8], lineNumber: Int, inputName: String, options: NormalizeOptions = NormalizeOptions()
    ) -> Outcome {
        let lineName = "\(inputName):\(lineNumber)"
        let object: [(String, JSONValue)]
        do {
            guard let pairs = try JSONParser.parse(String(decoding: line, as: UTF8.self)).objectValue else {
                return failure(path: lineName, code: .inputLineNotJSON, message: "line \(lineNumber): not a JSON object")
            }
            object = pairs
        } catch {
            return failure(path: lineName, code: .inputLineNotJSON, message: "line \(lineNumber): not JSON (\(error.description))")
        }
        func string(_ key: String) -> String? {
            object.first { $0.0 == key }?.1.stringValue
        }
        guard let path = string("path"), !path.isEmpty else {
            return failure(
                path: lineName, code: .inputLineMissingKey,
                message: "line \(lineNumber): no \"path\" (a non-empty string) in the document line")
        }
        guard let base64 = string("content_base64") else {
            return failure(
                path: path, code: .inputLineMissingKey,
                message: "line \(lineNumber): no \"content_base64\" (a string) in the document line")
        }
        guard let data = Data(base64Encoded: base64) else {
            return failure(
                path: path, code: .inputLineBadBase64,
                message: "line \(lineNumber): \"content_base64\" is not valid base64")
        }
        switch FileConverter.convert(bytes: [UInt8](data), path: path, options: options) {
        case .success(let document):
            let tasks = document.tasks.count
            let records = EncodedRecords(document, keepingTyped: false)
            var lines = Array(records.documentLine)
            for case .bytes(let piece) in records.taskPieces { lines += piece.bytes }
            return Outcome(lines: lines, failed: false, tasks: tasks)
        case .failure(let failure):
            return Outcome(lines: JSONSerializer.line(errorRecord(failure)), failed: true, tasks: 0)
        }
    }

    /// A failure as a line of the record stream: `type` and `schema`, then the keys of `errors.jsonl`.
    public static func errorRecord(_ failure: FileFailure) -> JSONValue {
        let head: [(String, JSONValue)] = [("type", .string("error")), ("schema", .string(RecordEncoder.schemaVersion))]
        return .object(head + (RecordEncoder.encode(failure).objectValue ?? []))
    }

    /// The system's words for a failed read or write (`Bad file descriptor`), not Foundation's
    /// generic "The operation could not be completed".
    private static func reason(_ error: any Error) -> String {
        let error = error as NSError
        let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        return error.localizedDescription
    }

    private static func failure(path: String, code: DiagnosticCode, message: String) -> Outcome {
        let failure = FileFailure(path: path, sha256: nil, stage: "read", code: code, message: message)
        return Outcome(lines: JSONSerializer.line(errorRecord(failure)), failed: true, tasks: 0)
    }
}
