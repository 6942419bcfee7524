import ArgumentParser
import Foundation
import Normalize
import Pipeline

/// `convert --input-jsonl FILE|-`: documents as JSON Lines in, records out on stdout.
extension Convert {
    func validateJSONLinesInput() throws {
        if !paths.isEmpty {
            throw ValidationError("--input-jsonl reads its documents from the JSON Lines input; give no other files or folders")
        }
        if let output, output != "-" {
            throw ValidationError("--input-jsonl writes its records to stdout; leave out -o or use -o -")
        }
        if format != "jsonl" { throw ValidationError("--input-jsonl writes JSON Lines only; leave out --format") }
        if blocks { throw ValidationError("--blocks needs an output folder; it cannot be used with --input-jsonl") }
        if jobs != nil {
            throw ValidationError("--input-jsonl converts one document at a time; run several processes for parallel work")
        }
    }

    func convertJSONLines(from input: String) throws {
        let started = Date()
        let handle: FileHandle
        if input == "-" {
            handle = FileHandle.standardInput
        } else if let file = FileHandle(forReadingAtPath: input) {
            handle = file
        } else {
            FileHandle.standardError.write(Data("plan2json: \(input): error: cannot open the JSON Lines input\n".utf8))
            throw ExitCode(2)
        }
        let summary: JSONLinesInputConverter.Summary
        do {
            summary = try JSONLinesInputConverter.run(
                input: handle, inputName: input, output: FileHandle.standardOutput,
                options: NormalizeOptions(keepScript: keepScript))
        } catch {
            FileHandle.standardError.write(Data("plan2json: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        if !quiet {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let line = "plan2json: \(summary.documents) document(s): \(summary.converted) converted, \(summary.failed) failed, "
                + "\(summary.tasks) tasks in \(seconds) s"
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        // The same rule as a batch: --fail-on chooses which failures make the status non-zero.
        let status: Int32
        if summary.failed == 0 {
            status = 0
        } else if summary.failed == summary.documents {
            status = failOn == .never ? 0 : 3
        } else {
            status = failOn == .any ? 1 : 0
        }
        if status != 0 { throw ExitCode(status) }
    }
}
