import Foundation
import Testing

/// The progress line: on a terminal, one line redrawn in place with percent, rates, elapsed,
/// ETA and failures; nothing but the summary when stderr is not a terminal.
@Suite struct ProgressLineTests {
    typealias CLI = CommandLineTests

    static func workspace() throws -> String {
        try CLI.workspace([
            "1.txt": "fixtures/text/seed-003/input.txt", "2.txt": "fixtures/table-dump/seed-000/input.txt",
            "3.pdf": "fixtures/errors/report.pdf",
        ])
    }

    @Test func aTerminalGetsOneRedrawnLine() throws {
        let folder = try Self.workspace()
        // script(1) gives the run a terminal and copies what it shows to stdout.
        let run = try Shell.run(#"script -qec "\"$P\" convert in -o out -j 1" /dev/null"#, in: folder)
        let shown = run.stdout
        #expect(shown.contains("\rplan2json: 100% 3/3 files  "), "\(shown.debugDescription)")
        for part in ["files/s", "MB/s", "elapsed  ETA 0:00", "1 failed", "\u{1B}[K"] {
            #expect(shown.contains(part), "missing \(part)")
        }
        #expect(shown.contains("plan2json: 3 file(s): 2 converted, 1 failed; 71 tasks"))
    }

    @Test func anythingElseGetsTheSummaryAlone() throws {
        let folder = try Self.workspace()
        let run = try CLI.run(["convert", "in", "-o", "out"], in: folder)
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("ETA"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder).stderr.isEmpty)
    }
}
