import ArgumentParser
import Foundation
import Normalize
import Pipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert documents (files or folders) into records.",
        discussion: """
            Writes records.jsonl, errors.jsonl and manifest.json into the output folder (and tasks.csv,
            plan.sqlite with --format). Unchanged files are skipped and their records kept unless --force.
            `plan2json convert -` reads one document from stdin and writes JSON Lines to stdout.
            `plan2json convert --input-jsonl -` reads one document per line, {"path": ..., "content_base64": ...},
            and writes their records to stdout in input order; a document that fails gives a {"type":"error", ...} line.
            Exit status: 0 all converted, 1 some files failed, 2 usage or I/O error, 3 every file failed.
            """)

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case any, all, never
    }

    @Argument(help: "Files or folders to convert; - for stdin.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output folder, or - for JSON Lines on stdout.")
    var output: String?

    @Option(name: .shortAndLong, help: "Files converted in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Output formats, comma-separated: jsonl,csv,sqlite.")
    var format: String = "jsonl"

    @Flag(help: "Convert every file again, ignoring the manifest.")
    var force = false

    @Option(help: "Which failures make the exit status non-zero: any, all, never.")
    var failOn: FailOn = .any

    @Flag(help: "Keep the printed script (no conversion to simplified).")
    var keepScript = false

    @Flag(help: "Also write blocks.jsonl: the document model as read (tables, paragraphs), for debugging.")
    var blocks = false

    @Flag(help: "No progress bar and no summary line.")
    var quiet = false

    @Option(
        name: .customLong("input-jsonl"),
        help: ArgumentHelp(
            "Read documents as JSON Lines {\"path\", \"content_base64\"} from FILE (- for stdin) and write their records to stdout.",
            valueName: "FILE"))
    var inputJSONL: String?

    func validate() throws {
        for name in format.split(separator: ",") where BatchConverter.OutputFormat(rawValue: String(name)) == nil {
            throw ValidationError("unknown format '\(name)'; use jsonl, csv, sqlite")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if inputJSONL != nil {
            try validateJSONLinesInput()
        } else if paths.isEmpty {
            throw ValidationError("give at least one file or folder")
        }
    }

    func run() throws {
        if let inputJSONL { return try convertJSONLines(from: inputJSONL) }
        let started = Date()
        let output = output ?? (paths == ["-"] ? "-" : "out")
        var options = BatchConverter.Options(
            paths: paths, output: output, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            formats: Set(format.split(separator: ",").compactMap { BatchConverter.OutputFormat(rawValue: String($0)) }),
            force: force, normalize: NormalizeOptions(keepScript: keepScript), showProgress: !quiet)
        options.formats.insert(.jsonl)
        options.writeBlocks = blocks
        let summary: BatchConverter.Summary
        do {
            summary = try BatchConverter.run(options)
        } catch {
            FileHandle.standardError.write(Data("plan2json: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            let reused = summary.reused > 0 ? ", \(summary.reused) unchanged" : ""
            let line = "plan2json: \(summary.files) file(s): \(summary.converted) converted\(reused), \(summary.failed) failed, "
                + "\(summary.tasks) tasks in \(String(format: "%.2f", seconds)) s"
                + (output == "-" ? "" : " → \(output)/")
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let status: Int32
        if summary.failed == 0 {
            status = 0
        } else if summary.failed == summary.files {
            status = failOn == .never ? 0 : 3
        } else {
            status = failOn == .any ? 1 : 0
        }
        if status != 0 { throw ExitCode(status) }
    }
}
