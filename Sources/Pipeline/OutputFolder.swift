import Foundation

/// The output folder, replaced as one set. Each run writes a complete generation under
/// `.plan2json-runs/<n>/` and then switches the `current` link to it with one atomic rename:
/// a kill at any instant leaves all the previous outputs or all the new ones. The names at the
/// top (`records.jsonl`, `tasks.csv`, …) are links through `current`, so every output in the
/// folder describes the same run; a name this run did not write is removed after the switch.
/// A reader that must see one consistent set while another run may switch resolves
/// `current` once (`realpath out/current`) and opens the files inside it.
struct OutputFolder {
    static let lockName = ".plan2json-lock"
    static let runsName = ".plan2json-runs"
    static let currentName = "current"
    /// Every name a run may write at the top of the folder.
    static let outputNames = ["records.jsonl", "errors.jsonl", "manifest.json", "tasks.jsonl", "tasks.csv", "plan.sqlite", "blocks.jsonl"]

    let path: String
    private let lock: OutputLock

    /// Creates the folder if needed, takes the lock, removes what killed runs left behind.
    init(path: String) throws(BatchConverter.Failure) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw BatchConverter.Failure(description: "cannot create output folder \(path): \(Self.reason(error))")
        }
        lock = try OutputLock(path: path + "/" + Self.lockName, folder: path)
        removeLeftovers()
    }

    private var runs: String { path + "/" + Self.runsName }

    /// The generation `current` points at, by name.
    private var currentGeneration: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path + "/" + Self.currentName))
            .map { ($0 as NSString).lastPathComponent }
    }

    /// Generations that are not current (a killed run's, or the previous one a killed run did not
    /// get to remove: the lock says no live run writes them), and `*.partial-PID` files of
    /// processes that are gone (from versions that wrote beside the outputs).
    private func removeLeftovers() {
        let manager = FileManager.default
        let current = currentGeneration
        for name in (try? manager.contentsOfDirectory(atPath: runs)) ?? [] where name != current {
            try? manager.removeItem(atPath: runs + "/" + name)
        }
        for name in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
            guard let range = name.range(of: ".partial-", options: .backwards) ?? name.range(of: ".link-", options: .backwards),
                let pid = Int32(name[range.upperBound...])
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? manager.removeItem(atPath: path + "/" + name) }
        }
    }

    /// A new, empty generation folder to write this run's outputs into.
    func newGeneration() throws(BatchConverter.Failure) -> String {
        let number = (currentGeneration.flatMap { Int($0) } ?? 0) + 1
        let generation = runs + "/" + String(number)
        // Never reuse what a killed run left under this name.
        try? FileManager.default.removeItem(atPath: generation)
        do {
            try FileManager.default.createDirectory(atPath: generation, withIntermediateDirectories: true)
        } catch {
            throw BatchConverter.Failure(description: "cannot write into \(path): \(Self.reason(error))")
        }
        Interruption.watch(generation: generation, folder: path)
        return generation
    }

    /// Removes a generation that will not be published (a write failed): the previous outputs stay.
    func discard(_ generation: String) {
        Interruption.publishing { () -> Void in
            try? FileManager.default.removeItem(atPath: generation)
        }
    }

    /// Makes a complete generation the folder's outputs; returns the names removed because this
    /// run did not write them (a format not asked for this time).
    func publish(_ generation: String) throws(BatchConverter.Failure) -> [String] {
        let manager = FileManager.default
        let written = Set((try? manager.contentsOfDirectory(atPath: generation)) ?? [])
        let target = Self.runsName + "/" + (generation as NSString).lastPathComponent
        return try Interruption.publishing { () throws(BatchConverter.Failure) -> [String] in
            FaultInjection.step()
            // Links for names new to the folder (dangling until the switch, like the name's absence).
            for name in Self.outputNames where written.contains(name) && !exists(name) {
                try link(name, to: Self.currentName + "/" + name)
            }
            FaultInjection.step()
            try link(Self.currentName, to: target)  // the switch
            FaultInjection.step()
            for name in Self.outputNames where written.contains(name) && !isLink(name) {
                // A file from a version that wrote outputs in place.
                try link(name, to: Self.currentName + "/" + name)
                FaultInjection.step()
            }
            var removed: [String] = []
            for name in Self.outputNames where !written.contains(name) && (exists(name) || isLink(name)) {
                unlink(path + "/" + name)
                removed.append(name)
                FaultInjection.step()
            }
            removeLeftovers()
            FaultInjection.step()
            return removed
        }
    }

    private func exists(_ name: String) -> Bool { access(path + "/" + name, F_OK) == 0 }

    private func isLink(_ name: String) -> Bool {
        var info = stat()
        return lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Points `name` at `destination` with one rename (atomic for readers).
    private func link(_ name: String, to destination: String) throws(BatchConverter.Failure) {
        let temporary = path + "/.\(name).link-\(getpid())"
        unlink(temporary)
        guard symlink(destination, temporary) == 0, rename(temporary, path + "/" + name) == 0 else {
            let reason = StandardStreams.reason(errno)
            unlink(temporary)
            throw BatchConverter.Failure(description: "cannot write \(path)/\(name): \(reason)")
        }
    }

    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return StandardStreams.reason(Int32(underlying.code))
        }
        if let posix = error as? POSIXError { return StandardStreams.reason(posix.code.rawValue) }
        return (error as NSError).localizedDescription
    }
}
