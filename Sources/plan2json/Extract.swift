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

    func run() throws {
        let text = String(decoding: try StandardStreams.input(), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if text.hasSuffix("\n") { lines.removeLast() }
        var output = ""
        for value in PhraseExtractor.extract(lines, year: year, keepScript: keepScript) {
            JSONSerializer.write(value, into: &output)
            output += "\n"
        }
        try StandardStreams.output(output)
    }
}
