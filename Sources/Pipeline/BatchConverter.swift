import Dispatch
import Foundation
public import Emit
public import Normalize
import PlanModel

/// What `plan2json convert` does: every input file to records, in input order, written as
/// one complete set and switched into place at once (see `OutputFolder`), with unchanged
/// files skipped and their records kept, and byte-identical copies reported once.
public enum BatchConverter {
    public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
        case jsonl, tasks, csv, sqlite
    }

    public struct Options: Sendable {
        /// Files or folders; `-` reads one document from stdin.
        public var paths: [String]
        /// Output folder, or `-` for JSON Lines on stdout (failures on stderr).
        public var output: String
        public var jobs: Int
        public var formats: Set<OutputFormat>
        public var force: Bool
        public var normalize: NormalizeOptions
        public var showProgress: Bool
        /// Also write `blocks.jsonl`, the document model as read.
        public var writeBlocks = false
        /// `--include` / `--exclude`.
        public var filter = InputFilter()
        /// The `source.path` of a document read from stdin (`--name`).
        public var stdinName: String?
        public var csv = CSVWriter.Options()

        /// Where a document's lines past `EncodedRecords.memoryBudget` wait for their turn: the
        /// new output generation, or the temporary folder when writing to stdout.
        var spillFolder: String?

        /// Whether a writer takes typed records (CSV, SQLite) besides the encoded lines.
        var needsTypedRecords: Bool { formats.contains(.csv) || formats.contains(.sqlite) }

        public init(
            paths: [String], output: String = "out", jobs: Int = 1, formats: Set<OutputFormat> = [.jsonl],
            force: Bool = false, normalize: NormalizeOptions = NormalizeOptions(), showProgress: Bool = false
        ) {
            self.paths = paths
            self.output = output
            self.jobs = max(1, jobs)
            self.formats = formats
            self.force = force
            self.normalize = normalize
            self.showProgress = showProgress
        }
    }

    /// The environment failed (an output folder that cannot be made or is in use, a write that
    /// fails, nothing to convert).
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// One input's outcome, ready for the writers.
    struct Outcome: Sendable {
        enum Status: Hashable, Sendable {
            case converted, reused, failed
            case duplicate(of: String)
            case skipped(reason: String)
        }

        var path: String
        var sha256: String?
        var bytes = 0
        var status: Status
        /// What the writers get: records or a failure line; nil for a duplicate or a skipped file.
        var converted: ConvertedFile?
        var tasks = 0
        /// The file as it was found, for the manifest (nil for stdin and folder problems).
        var stamp: FileStamp?
        /// The document model as read, as lines of `blocks.jsonl`, when `--blocks` asked for it.
        var blocks: [UInt8] = []
    }

    public static func run(_ options: Options) throws(Failure) -> Summary {
        if options.paths == ["-"] {
            let name = options.stdinName ?? "-"
            let input: Input
            do {
                input = Input(path: name, bytes: try StandardStreams.input())
            } catch {
                throw Failure(description: error.description)
            }
            guard options.output == "-" else { return try write(.init(files: [name], problems: []), options: options, stdin: input) }
            return try stream(.init(files: [name], problems: []), options: options, stdin: input)
        }
        if options.output == "-" { return try stream(try select(options, excluding: nil), options: options, stdin: nil) }
        return try write(nil, options: options, stdin: nil)
    }

    static func select(_ options: Options, excluding folder: String?) throws(Failure) -> InputFiles.Selection {
        let selection: InputFiles.Selection
        do {
            selection = try InputFiles.collect(options.paths, filter: options.filter, excluding: folder)
        } catch {
            throw Failure(description: error.description)
        }
        guard !selection.files.isEmpty else {
            for problem in selection.problems { StandardStreams.error("plan2json: \(problem.path): \(problem.message)\n") }
            let output = folder.map { "; \($0)/ left as it was" } ?? ""
            throw Failure(description: "no input files found in \(options.paths.joined(separator: " "))\(output)")
        }
        return selection
    }

    /// Folder output: a new generation of every output, then one switch.
    static func write(_ given: InputFiles.Selection?, options: Options, stdin: Input?) throws(Failure) -> Summary {
        // Inputs first: a run that finds nothing to convert leaves the folder as it was.
        let selection: InputFiles.Selection
        if let given { selection = given } else { selection = try select(options, excluding: options.output) }
        let folder = try OutputFolder(path: options.output)
        // --blocks shows the model of every file, so nothing is kept from the last run then.
        let previous = options.force || options.writeBlocks ? PreviousRun() : PreviousRun(folder: folder.path)
        let optionsKey = "keep_script=\(options.normalize.keepScript)"
        let reusable = previous.isValid(version: ToolVersion.current, options: optionsKey)
        let generation = try folder.newGeneration()
        var options = options
        options.spillFolder = generation

        let csvOptions = options.formats.contains(.csv) ? options.csv : nil
        let typedRows = reusable && options.needsTypedRecords
            ? previous.typedRows(csv: csvOptions, sqlite: options.formats.contains(.sqlite)) : KeptTypedRows()
        var writers: [any RecordWriter] = [
            JSONLinesWriter(
                recordsPath: generation + "/records.jsonl", errorsPath: generation + "/errors.jsonl",
                earlier: reusable ? previous.earlierRecords : nil)
        ]
        if options.formats.contains(.tasks) { writers.append(JSONLinesWriter(tasksPath: generation + "/tasks.jsonl")) }
        if let csvOptions {
            writers.append(CSVWriter(path: generation + "/" + KeptTypedRows.csvName, options: csvOptions, earlier: typedRows.csv))
        }
        if options.formats.contains(.sqlite) {
            writers.append(SQLiteWriter(path: generation + "/" + KeptTypedRows.sqliteName, earlier: typedRows.sqlite?.path))
        }
        var blocks: AtomicFile?

        var summary = Summary()
        var entries: [Manifest.Entry] = []
        var stamps = RunStamps(started: FileStamp.now)
        stamps.csvOptions = csvOptions?.key
        do throws(EmitError) {
            for index in writers.indices { try writers[index].begin() }
            if options.writeBlocks { blocks = try AtomicFile(destination: generation + "/blocks.jsonl") }
            var progress = Progress(files: selection.files, enabled: options.showProgress)
            var problems = selection.problems[...]
            // Where the next document's lines start in records.jsonl.
            var recordsOffset = 0
            func handle(_ outcome: Outcome) throws(EmitError) {
                var lines: Manifest.Lines?
                if let converted = outcome.converted {
                    for index in writers.indices { try writers[index].write(converted) }
                    if case .records(let records) = converted {
                        let count = records.count
                        lines = Manifest.Lines(range: recordsOffset..<recordsOffset + count, tasksStart: recordsOffset + records.documentLine.count)
                        recordsOffset += count
                    }
                }
                try blocks?.write(outcome.blocks)
                summary.count(outcome)
                if var entry = Manifest.Entry(outcome) {
                    entry.lines = lines
                    entries.append(entry)
                }
                if let stamp = outcome.stamp { stamps.files[outcome.path] = stamp }
                progress.advance(bytes: outcome.bytes, failed: outcome.status == .failed)
            }
            try forEachOutcome(selection.files, options: options, stdin: stdin, keepsTypedRows: typedRows.keeps) { path, sha in
                reusable ? previous.outcome(path: path, sha256: sha) : nil
            } handle: { outcome throws(EmitError) in
                // Places the walk could not enter, in path order among the files.
                while let problem = problems.first, problem.path.utf8.lexicographicallyPrecedes(outcome.path.utf8) {
                    try handle(Outcome(problem))
                    problems.removeFirst()
                }
                try handle(outcome)
            }
            for problem in problems { try handle(Outcome(problem)) }
            progress.finish()
            for index in writers.indices { try writers[index].finish() }
            try blocks?.commit()
            stamps.records = FileStamp(path: generation + "/records.jsonl")
            for name in KeptTypedRows.fileNames { stamps.outputs[name] = FileStamp(path: generation + "/" + name) }
            let stampsFile = try AtomicFile(destination: generation + "/" + RunStamps.fileName)
            try stampsFile.write(JSONSerializer.serialize(stamps.json) + "\n")
            try stampsFile.commit()
            let manifest = Manifest(version: ToolVersion.current, options: optionsKey, entries: entries)
            let file = try AtomicFile(destination: generation + "/manifest.json")
            try file.write(JSONSerializer.serialize(manifest.json) + "\n")
            try file.commit()
        } catch {
            folder.discard(generation)
            // Name the output as the user knows it, not the generation it was written into.
            var error = error
            error.path = folder.path + "/" + (error.path as NSString).lastPathComponent
            throw Failure(description: error.description)
        }
        summary.removedOutputs = try folder.publish(generation)
        return summary
    }

    /// `-o -`: records to stdout as they come (in input order), failures to stderr.
    static func stream(_ selection: InputFiles.Selection, options: Options, stdin: Input?) throws(Failure) -> Summary {
        var options = options
        options.spillFolder = NSTemporaryDirectory()
        var summary = Summary()
        for problem in selection.problems {
            summary.count(Outcome(problem))
            var line = JSONBytes()
            RecordEncoder.write(problem, into: &line)
            StandardStreams.error(String(decoding: line.bytes, as: UTF8.self) + "\n")
        }
        do throws(StandardStreams.Failure) {
            try forEachOutcome(selection.files, options: options, stdin: stdin, reuse: { _, _ in nil }) {
                (outcome: Outcome) throws(StandardStreams.Failure) in
                summary.count(outcome)
                switch outcome.converted {
                case .records(let records):
                    if !options.formats.contains(.tasks) { try StandardStreams.output(records.documentLine) }
                    try Self.output(records)
                case .failure(let failure):
                    var line = JSONBytes()
                    RecordEncoder.write(failure, into: &line)
                    StandardStreams.error(String(decoding: line.bytes, as: UTF8.self) + "\n")
                case nil:
                    break
                }
            }
        } catch {
            throw Failure(description: error.description)
        }
        return summary
    }

    /// A document's task lines to stdout, spilled pieces read back in blocks.
    static func output(_ records: EncodedRecords) throws(StandardStreams.Failure) {
        var failure: StandardStreams.Failure?
        do {
            try records.forEachTaskBlock(path: "standard output") { block throws(EmitError) in
                do throws(StandardStreams.Failure) {
                    try StandardStreams.output(block)
                } catch {
                    failure = error
                    throw EmitError(path: "standard output", message: error.description)
                }
            }
        } catch {
            throw failure ?? StandardStreams.Failure(description: error.description)
        }
    }

    /// Converts files on `jobs` threads, handing outcomes over in input order. Each worker
    /// reads, hashes, converts and encodes a file; the calling thread only writes. A file with
    /// the bytes of an earlier one is a duplicate and costs only its hash.
    ///
    /// `reuse(path, sha256)` gives what the last run made of a file, if it can be kept: asked
    /// first with no hash (a file whose stamp shows it unchanged is then not even read), then
    /// with the hash of the bytes read.
    ///
    /// Duplicates are decided in input order by the caller's thread (the first path with the
    /// bytes is the original, whatever order the workers hashed in). A worker skips converting
    /// a file whose bytes an earlier input already has; a copy converted before its original
    /// was hashed (both in flight at once) is converted needlessly and then reported as a
    /// duplicate all the same.
    static func forEachOutcome<E: Error>(
        _ files: [String], options: Options, stdin: Input?, keepsTypedRows: @escaping @Sendable (String) -> Bool = { _ in false },
        reuse: @escaping @Sendable (String, String?) -> Outcome?, handle: (Outcome) throws(E) -> Void
    ) throws(E) {
        let copies = FirstCopies()
        var firstPathBySHA: [String: String] = [:]
        try OrderedWork<Outcome>.run(count: files.count, workers: options.jobs, window: options.jobs * 4) { index in
            // CSV and SQLite take typed records: a kept document whose rows they cannot copy from
            // the last run is converted again for them, so it has to be read.
            if stdin == nil, let kept = reuse(files[index], nil), let sha = kept.sha256,
                !options.needsTypedRecords || keepsTypedRows(String(sha.prefix(16)))
            {
                if copies.isLaterCopy(sha, index: index) {
                    return Outcome(path: kept.path, sha256: sha, bytes: kept.bytes, status: .duplicate(of: ""), stamp: kept.stamp)
                }
                return kept
            }
            let input = stdin ?? Input.read(files[index])
            guard let sha = input.sha256 else { return Outcome(input.failure!) }
            if copies.isLaterCopy(sha, index: index) {
                return Outcome(path: input.path, sha256: sha, bytes: input.size, status: .duplicate(of: ""), stamp: input.stamp)
            }
            guard var kept = reuse(input.path, sha) else { return convert(input, options: options) }
            kept.bytes = input.size
            kept.stamp = input.stamp
            // CSV and SQLite take typed records: converted again for them unless they copy its rows.
            if options.needsTypedRecords, !keepsTypedRows(String(sha.prefix(16))), case .records(var records) = kept.converted,
                case .records(let fresh) = convert(input, options: options).converted
            {
                records.document = fresh.document
                kept.converted = .records(records)
            }
            return kept
        } consume: { (outcome: Outcome) throws(E) in
            guard let sha = outcome.sha256 else { return try handle(outcome) }
            if let first = firstPathBySHA[sha] {
                return try handle(Outcome(path: outcome.path, sha256: sha, bytes: outcome.bytes, status: .duplicate(of: first)))
            }
            firstPathBySHA[sha] = outcome.path
            try handle(outcome)
        }
    }

    /// The lowest input index seen so far for each hash, shared by the workers: a file whose
    /// bytes an earlier input has need not be converted.
    final class FirstCopies: @unchecked Sendable {
        private let lock = NSLock()
        private var firstIndexBySHA: [String: Int] = [:]

        /// Whether an input before `index` has these bytes; records `index` otherwise.
        func isLaterCopy(_ sha: String, index: Int) -> Bool {
            lock.withLock {
                if let first = firstIndexBySHA[sha], first < index { return true }
                firstIndexBySHA[sha] = index
                return false
            }
        }
    }

    /// Reads, normalizes and encodes one file. The file's bytes are let go once they are decoded
    /// and each task record once it is encoded (unless CSV or SQLite asks for them), so one
    /// large document is never held as bytes, model, records and lines all at once.
    static func convert(_ input: consuming Input, options: Options) -> Outcome {
        guard var bytes = input.bytes.take(), let sha = input.sha256 else {
            return Outcome(input.failure!)
        }
        let path = input.path
        let stamp = input.stamp
        let size = bytes.count
        let result = FileConverter.read(bytes: bytes, path: path, sha256: sha)
        bytes = []
        switch consume result {
        case .success(var read):
            // What needs the model as read is taken first: the model need not outlive normalizing.
            let notADocument = NonDocument.reason(path: path, source: read.source)
            var blocks: [UInt8] = []
            if options.writeBlocks {
                for block in BlockEncoder.encode(read.source, docID: read.info.docID) { blocks += JSONSerializer.line(block) }
            }
            // Each task record is encoded as it is made and let go, unless CSV or SQLite asks for them.
            var lines = EncodedRecords.Builder(keepingTyped: options.needsTypedRecords, spillFolder: options.spillFolder)
            // The model is handed over whole: normalizing lets it go before the records are made.
            let source = read.source
            read.source.blocks = []
            let document = DocumentNormalizer.normalize(consume source, info: read.info, options: options.normalize) { lines.add($0) }
            if lines.taskCount == 0, let reason = notADocument {
                return Outcome(path: path, sha256: sha, bytes: size, status: .skipped(reason: reason), stamp: stamp)
            }
            let tasks = lines.taskCount
            return Outcome(
                path: path, sha256: sha, bytes: size, status: .converted, converted: .records(lines.finish(document)),
                tasks: tasks, stamp: stamp, blocks: blocks)
        case .failure(let failure):
            var outcome = Outcome(failure, bytes: size)
            outcome.stamp = stamp
            return outcome
        }
    }
}

extension BatchConverter.Outcome {
    /// A file or folder that failed, as an error line.
    init(_ failure: FileFailure, bytes: Int = 0) {
        self.init(
            path: failure.path, sha256: failure.sha256, bytes: bytes, status: .failed,
            converted: .failure(failure))
    }
}
