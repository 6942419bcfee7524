#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a temporary name beside its destination and renamed into place
/// when complete, so an interrupted run never leaves a half-written output. Writes go
/// through POSIX calls so that a full disk is an `EmitError` naming the reason, never a trap.
/// (A class only to own the file descriptor.)
public final class AtomicFile {
    public let destination: String
    let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    public init(destination: String) throws(EmitError) {
        self.destination = destination
        self.temporary = destination + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw EmitError(path: destination, message: Self.reason()) }
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws(EmitError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Bytes as they are; a large run goes to the file directly, without a copy into the buffer.
    public func write(_ bytes: ArraySlice<UInt8>) throws(EmitError) {
        if buffer.count + bytes.count < 1 << 16 {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if let failure = bytes.withUnsafeBytes(writeAll) { throw failure }
    }

    public func write(_ bytes: [UInt8]) throws(EmitError) { try write(bytes[...]) }

    /// Bytes in place, as `write(_:)` of an array slice.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(EmitError) {
        if buffer.count + bytes.count < 1 << 16 {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if let failure = writeAll(bytes) { throw failure }
    }

    private func flush() throws(EmitError) {
        if let failure = buffer.withUnsafeBytes(writeAll) { throw failure }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte; the error, if the system refuses.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> EmitError? {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return EmitError(path: destination, message: Self.reason())
            }
            offset += count
        }
        return nil
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws(EmitError) {
        try flush()
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw EmitError(path: destination, message: Self.reason()) }
        if rename(temporary, destination) != 0 { throw EmitError(path: destination, message: Self.reason()) }
    }

    /// Puts a hard link to `existing` in place instead of what was written (nothing, by the
    /// caller's account), when the file would hold exactly its bytes. False, with the file still
    /// open for writing, if the file system refuses the link (another device, no hard links).
    public func commit(asLinkTo existing: String) -> Bool {
        let link = temporary + ".link"
        unlink(link)
        guard Glibc.link(existing, link) == 0 else { return false }
        guard rename(link, destination) == 0 else {
            unlink(link)
            return false
        }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
        return true
    }

    private static func reason() -> String { String(cString: strerror(errno)) }

    deinit {
        // Never committed: leave nothing behind.
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }
}
