import Foundation

/// A file written under a temporary name beside its destination and renamed into place
/// when complete, so an interrupted run never leaves a half-written output.
public final class AtomicFile {
    public let destination: String
    let temporary: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []

    public init(destination: String) throws(EmitError) {
        self.destination = destination
        self.temporary = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw EmitError(path: destination, message: "cannot create \(temporary)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws(EmitError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(EmitError) {
        guard let handle, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw EmitError(path: destination, message: "cannot write: \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    public func commit() throws(EmitError) {
        try flush()
        try? handle?.close()
        handle = nil
        if rename(temporary, destination) != 0 {
            throw EmitError(path: destination, message: "cannot move \(temporary) into place")
        }
    }

    deinit {
        // Never committed: leave nothing behind.
        if handle != nil {
            try? handle?.close()
            unlink(temporary)
        }
    }
}
