import ArgumentParser
import Pipeline

/// The `plan2json` command: argument parsing only; the work is in Pipeline.
@main
struct Plan2JSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan2json",
        abstract: "Turn Chinese government plan documents into canonical JSON records.",
        version: ToolVersion.current,
        subcommands: [Convert.self, Inspect.self, Extract.self, Schema.self],
        defaultSubcommand: nil)
}
