import ArgumentParser
import Foundation
import Normalize
import Pipeline

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the tool sees in a file: encoding, format, script, columns, sections, repairs, warnings.")

    @Argument(help: "The file to inspect.")
    var file: String

    @Flag(help: "Keep the printed script (no conversion to simplified).")
    var keepScript = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("plan2json: \(file): error: cannot read the file\n".utf8))
            throw ExitCode(2)
        }
        let report = Inspector.report(bytes: [UInt8](data), path: file, options: NormalizeOptions(keepScript: keepScript))
        FileHandle.standardOutput.write(Data(report.utf8))
    }
}
