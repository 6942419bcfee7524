import ArgumentParser
import Emit
import Foundation
import Normalize
import Pipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert documents (files or folders) into records.",
        discussion: """
            Writes records.jsonl, errors.jsonl and manifest.json into the output folder (and tasks.jsonl, \
            tasks.csv, plan.sqlite with --format), all from this run: a complete new set is written, then \
            switched in at once through the folder's `current` link. Unchanged files are skipped and their \
            records kept unless --force; byte-identical copies are reported, not converted again.

            `plan2json convert -` reads one document from stdin and writes JSON Lines to stdout; \
            `plan2json convert FILE... -o -` writes records to stdout and error lines to stderr; \
            `plan2json convert --input-jsonl -` reads one document per line, {"path": ..., "content_base64": ...}, \
            and writes their records to stdout in input order, a document that fails as a {"type":"error", ...} line.

            Exit status: 0 all converted, 1 some files failed, 2 usage or I/O error, 3 every file failed.
            """)

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case any, all, never
    }

    enum CSVNewlines: String, ExpressibleByArgument, CaseIterable {
        case keep, escape
    }

    @Argument(help: "Files or folders to convert; - for one document on stdin.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output folder, or - for JSON Lines on stdout.")
    var output: String?

    @Option(name: .shortAndLong, help: "Files converted in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Output formats, comma-separated: jsonl (always), tasks (tasks.jsonl: task records only), csv, sqlite.")
    var format: String = "jsonl"

    @Option(help: ArgumentHelp("Convert only files matching GLOB (repeatable): *.html matches names, a pattern with / the path.", valueName: "GLOB"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Leave out files and folders matching GLOB (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Read the paths to convert from FILE, one per line (- for stdin).", valueName: "FILE"))
    var filesFrom: String?

    @Flag(name: [.customShort("0"), .customLong("null")], help: "--files-from paths are separated by NUL, not newlines.")
    var nulSeparated = false

    @Option(help: ArgumentHelp("The source.path of the document read from stdin (convert -).", valueName: "PATH"))
    var name: String?

    @Flag(help: "Convert every file again, ignoring the manifest.")
    var force = false

    @Option(help: "Which failures make the exit status non-zero: any, all, never.")
    var failOn: FailOn = .any

    @Flag(help: "Keep the printed script (no conversion to simplified).")
    var keepScript = false

    @Flag(help: "Also write blocks.jsonl: the document model as read (tables, paragraphs), for debugging.")
    var blocks = false

    @Option(help: "Line breaks inside tasks.csv values: keep (quoted, RFC 4180) or escape (as \\n: one physical line per row).")
    var csvNewlines: CSVNewlines = .keep

    @Flag(inversion: .prefixedNo, help: "Start tasks.csv with a UTF-8 byte order mark (for Excel on Windows).")
    var csvBom = true

    @Flag(help: "No progress line, no summary line (errors only on stderr).")
    var quiet = false

    @Option(
        name: .customLong("input-jsonl"),
        help: ArgumentHelp(
            "Read documents as JSON Lines {\"path\", \"content_base64\"} from FILE (- for stdin) and write their records to stdout.",
            valueName: "FILE"))
    var inputJSONL: String?

    func validate() throws {
        for name in format.split(separator: ",") where BatchConverter.OutputFormat(rawValue: String(name)) == nil {
            throw ValidationError("unknown format '\(name)'; use jsonl, tasks, csv, sqlite")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if inputJSONL != nil {
            try validateJSONLinesInput()
            return
        }
        if paths.isEmpty && filesFrom == nil { throw ValidationError("give at least one file or folder, or --files-from") }
        if paths.contains("-") && (paths.count > 1 || filesFrom != nil) {
            throw ValidationError("- (stdin) is one document: give it alone")
        }
        if name != nil && paths != ["-"] { throw ValidationError("--name names the document read from stdin (convert -)") }
        if nulSeparated && filesFrom == nil { throw ValidationError("-0 goes with --files-from") }
    }

    func run() throws {
        if let inputJSONL { return try convertJSONLines(from: inputJSONL) }
        let started = Date()
        var paths = paths
        if let filesFrom {
            let bytes: [UInt8]
            if filesFrom == "-" {
                bytes = try StandardStreams.input()
            } else if let data = FileManager.default.contents(atPath: filesFrom) {
                bytes = [UInt8](data)
            } else {
                StandardStreams.error("plan2json: --files-from \(filesFrom): cannot read the file\n")
                throw ExitCode(2)
            }
            paths += InputFiles.list(bytes, nulSeparated: nulSeparated)
            if paths.isEmpty {
                StandardStreams.error("plan2json: --files-from \(filesFrom) lists no paths; nothing converted\n")
                throw ExitCode(2)
            }
        }
        let output = output ?? (paths == ["-"] ? "-" : "out")
        var options = BatchConverter.Options(
            paths: paths, output: output, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            formats: Set(format.split(separator: ",").compactMap { BatchConverter.OutputFormat(rawValue: String($0)) }),
            force: force, normalize: NormalizeOptions(keepScript: keepScript), showProgress: !quiet)
        options.formats.insert(.jsonl)
        options.writeBlocks = blocks
        options.filter = InputFilter(include: include, exclude: exclude)
        options.stdinName = name
        options.csv = CSVWriter.Options(byteOrderMark: csvBom, escapeNewlines: csvNewlines == .escape)
        let summary: BatchConverter.Summary
        do {
            summary = try BatchConverter.run(options)
        } catch {
            StandardStreams.error("plan2json: \(error.description)\n")
            throw ExitCode(2)
        }
        if !quiet {
            if let removed = summary.removedLine(folder: output) { StandardStreams.error("plan2json: \(removed)\n") }
            let seconds = Date().timeIntervalSince(started)
            StandardStreams.error(
                "plan2json: \(summary.line) in \(String(format: "%.2f", seconds)) s" + (output == "-" ? "" : " → \(output)/") + "\n")
        }
        let status: Int32
        if summary.failed == 0 {
            status = 0
        } else if summary.documents == 0 {
            status = failOn == .never ? 0 : 3
        } else {
            status = failOn == .any ? 1 : 0
        }
        if status != 0 { throw ExitCode(status) }
    }
}
