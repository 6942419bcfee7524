#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Emit
import PlanModel

/// What the last run left in the output folder: its manifest, where each document's lines lie
/// in its records.jsonl, its failures by path. An incremental run keeps what still matches by
/// copying those lines as they are, never parsing them. Where they lie comes from the manifest
/// when records.jsonl is the file that run wrote (its stamp); otherwise the file is read once and
/// indexed by a scan for the line prefixes the encoder writes.
struct PreviousRun: Sendable {
    private var manifest: Manifest?
    private var stamps: RunStamps?
    private var entriesByPath: [String: Manifest.Entry] = [:]
    /// The old records.jsonl, open; kept documents are ranges of it, read when written.
    private var records: BackingFile?
    /// Its path inside its generation, for a run that keeps all of it.
    private var recordsPath: String?
    private var documentsByID: [String: KeptDocument] = [:]
    private var failuresByPath: [String: FileFailure] = [:]
    /// The last run's generation (where its tasks.csv and plan.sqlite are, if it wrote them).
    private var generation: String?

    /// Where one document's lines lie in the old records.jsonl.
    struct KeptDocument: Sendable {
        var lines: Range<Int>
        /// Where its task lines start (just past the document line), from `lines.lowerBound`.
        var tasksStart: Int
        /// The document line and its task lines.
        var lineCount: Int
        /// False when a line is not what the encoder writes (cut short, not a task of this document).
        var isWhole: Bool
    }

    init() {}

    init(folder: String) {
        guard case .success(let bytes) = BatchConverter.Input.readFile(folder + "/manifest.json"),
            let json = try? JSONParser.parse(bytes: bytes), let manifest = Manifest(json: json)
        else { return }
        self.manifest = manifest
        for entry in manifest.entries { entriesByPath[entry.path] = entry }
        if case .success(let bytes) = BatchConverter.Input.readFile(folder + "/" + OutputFolder.currentName + "/" + RunStamps.fileName),
            let json = try? JSONParser.parse(bytes: bytes)
        {
            stamps = RunStamps(json: json)
        }
        generation = Self.resolved(folder + "/" + OutputFolder.currentName)
        recordsPath = Self.resolved(folder + "/records.jsonl")
        if let recordsPath, let file = BackingFile(reading: recordsPath) {
            records = file
            if let recorded = stamps?.records, let current = FileStamp(path: recordsPath), current.hasSameContent(as: recorded) {
                for entry in manifest.entries where entry.converted {
                    guard let lines = entry.lines else { continue }
                    documentsByID[String(entry.sha256.prefix(16))] = KeptDocument(
                        lines: lines.range, tasksStart: lines.tasksStart - lines.range.lowerBound, lineCount: entry.tasks + 1,
                        isWhole: true)
                }
            } else if case .success(let bytes) = BatchConverter.Input.readFile(recordsPath) {
                documentsByID = Self.index(bytes)
            }
        }
        if case .success(let bytes) = BatchConverter.Input.readFile(folder + "/errors.jsonl") {
            for line in bytes.split(separator: 0x0A) {
                guard let failure = try? JSONParser.parse(bytes: Array(line)), let path = failure["path"]?.stringValue,
                    let stage = failure["stage"]?.stringValue, let code = failure["code"]?.stringValue,
                    let message = failure["message"]?.stringValue
                else { continue }
                failuresByPath[path] = FileFailure(
                    path: path, sha256: failure["sha256"]?.stringValue, stage: stage, code: DiagnosticCode(rawValue: code),
                    message: message)
            }
        }
    }

    /// The path with every link in it followed (`current` → its generation); nil if it leads nowhere.
    private static func resolved(_ path: String) -> String? {
        realpath(path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        }
    }

    /// Each document's lines, found by the prefixes every document and task line starts with;
    /// a document holding any other line (or a last line without its line feed) is not whole.
    static func index(_ bytes: [UInt8]) -> [String: KeptDocument] {
        let documentPrefix = RecordEncoder.documentLinePrefix
        let taskPrefix = RecordEncoder.taskLinePrefix
        var documents: [String: KeptDocument] = [:]
        var current: (id: String, document: KeptDocument)?
        func close(at end: Int) {
            guard let (id, kept) = current else { return }
            var document = kept
            document.lines = document.lines.lowerBound..<end
            documents[id] = document
            current = nil
        }
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                guard let newline = Self.newline(in: buffer, from: start) else {
                    // Cut short: the document it belongs to is not whole.
                    current?.document.isWhole = false
                    break
                }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<newline])
                let closed = line.last == UInt8(ascii: "}")
                if Self.starts(line, with: documentPrefix), line.count > documentPrefix.count + 16,
                    line[documentPrefix.count + 16] == UInt8(ascii: "\"")
                {
                    close(at: start)
                    let id = String(decoding: line[documentPrefix.count..<documentPrefix.count + 16], as: UTF8.self)
                    current = (id, KeptDocument(lines: start..<newline + 1, tasksStart: newline + 1 - start, lineCount: 1, isWhole: closed))
                } else if current != nil {
                    let id = current!.id.utf8
                    let isTask = closed && Self.starts(line, with: taskPrefix) && line.count > taskPrefix.count + id.count
                        && zip(line[taskPrefix.count...], id).allSatisfy { $0 == $1 }
                        && line[taskPrefix.count + id.count] == UInt8(ascii: "/")
                    current!.document.lineCount += 1
                    if !isTask { current!.document.isWhole = false }
                }
                start = newline + 1
            }
            close(at: buffer.count)
        }
        return documents
    }

    private static func newline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
            let found = memchr(base + start, 0x0A, buffer.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func starts(_ line: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        line.count >= prefix.count && prefix.withUnsafeBufferPointer { memcmp(line.baseAddress!, $0.baseAddress!, prefix.count) == 0 }
    }

    /// The old records.jsonl, for a writer that finds this run's lines to be all of it.
    var earlierRecords: JSONLinesWriter.Earlier? {
        guard let recordsPath, let records else { return nil }
        return JSONLinesWriter.Earlier(path: recordsPath, file: records)
    }

    /// What the last run's tasks.csv and plan.sqlite can give of a kept document, for the typed
    /// writers this run has (`csv` nil: no tasks.csv asked). A file written with other options,
    /// by another version or not at all gives nothing: those documents are converted again.
    func typedRows(csv: CSVWriter.Options?, sqlite: Bool) -> KeptTypedRows {
        var rows = KeptTypedRows()
        guard let generation, let manifest else { return rows }
        rows.documentsWithoutTasks = Set(manifest.entries.filter { $0.converted && $0.tasks == 0 }.map { String($0.sha256.prefix(16)) })
        // A file edited since that run (its stamp moved) is not copied from.
        func unchanged(_ name: String) -> String? {
            let path = generation + "/" + name
            guard let recorded = stamps?.outputs[name], let current = FileStamp(path: path), current.hasSameContent(as: recorded)
            else { return nil }
            return path
        }
        if let csv {
            rows.csvAsked = true
            if stamps?.csvOptions == csv.key, let path = unchanged(KeptTypedRows.csvName) {
                rows.csv = CSVWriter.Earlier(path: path, options: csv)
            }
        }
        if sqlite {
            rows.sqliteAsked = true
            if let path = unchanged(KeptTypedRows.sqliteName), let ids = SQLiteWriter.documentIDs(inEarlier: path) {
                rows.sqlite = (path, ids)
            }
        }
        return rows
    }

    func isValid(version: String, options: String) -> Bool {
        manifest?.version == version && manifest?.options == options
    }

    /// The kept outcome of a file whose path and bytes are unchanged, if the last run has it whole.
    /// Duplicates and skipped files are never kept: whether a file is a copy depends on the
    /// other inputs of this run, so it is decided again each time. Without `sha256`, the file
    /// is taken as unchanged only if its stamp says so (`FileStamp.isUnchanged`); it is not read.
    func outcome(path: String, sha256: String?) -> BatchConverter.Outcome? {
        guard let entry = entriesByPath[path] else { return nil }
        var stamp: FileStamp?
        if let sha256 {
            guard entry.sha256 == sha256 else { return nil }
        } else {
            guard let stamps, let recorded = stamps.files[path], let current = FileStamp(path: path),
                current.isUnchanged(since: recorded, runStarted: stamps.started)
            else { return nil }
            stamp = current
        }
        let sha256 = entry.sha256
        var outcome = kept(entry, path: path, sha256: sha256)
        outcome?.stamp = stamp
        outcome?.bytes = stamp?.size ?? 0
        return outcome
    }

    private func kept(_ entry: Manifest.Entry, path: String, sha256: String) -> BatchConverter.Outcome? {
        switch entry.status {
        case .duplicate, .skipped: return nil
        case .converted, .failed: break
        }
        if entry.converted {
            let docID = String(sha256.prefix(16))
            guard let records, let kept = documentsByID[docID], kept.isWhole, kept.lineCount == entry.tasks + 1,
                let documentLine = records.read(kept.lines.lowerBound..<kept.lines.lowerBound + kept.tasksStart),
                Self.isDocumentLine(documentLine, docID: docID, path: path)
            else { return nil }
            let lines = EncodedRecords(
                documentLine: documentLine[...],
                taskPieces: [.file(records, kept.lines.lowerBound + kept.tasksStart..<kept.lines.upperBound)],
                document: nil, earlierRange: kept.lines)
            return BatchConverter.Outcome(path: path, sha256: sha256, status: .reused, converted: .records(lines), tasks: entry.tasks)
        }
        guard let failure = failuresByPath[path] else { return nil }
        return BatchConverter.Outcome(path: path, sha256: sha256, status: .failed, converted: .failure(failure))
    }

    /// Whether `line` is this document's line, with `source.path` `path`, whole.
    private static func isDocumentLine(_ line: [UInt8], docID: String, path: String) -> Bool {
        var expected = JSONBytes()
        RecordEncoder.writeDocumentLineStart(docID: docID, path: path, into: &expected)
        expected.byte(UInt8(ascii: ","))
        return line.count > expected.bytes.count && line.starts(with: expected.bytes) && line.suffix(2).elementsEqual([UInt8(ascii: "}"), 0x0A])
    }
}
