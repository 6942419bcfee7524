import ArgumentParser

@main
struct Plan2JSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan2json",
        abstract: "Turn Chinese government plan documents into canonical JSON records.")
}
