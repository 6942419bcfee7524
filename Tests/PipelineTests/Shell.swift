import Foundation

/// Runs a shell script with `$P` naming the built `plan2json`, for what a test needs from the
/// shell: redirections to /dev/full, closed streams, ulimit, FIFOs, background runs.
enum Shell {
    struct Run {
        var status: Int32
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ script: String, in folder: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["P"] = Repository.binary
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let signaled = process.terminationReason == .uncaughtSignal
        return Run(
            status: signaled ? 128 + process.terminationStatus : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A prefix that runs a command as an unprivileged user when the tests run as root (root reads
    /// every file, so permission errors need another user), and `$P` copied where that user can run
    /// it (the checkout may sit in a folder only root can enter).
    static func unprivileged(in folder: String) throws -> String {
        guard getuid() == 0 else { return "" }
        let copy = folder + "/bin/plan2json"
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.binary, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/bin")
        return "P=\(copy); setpriv --reuid=65534 --regid=65534 --clear-groups "
    }

    /// The readable outputs at the top of a folder, by name (a dangling link reads as absent).
    static func outputs(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["records.jsonl", "errors.jsonl", "manifest.json", "tasks.jsonl", "tasks.csv", "plan.sqlite"] {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { result[name] = data }
        }
        return result
    }

    /// Every path under `folder` (hidden ones too), relative, sorted.
    static func tree(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }
}
