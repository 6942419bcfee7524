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
        let generation = try folder.newGeneration()

        var writers: [any RecordWriter] = [
            JSONLinesWriter(recordsPath: generation + "/records.jsonl", errorsPath: generation + "/errors.jsonl")
        ]
        if options.formats.contains(.tasks) { writers.append(JSONLinesWriter(tasksPath: generation + "/tasks.jsonl")) }
        if options.formats.contains(.csv) { writers.append(CSVWriter(path: generation + "/tasks.csv", options: options.csv)) }
        if options.formats.contains(.sqlite) { writers.append(SQLiteWriter(path: generation + "/plan.sqlite")) }
        var blocks: AtomicFile?

        var summary = Summary()
        var entries: [Manifest.Entry] = []
        do throws(EmitError) {
            for index in writers.indices { try writers[index].begin() }
            if options.writeBlocks { blocks = try AtomicFile(destination: generation + "/blocks.jsonl") }
            var progress = Progress(files: selection.files, enabled: options.showProgress)
            var problems = selection.problems[...]
            func handle(_ outcome: Outcome) throws(EmitError) {
                if let converted = outcome.converted {
                    for index in writers.indices { try writers[index].write(converted) }
                }
                try blocks?.write(outcome.blocks)
                summary.count(outcome)
                if let entry = Manifest.Entry(outcome) { entries.append(entry) }
                progress.advance(bytes: outcome.bytes, failed: outcome.status == .failed)
            }
            let reusable = previous.isValid(version: ToolVersion.current, options: optionsKey)
            try forEachOutcome(selection.files, options: options, stdin: stdin) { path, sha in
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
                    try StandardStreams.output(options.formats.contains(.tasks) ? records.taskLines : records.lines)
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

    /// Converts files on `jobs` threads, handing outcomes over in input order. Each worker
    /// reads, hashes, converts and encodes a file; the calling thread only writes. A file with
    /// the bytes of an earlier one is a duplicate and costs only its hash.
    ///
    /// Duplicates are decided in input order by the caller's thread (the first path with the
    /// bytes is the original, whatever order the workers hashed in). A worker skips converting
    /// a file whose bytes an earlier input already has; a copy converted before its original
    /// was hashed (both in flight at once) is converted needlessly and then reported as a
    /// duplicate all the same.
    static func forEachOutcome<E: Error>(
        _ files: [String], options: Options, stdin: Input?, reuse: @escaping @Sendable (String, String) -> Outcome?,
        handle: (Outcome) throws(E) -> Void
    ) throws(E) {
        let copies = FirstCopies()
        // CSV and SQLite take typed records: a kept document is converted again for them.
        let typedRecords = options.formats.contains(.csv) || options.formats.contains(.sqlite)
        var firstPathBySHA: [String: String] = [:]
        try OrderedWork<Outcome>.run(count: files.count, workers: options.jobs, window: options.jobs * 4) { index in
            let input = stdin ?? Input.read(files[index])
            guard let sha = input.sha256 else { return Outcome(input.failure!) }
            if copies.isLaterCopy(sha, index: index) {
                return Outcome(path: input.path, sha256: sha, bytes: input.size, status: .duplicate(of: ""))
            }
            guard var kept = reuse(input.path, sha) else { return convert(input, options: options) }
            kept.bytes = input.size
            if typedRecords, case .records(var records) = kept.converted,
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

    static func convert(_ input: Input, options: Options) -> Outcome {
        guard let bytes = input.bytes, let sha = input.sha256 else {
            return Outcome(input.failure!)
        }
        switch FileConverter.read(bytes: bytes, path: input.path, sha256: sha) {
        case .success(let read):
            let document = DocumentNormalizer.normalize(read.source, info: read.info, options: options.normalize)
            if document.tasks.isEmpty, let reason = NonDocument.reason(path: input.path, source: read.source) {
                return Outcome(path: input.path, sha256: sha, bytes: bytes.count, status: .skipped(reason: reason))
            }
            var blocks: [UInt8] = []
            if options.writeBlocks {
                for block in BlockEncoder.encode(read.source, docID: read.info.docID) { blocks += JSONSerializer.line(block) }
            }
            return Outcome(
                path: input.path, sha256: sha, bytes: bytes.count, status: .converted,
                converted: .records(EncodedRecords(document)), tasks: document.tasks.count, blocks: blocks)
        case .failure(let failure):
            return Outcome(failure, bytes: bytes.count)
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
