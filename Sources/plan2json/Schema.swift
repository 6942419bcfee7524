import ArgumentParser
import Emit
import Pipeline

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the JSON Schema (draft 2020-12) of the records.")

    func run() throws {
        try StandardStreams.output(JSONSerializer.serialize(RecordSchema.json) + "\n")
    }
}
