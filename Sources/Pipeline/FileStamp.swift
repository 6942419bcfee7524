#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Emit

/// What the file system says about a file without reading it: size, modification and change
/// times, inode and device. An incremental run keeps a file's records without reading or
/// hashing it when its stamp is the one the last run recorded (as make, rsync and git's index
/// do), unless the stamp is too close to the time of that run to tell a later write apart.
struct FileStamp: Hashable, Sendable {
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int
    /// Nanoseconds since 1970: the last change to the file or its metadata (a `cp -p` or
    /// `touch -d` cannot set it back).
    var changed: Int
    var inode: UInt64
    var device: UInt64

    init(size: Int, modified: Int, changed: Int, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// The stamp of the regular file at `path` (following links), or nil.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    /// Whether a file with this stamp can be taken as unchanged since a run that started at
    /// `runStarted` (ns) recorded `recorded`: the same stamp, and both times at least
    /// `FileStamp.margin` before that run started, so that a write in the same clock tick as
    /// the run's read cannot hide behind an equal time.
    func isUnchanged(since recorded: FileStamp, runStarted: Int) -> Bool {
        self == recorded && modified < runStarted - Self.margin && changed < runStarted - Self.margin
    }

    /// Whether this is the same file, not written since: the change time aside, which a new
    /// hard link to it (a run that keeps all of it) moves on.
    func hasSameContent(as other: FileStamp) -> Bool {
        size == other.size && modified == other.modified && inode == other.inode && device == other.device
    }

    /// Two seconds, in nanoseconds: more than any file system's time granularity (FAT's 2 s).
    static let margin = 2_000_000_000

    /// Now, in nanoseconds since 1970 (the clock file times are set from).
    static var now: Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    var json: JSONValue {
        .object([
            ("size", .number(String(size))), ("modified_ns", .number(String(modified))),
            ("changed_ns", .number(String(changed))), ("inode", .number(String(inode))), ("device", .number(String(device))),
        ])
    }

    init?(json: JSONValue?) {
        guard let json, let size = json["size"]?.scalarText.flatMap({ Int($0) }),
            let modified = json["modified_ns"]?.scalarText.flatMap({ Int($0) }),
            let changed = json["changed_ns"]?.scalarText.flatMap({ Int($0) }),
            let inode = json["inode"]?.scalarText.flatMap({ UInt64($0) }),
            let device = json["device"]?.scalarText.flatMap({ UInt64($0) })
        else { return nil }
        self.init(size: size, modified: modified, changed: changed, inode: inode, device: device)
    }
}
