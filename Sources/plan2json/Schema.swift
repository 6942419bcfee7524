import ArgumentParser
import Emit
import Foundation

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the JSON Schema (draft 2020-12) of the records.")

    func run() throws {
        FileHandle.standardOutput.write(Data((JSONSerializer.serialize(RecordSchema.json) + "\n").utf8))
    }
}
