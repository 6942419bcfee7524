#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import PlanModel

/// The files a batch converts: files as given, folders walked recursively (a folder named
/// through a symbolic link is followed, and so are links inside it), hidden files and folders
/// skipped, `--include`/`--exclude` applied, sorted by path so that output order never
/// depends on the file system. Output folders (this run's and any other plan2json wrote) are
/// never walked: what the tool wrote is never an input. What the walk could not enter — an
/// unreadable folder, a dangling link, a link loop — is reported, not skipped in silence.
public enum InputFiles {
    public struct Missing: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): error: no such file or folder" }
    }

    /// What a walk found.
    public struct Selection: Hashable, Sendable {
        /// Files to convert, sorted by path, each once.
        public var files: [String]
        /// Places the walk could not go, as error lines (sorted by path).
        public var problems: [FileFailure]
    }

    /// A file or folder's identity, for loop detection.
    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    public static func collect(
        _ paths: [String], filter: InputFilter = InputFilter(), excluding outputFolder: String? = nil
    ) throws(Missing) -> Selection {
        var walk = Walk(filter: filter, output: outputFolder.flatMap(identity))
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                var link = stat()
                if lstat(path, &link) == 0 {
                    walk.problem(path, .danglingLink, "symbolic link to a missing target")
                    continue
                }
                throw Missing(path: path)
            }
            if isFolder(info) {
                walk.folder(path, ancestors: [Identity(info)])
            } else if walk.isOutput(containing: path) {
                continue
            } else if filter.accepts(file: path) {
                walk.files.append(path)
            }
        }
        // Sorted by path, each path once (a file named twice, or inside a named folder too).
        var seen: Set<String> = []
        let files = walk.files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.filter { seen.insert($0).inserted }
        let problems = walk.problems.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return Selection(files: files, problems: problems)
    }

    /// The paths listed in a `--files-from` file, one per line or NUL-separated; empty entries skipped.
    public static func list(_ bytes: [UInt8], nulSeparated: Bool) -> [String] {
        let separator: UInt8 = nulSeparated ? 0 : 10
        return bytes.split(separator: separator).map { line in
            var text = String(decoding: line, as: UTF8.self)
            if !nulSeparated, text.hasSuffix("\r") { text.removeLast() }
            return text
        }.filter { !$0.isEmpty }
    }

    static func identity(_ path: String) -> Identity? {
        var info = stat()
        return stat(path, &info) == 0 ? Identity(info) : nil
    }

    static func isFolder(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isRegular(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    /// A folder plan2json writes its outputs into: it holds the lock file, or a manifest the tool wrote.
    static func isOutputFolder(_ path: String) -> Bool {
        if access(path + "/" + OutputFolder.lockName, F_OK) == 0 { return true }
        let descriptor = open(path + "/manifest.json", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 32)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count > 0 && String(decoding: head[0..<count], as: UTF8.self).hasPrefix("{\"tool\":\"plan2json\"")
    }

    struct Walk {
        var filter: InputFilter
        var output: Identity?
        var files: [String] = []
        var problems: [FileFailure] = []

        mutating func problem(_ path: String, _ code: DiagnosticCode, _ message: String) {
            problems.append(FileFailure(path: path, sha256: nil, stage: "read", code: code, message: message))
        }

        /// Whether a file named directly lies in an output folder.
        func isOutput(containing file: String) -> Bool {
            let parent = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : "."
            return (output != nil && identity(parent.isEmpty ? "/" : parent) == output) || isOutputFolder(parent.isEmpty ? "/" : parent)
        }

        mutating func folder(_ path: String, ancestors: [Identity]) {
            if let last = ancestors.last, last == output || isOutputFolder(path) { return }
            guard let directory = opendir(path) else {
                problem(path, .unreadableFolder, "cannot read the folder: \(StandardStreams.reason(errno))")
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(directory)
            for name in names {
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFLNK {
                    var target = stat()
                    guard stat(full, &target) == 0 else {
                        problem(full, .danglingLink, "symbolic link to a missing target (\(StandardStreams.reason(errno)))")
                        continue
                    }
                    info = target
                    if isFolder(info), ancestors.contains(Identity(info)) {
                        problem(full, .linkLoop, "symbolic link loop: it leads back to a folder that contains it")
                        continue
                    }
                }
                if isFolder(info) {
                    if !filter.prunes(folder: full) { folder(full, ancestors: ancestors + [Identity(info)]) }
                } else if isRegular(info), filter.accepts(file: full) {
                    files.append(full)
                }
            }
        }
    }
}

extension InputFiles.Identity {
    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
