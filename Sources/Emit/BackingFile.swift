#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that holds encoded lines outside memory until they are written: a nameless temporary
/// file that a large document's lines spill into, or the last run's records.jsonl whose lines an
/// incremental run keeps. Lines are read back in blocks when their turn comes, so memory stays
/// bounded whatever the size of one document or of the last run's output. (A class only to own
/// the descriptor; filled by the worker that encodes, then only read, by the writer, once handed
/// over.)
public final class BackingFile: @unchecked Sendable {
    private var descriptor: Int32
    /// Bytes in the file.
    public private(set) var count = 0

    /// A new empty temporary file in `folder` (beside the output, on the disk the output goes to
    /// anyway), unlinked at once so nothing is left behind even by a killed run; nil if the folder
    /// does not take one (then the lines stay in memory).
    public init?(spillingIn folder: String) {
        var template = Array((folder + "/.plan2json-spill-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    /// An existing file, for reading; nil if it cannot be opened.
    public init?(reading path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        count = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Appends `bytes`; the range they occupy, or nil if the system refused (disk full), in
    /// which case nothing counts as written and the caller keeps the bytes.
    public func append(_ bytes: ArraySlice<UInt8>) -> Range<Int>? {
        bytes.withUnsafeBytes(append)
    }

    /// The same, for bytes in place.
    public func append(_ buffer: UnsafeRawBufferPointer) -> Range<Int>? {
        let start = count
        let written = { () -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(start + offset))
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }()
        guard written else { return nil }
        count += buffer.count
        return start..<count
    }

    /// The bytes of `range`, or nil if the system refused or the file is shorter.
    public func read(_ range: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return nil }
            done += result
        }
        return bytes
    }

    /// Reads `range` back in blocks of at most `blockSize` bytes, handing each to `body`.
    /// A read the system refuses is an `EmitError` naming `path` (the output being written).
    public func forEachBlock(
        in range: Range<Int>, blockSize: Int = 1 << 20, path: String, _ body: (ArraySlice<UInt8>) throws(EmitError) -> Void
    ) throws(EmitError) {
        var block = [UInt8](repeating: 0, count: min(blockSize, max(range.count, 1)))
        var position = range.lowerBound
        while position < range.upperBound {
            let wanted = min(block.count, range.upperBound - position)
            let result = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(position)) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let reason = result < 0 ? String(cString: strerror(errno)) : "the file ended early"
                throw EmitError(path: path, message: "cannot read back lines kept outside memory: \(reason)")
            }
            try body(block[..<result])
            position += result
        }
    }

    deinit { close(descriptor) }
}
