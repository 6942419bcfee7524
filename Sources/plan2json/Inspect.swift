import ArgumentParser
import Emit
import Normalize
import Pipeline

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the tool sees in files: encoding, format, script, columns, sections, repairs, warnings.",
        discussion: """
            Exit status: 0 every file would convert; 1 some would not; 3 none would; 2 a path is missing
            or a folder (the other files are still inspected).
            """)

    @Argument(help: "The files to inspect; - for stdin.")
    var files: [String]

    @Flag(help: "One JSON object per file (JSON Lines) instead of the report for a person.")
    var json = false

    @Flag(help: "Keep the printed script (no conversion to simplified).")
    var keepScript = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, or - for stdin") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (stdin) can be given once") }
    }

    func run() throws {
        var converted = 0
        var failed = 0
        var usage = false
        for (index, file) in files.enumerated() {
            let loaded: Result<[UInt8], Inspector.LoadProblem> = file == "-" ? .success(try StandardStreams.input()) : Inspector.load(file)
            switch loaded {
            case .failure(let problem):
                if problem.isUsageError { usage = true } else { failed += 1 }
                if json { try StandardStreams.output(JSONSerializer.serialize(problem.json) + "\n") }
                StandardStreams.error("plan2json: \(problem.description)\n")
            case .success(let bytes):
                let inspection = Inspector.inspect(bytes: bytes, path: file, options: NormalizeOptions(keepScript: keepScript))
                if inspection.isConverted { converted += 1 } else { failed += 1 }
                if json {
                    try StandardStreams.output(JSONSerializer.serialize(inspection.json) + "\n")
                } else {
                    try StandardStreams.output((index > 0 ? "\n" : "") + inspection.text)
                }
            }
        }
        if usage { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(converted == 0 ? 3 : 1) }
    }
}
