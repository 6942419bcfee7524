import ArgumentParser
import Foundation
import Pipeline

/// The `plan2json` command: argument parsing only; the work is in Pipeline.
@main
struct Plan2JSON: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan2json",
        abstract: "Turn Chinese government plan documents into canonical JSON records.",
        discussion: """
            Exit status: 0 every file converted (or kept, a duplicate, or skipped as not a document); \
            1 some files failed; 2 a usage error or output that could not be written; 3 every file failed.
            """,
        version: ToolVersion.current,
        subcommands: [Convert.self, Inspect.self, Extract.self, Schema.self],
        defaultSubcommand: nil)

    /// Like ParsableCommand.main, but every usage error exits 2 (not 64), and write errors are one
    /// line and exit 2 (a closed or full stdout is an error value, never a trap).
    static func main() {
        // EPIPE and EFBIG come back as errors from write() instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as StandardStreams.Failure {
            StandardStreams.error("plan2json: \(error.description)\n")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                do {
                    try StandardStreams.output(message + "\n")
                } catch {
                    StandardStreams.error("plan2json: \(error.description)\n")
                    Foundation.exit(2)
                }
                Foundation.exit(0)
            }
            StandardStreams.error(message + "\n")
            Foundation.exit(2)
        }
    }
}
