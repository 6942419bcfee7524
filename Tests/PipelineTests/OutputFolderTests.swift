import Emit
import Foundation
import Testing

/// The output folder as a nightly job leaves it: one consistent set whatever happens to a run
/// (kills between renames, SIGTERM, a full disk, a second run at once), never read as input.
@Suite struct OutputFolderTests {
    typealias CLI = CommandLineTests

    static func lines(_ path: String) throws -> [String] { try CLI.lines(path) }

    @Test func theOutputFolderIsNeverAnInput() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        let input = folder + "/in"
        try CLI.run(["convert", ".", "-o", "out", "--quiet"], in: input)
        try CLI.run(["convert", ".", "-o", "other", "--quiet"], in: input)
        let second = try CLI.run(["convert", ".", "-o", "out"], in: input)
        #expect(second.status == 0)
        #expect(second.stderr.contains("1 file(s): 0 converted, 1 unchanged, 0 failed"))
        let manifest = try JSONParser.parse(String(contentsOfFile: input + "/out/manifest.json", encoding: .utf8))
        #expect(manifest["files"]?.arrayValue?.compactMap { $0["path"]?.stringValue } == ["./a.txt"])
        // Named directly, an output file is not an input either.
        let direct = try CLI.run(["convert", "out/records.jsonl", "-o", "third"], in: input)
        #expect(direct.status == 2)
        #expect(direct.stderr.contains("no input files found"))
    }

    @Test func outputsNotAskedForAreRemovedAndSaidSo() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in", "--format", "jsonl,csv,sqlite", "--quiet"], in: folder)
        #expect(Set(Shell.outputs(folder + "/out").keys) == ["records.jsonl", "errors.jsonl", "manifest.json", "tasks.csv", "plan.sqlite"])
        let second = try CLI.run(["convert", "in"], in: folder)
        #expect(second.status == 0)
        #expect(Set(Shell.outputs(folder + "/out").keys) == ["records.jsonl", "errors.jsonl", "manifest.json"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/tasks.csv"))
        #expect(second.stderr.contains("removed out/tasks.csv, out/plan.sqlite"))
    }

    @Test func duplicatesAreReportedNotFailedAndDecidedAgainEachRun() throws {
        let folder = try CLI.workspace([
            "a.txt": "fixtures/text/seed-003/input.txt", "copy/a.txt": "fixtures/text/seed-003/input.txt",
            "b.txt": "fixtures/table-dump/seed-000/input.txt",
        ])
        let first = try CLI.run(["convert", "in"], in: folder)
        #expect(first.status == 0)
        #expect(first.stderr.contains("3 file(s): 2 converted, 1 duplicate, 0 failed"))
        #expect(try String(contentsOfFile: folder + "/out/errors.jsonl", encoding: .utf8).isEmpty)
        let manifest = try JSONParser.parse(String(contentsOfFile: folder + "/out/manifest.json", encoding: .utf8))
        let copy = try #require(manifest["files"]?.arrayValue?.first { $0["path"] == .string("in/copy/a.txt") })
        #expect(copy["status"] == .string("duplicate") && copy["same_as"] == .string("in/a.txt"))

        // The original goes: the copy is converted, exactly as a fresh --force run would.
        try FileManager.default.removeItem(atPath: folder + "/in/a.txt")
        let second = try CLI.run(["convert", "in"], in: folder)
        #expect(second.stderr.contains("2 file(s): 1 converted, 1 unchanged, 0 failed"))
        let incremental = Shell.outputs(folder + "/out")
        try CLI.run(["convert", "in", "-o", "forced", "--force", "--quiet"], in: folder)
        #expect(incremental == Shell.outputs(folder + "/forced"))
        #expect(try Self.lines(folder + "/out/records.jsonl").contains { $0.hasPrefix(#"{"type":"document""#) && $0.contains(#""path":"in/copy/a.txt""#) })
    }

    /// PLAN2JSON_FAULT_KILL_AT=N kills the run at the N-th step of replacing the outputs; at every
    /// step the folder holds the previous run's outputs or the new run's, never a mix.
    @Test func aKillAtAnyStepOfTheSwitchLeavesAllPreviousOrAllNew() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt", "b.txt": "fixtures/table-dump/seed-000/input.txt"])
        let previousArguments = ["convert", "in", "-o", "out", "--format", "jsonl,csv", "--quiet"]
        let newArguments = ["convert", "in", "-o", "out", "--format", "jsonl,sqlite", "--quiet"]
        try CLI.run(previousArguments, in: folder)
        let previous = Shell.outputs(folder + "/out")
        try "一、总则\n1.建设项目（市教育局负责）\n".write(toFile: folder + "/in/c.txt", atomically: true, encoding: .utf8)
        try CLI.run(newArguments.map { $0 == "out" ? "reference" : $0 }, in: folder)
        let new = Shell.outputs(folder + "/reference")
        #expect(previous != new && new["plan.sqlite"] != nil && previous["tasks.csv"] != nil)

        var step = 1
        while step < 30 {
            // Back to the previous outputs, then a run killed at this step.
            try FileManager.default.removeItem(atPath: folder + "/in/c.txt")
            try CLI.run(previousArguments, in: folder)
            #expect(Shell.outputs(folder + "/out") == previous)
            try "一、总则\n1.建设项目（市教育局负责）\n".write(toFile: folder + "/in/c.txt", atomically: true, encoding: .utf8)
            let run = try Shell.run(
                "exec \"$P\" " + newArguments.joined(separator: " "), in: folder, environment: ["PLAN2JSON_FAULT_KILL_AT": String(step)])
            let seen = Shell.outputs(folder + "/out")
            #expect(seen == previous || seen == new, "a mix after a kill at step \(step)")
            if run.signal == nil {
                #expect(run.status == 0)
                #expect(seen == new)
                break
            }
            #expect(run.signal == SIGKILL)
            step += 1
        }
        #expect(step > 3, "the switch has several steps")
        // The next run clears what the killed ones left: only the current generation remains.
        try CLI.run(newArguments, in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.plan2json-runs").count == 1)
        #expect(!Shell.tree(folder + "/out").contains { $0.contains(".partial-") || $0.contains(".link-") })
    }

    /// A run blocked reading a FIFO is mid-write: its generation exists, with partial files.
    static func startBlockedRun(in folder: String) throws -> Process {
        #expect(mkfifo(folder + "/in/z-fifo.txt", 0o644) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["convert", "in/a.txt", "in/z-fifo.txt", "-o", "out", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Its outputs are open (partial files in the new generation) before it reads the inputs.
        let partial = folder + "/out/.plan2json-runs/2/records.jsonl.partial-\(process.processIdentifier)"
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: partial) { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: partial), "the run started writing")
        return process
    }

    @Test func sigtermRemovesTheRunsPartialFilesAndKeepsThePreviousOutputs() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in/a.txt", "-o", "out", "--quiet"], in: folder)
        let previous = Shell.outputs(folder + "/out")
        let process = try Self.startBlockedRun(in: folder)
        #expect(Shell.tree(folder + "/out").contains { $0.contains(".partial-") })
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(!Shell.tree(folder + "/out").contains { $0.contains(".partial-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.plan2json-runs") == ["1"])
        #expect(Shell.outputs(folder + "/out") == previous)
    }

    @Test func theNextRunRemovesWhatAKilledRunLeft() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in/a.txt", "-o", "out", "--quiet"], in: folder)
        let process = try Self.startBlockedRun(in: folder)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(Shell.tree(folder + "/out").contains { $0.contains(".partial-") })
        // And a partial file beside the outputs, from an older version's dead process.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        FileManager.default.createFile(atPath: folder + "/out/records.jsonl.partial-\(dead.processIdentifier)", contents: Data(count: 1000))
        try FileManager.default.removeItem(atPath: folder + "/in/z-fifo.txt")
        let next = try CLI.run(["convert", "in/a.txt", "-o", "out", "--quiet"], in: folder)
        #expect(next.status == 0)
        #expect(!Shell.tree(folder + "/out").contains { $0.contains(".partial-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.plan2json-runs").count == 1)
    }

    @Test func aSecondRunIntoTheSameFolderIsRefused() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in/a.txt", "-o", "out", "--quiet"], in: folder)
        let first = try Self.startBlockedRun(in: folder)
        let second = try CLI.run(["convert", "in/a.txt", "-o", "out"], in: folder)
        #expect(second.status == 2)
        #expect(second.stderr == "plan2json: out is in use by another plan2json run (pid \(first.processIdentifier)); not starting a second run into it\n")
        // The first one finishes normally once its input arrives.
        let writer = FileHandle(forWritingAtPath: folder + "/in/z-fifo.txt")
        try writer?.close()
        first.waitUntilExit()
        #expect(first.terminationStatus == 1, "the empty FIFO is an empty file")
        #expect(try Self.lines(folder + "/out/errors.jsonl").count == 1)
    }

    @Test func aFullDiskIsOneLineAndLeavesThePreviousOutputs() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/table-dump/seed-000/input.txt"])
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        let previous = Shell.outputs(folder + "/out")
        try FileManager.default.copyItem(atPath: Repository.path("fixtures/text/seed-003/input.txt"), toPath: folder + "/in/b.txt")
        // A file size limit makes writes fail as a full disk does (EFBIG rather than ENOSPC).
        let run = try Shell.run(#"ulimit -f 64; exec "$P" convert in -o out"#, in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "plan2json: cannot write out/records.jsonl: File too large\n")
        #expect(Shell.outputs(folder + "/out") == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.plan2json-runs") == ["1"])
    }

    @Test func aSymlinkedInputFolderIsFollowedAndBadLinksInsideAreErrorLines() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: folder + "/in")
        let run = try CLI.run(["convert", "linked", "-o", "out"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.contains("1 file(s): 1 converted"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/in/gone.txt", withDestinationPath: folder + "/nowhere")
        try FileManager.default.createSymbolicLink(atPath: folder + "/in/loop", withDestinationPath: folder + "/in")
        let bad = try CLI.run(["convert", "linked", "-o", "out", "--quiet"], in: folder)
        #expect(bad.status == 1)
        let errors = try Self.lines(folder + "/out/errors.jsonl").map { try JSONParser.parse($0) }
        #expect(errors.compactMap { $0["path"]?.stringValue } == ["linked/gone.txt", "linked/loop"])
        #expect(errors.compactMap { $0["code"]?.stringValue } == ["pipeline.input.danglingLink", "pipeline.input.linkLoop"])
    }

    @Test func aRunThatFindsNoInputsNeverReplacesTheOutputs() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt"])
        try CLI.run(["convert", "in", "-o", "out", "--quiet"], in: folder)
        let previous = Shell.outputs(folder + "/out")
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        let run = try CLI.run(["convert", "empty", "-o", "out"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "plan2json: no input files found in empty; out/ left as it was\n")
        #expect(Shell.outputs(folder + "/out") == previous)
    }

    /// Run as an unprivileged user (root reads every folder) where the test runs as root.
    @Test func anUnreadableSubfolderIsAnErrorLine() throws {
        let folder = try CLI.workspace(["a.txt": "fixtures/text/seed-003/input.txt", "locked/b.txt": "fixtures/table-dump/seed-000/input.txt"])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder + "/in/locked")
        let drop = try Shell.unprivileged(in: folder)
        let run = try Shell.run(drop + #""$P" convert in -o out"#, in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("2 file(s): 1 converted, 1 failed"))
        let errors = try Self.lines(folder + "/out/errors.jsonl").map { try JSONParser.parse($0) }
        #expect(errors.count == 1)
        #expect(errors.first?["path"] == .string("in/locked"))
        #expect(errors.first?["message"] == .string("cannot read the folder: Permission denied"))
    }
}
