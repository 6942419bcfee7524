import ArgumentParser
import Emit
import Foundation
import Pipeline

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read lines on stdin; write one JSON object per line: the cleaned text, its quantities and times.")

    @Option(help: "The year that fills in years the text leaves out (一季度, 7月底前).")
    var year: Int?

    @Flag(help: "Keep the printed script (no conversion to simplified).")
    var keepScript = false

    /// A usage error exits 2 (SPEC §5), not with argument-parser's 64.
    func validate() throws {
        if let year, !(1900...2100).contains(year) {
            StandardStreams.error("plan2json: error: --year must be a year from 1900 to 2100, not \(year)\n")
            throw ExitCode(2)
        }
    }

    func run() throws {
        let bytes = try StandardStreams.input()
        let lines: [String]
        do {
            lines = try PhraseExtractor.lines(of: bytes)
        } catch {
            StandardStreams.error("plan2json: error: \(error.description)\n")
            throw ExitCode(2)
        }
        var output = ""
        for value in PhraseExtractor.extract(lines, year: year, keepScript: keepScript) {
            JSONSerializer.write(value, into: &output)
            output += "\n"
        }
        try StandardStreams.output(output)
    }
}
