import Dispatch
import Foundation
import Emit
public import Normalize
import PlanModel

/// What `plan2json convert` does: every input file to records, in input order, written
/// atomically (manifest last), with unchanged files skipped and their records kept.
public enum BatchConverter {
    public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
        case jsonl, csv, sqlite
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

    public struct Summary: Hashable, Sendable {
        public var files = 0
        public var converted = 0
        public var failed = 0
        /// Files skipped because the manifest showed them unchanged.
        public var reused = 0
        public var tasks = 0
    }

    /// The environment failed (an output folder that cannot be made, a write that fails).
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// One input's outcome, ready for the writers.
    struct Outcome: Sendable {
        var path: String
        var sha256: String?
        var converted: ConvertedFile
        var tasks: Int
        var reused: Bool
        /// The document model as read, when `--blocks` asked for it.
        var blocks: [JSONValue] = []
    }

    public static func run(_ options: Options) throws(Failure) -> Summary {
        let files: [String]
        do {
            files = try options.paths == ["-"] ? ["-"] : InputFiles.collect(options.paths)
        } catch {
            throw Failure(description: error.description)
        }
        if options.output == "-" { return stream(files, options: options) }

        let folder = options.output
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(folder): error: cannot create output folder: \(error.localizedDescription)")
        }
        // --blocks shows the model of every file, so nothing is kept from the last run then.
        let previous = options.force || options.writeBlocks ? PreviousRun() : PreviousRun(folder: folder)
        let optionsKey = "keep_script=\(options.normalize.keepScript)"

        var writers: [any RecordWriter] = [
            JSONLinesWriter(recordsPath: folder + "/records.jsonl", errorsPath: folder + "/errors.jsonl")
        ]
        if options.formats.contains(.csv) { writers.append(CSVWriter(path: folder + "/tasks.csv")) }
        if options.formats.contains(.sqlite) { writers.append(SQLiteWriter(path: folder + "/plan.sqlite")) }
        var blocks: AtomicFile?

        var summary = Summary()
        var entries: [Manifest.Entry] = []
        var firstPathBySHA: [String: String] = [:]
        do throws(EmitError) {
            for index in writers.indices { try writers[index].begin() }
            if options.writeBlocks { blocks = try AtomicFile(destination: folder + "/blocks.jsonl") }
            let progress = Progress(total: files.count, enabled: options.showProgress)
            try forEachOutcome(files, options: options) { path, sha in
                guard previous.isValid(version: ToolVersion.current, options: optionsKey) else { return nil }
                return previous.outcome(path: path, sha256: sha)
            } handle: { outcome throws(EmitError) in
                var outcome = outcome
                // The same bytes twice would give two documents with one id.
                if let sha = outcome.sha256, case .records = outcome.converted {
                    if let first = firstPathBySHA[sha] {
                        let failure = FileFailure(
                            path: outcome.path, sha256: sha, stage: "read", code: .duplicateContent,
                            message: "same content as \(first); its records are written once, under that path")
                        outcome = Outcome(path: outcome.path, sha256: sha, converted: .failure(RecordEncoder.encode(failure)), tasks: 0, reused: false)
                    } else {
                        firstPathBySHA[sha] = outcome.path
                    }
                }
                for index in writers.indices { try writers[index].write(outcome.converted) }
                for block in outcome.blocks { try blocks?.write(JSONSerializer.serialize(block) + "\n") }
                summary.files += 1
                if outcome.reused { summary.reused += 1 }
                switch outcome.converted {
                case .records: summary.converted += 1
                case .failure: summary.failed += 1
                }
                summary.tasks += outcome.tasks
                if let sha = outcome.sha256 {
                    let isRecords = if case .records = outcome.converted { true } else { false }
                    entries.append(Manifest.Entry(path: outcome.path, sha256: sha, converted: isRecords, tasks: outcome.tasks))
                }
                progress.advance()
            }
            progress.finish()
            for index in writers.indices { try writers[index].finish() }
            try blocks?.commit()
            let manifest = Manifest(version: ToolVersion.current, options: optionsKey, entries: entries)
            let file = try AtomicFile(destination: folder + "/manifest.json")
            try file.write(JSONSerializer.serialize(manifest.json) + "\n")
            try file.commit()
        } catch {
            throw Failure(description: error.description)
        }
        return summary
    }

    /// `-o -`: records to stdout as they come (in input order), failures to stderr.
    static func stream(_ files: [String], options: Options) -> Summary {
        var summary = Summary()
        forEachOutcome(files, options: options, reuse: { _, _ in nil }) { (outcome: Outcome) throws(Never) in
            summary.files += 1
            summary.tasks += outcome.tasks
            switch outcome.converted {
            case .records(let records):
                summary.converted += 1
                var text = ""
                for record in records {
                    JSONSerializer.write(record, into: &text)
                    text += "\n"
                }
                FileHandle.standardOutput.write(Data(text.utf8))
            case .failure(let failure):
                summary.failed += 1
                FileHandle.standardError.write(Data((JSONSerializer.serialize(failure) + "\n").utf8))
            }
        }
        return summary
    }

    /// Converts files in windows of parallel work, handing outcomes over in input order.
    static func forEachOutcome<E: Error>(
        _ files: [String], options: Options, reuse: (String, String) -> Outcome?, handle: (Outcome) throws(E) -> Void
    ) throws(E) {
        let window = max(options.jobs * 4, 8)
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + window, files.count)])
            // Read and hash first (cheap), so unchanged files are not converted again.
            let inputs = batch.map(Input.read)
            var outcomes = [Outcome?](repeating: nil, count: batch.count)
            var pending: [Int] = []
            for (index, input) in inputs.enumerated() {
                if let sha = input.sha256, let kept = reuse(input.path, sha) {
                    outcomes[index] = kept
                } else {
                    pending.append(index)
                }
            }
            let converted = convertInParallel(pending.map { inputs[$0] }, options: options)
            for (slot, index) in pending.enumerated() { outcomes[index] = converted[slot] }
            for outcome in outcomes { try handle(outcome!) }
            start += window
        }
    }

    /// A file's bytes, or why they could not be read.
    struct Input: Sendable {
        var path: String
        var bytes: [UInt8]?
        var sha256: String?
        var failure: FileFailure?

        static func read(_ path: String) -> Input {
            let data: Data?
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: path)
            }
            guard let data else {
                return Input(path: path, failure: FileFailure(
                    path: path, sha256: nil, stage: "read", code: .unreadable, message: "cannot read the file"))
            }
            let bytes = [UInt8](data)
            return Input(path: path, bytes: bytes, sha256: SHA256.hex(of: bytes))
        }
    }

    static func convertInParallel(_ inputs: [Input], options: Options) -> [Outcome] {
        let jobs = options.jobs
        let results = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: inputs.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let slots = results
        let work: @Sendable (Int) -> Void = { index in
            slots[index] = convert(inputs[index], options: options)
        }
        if jobs <= 1 || inputs.count <= 1 {
            for index in inputs.indices { work(index) }
        } else {
            // concurrentPerform uses every core; limit to `jobs` by striding.
            let workers = min(jobs, inputs.count)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: inputs.count, by: workers) { work(index) }
            }
        }
        return results.map { $0! }
    }

    static func convert(_ input: Input, options: Options) -> Outcome {
        guard let bytes = input.bytes, let sha = input.sha256 else {
            let failure = input.failure!
            return Outcome(path: input.path, sha256: nil, converted: .failure(RecordEncoder.encode(failure)), tasks: 0, reused: false)
        }
        switch FileConverter.read(bytes: bytes, path: input.path, sha256: sha) {
        case .success(let read):
            let document = DocumentNormalizer.normalize(read.source, info: read.info, options: options.normalize)
            let records = RecordEncoder.encode(document)
            return Outcome(
                path: input.path, sha256: sha, converted: .records(records), tasks: document.tasks.count, reused: false,
                blocks: options.writeBlocks ? BlockEncoder.encode(read.source, docID: read.info.docID) : [])
        case .failure(let failure):
            return Outcome(path: input.path, sha256: sha, converted: .failure(RecordEncoder.encode(failure)), tasks: 0, reused: false)
        }
    }
}
